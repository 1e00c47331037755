using System.Text;

namespace Ordre.Testing;

/// <summary>
/// A CSV produced row by row as it is read (never held whole), for upload tests of any size; <paramref name="written"/>
/// runs after each row is produced (to pause the sender, or cut it).
/// </summary>
public sealed class GeneratedCsv(string header, int rows, Func<int, string> row, Func<int, Task>? written = null) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header + "\n");
    private int _offset, _next = 1;
    private long _position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _pending.Length)
        {
            if (_next > rows)
                return 0;
            _pending = Encoding.UTF8.GetBytes(row(_next) + "\n");
            _offset = 0;
            if (written is not null)
                await written(_next);
            _next++;
        }
        var n = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        _position += n;
        return n;
    }

    /// <summary>The file's size in bytes, counted by producing its rows once more (the callback after each row is not called).</summary>
    public long Size => Encoding.UTF8.GetByteCount(header + "\n") + Enumerable.Range(1, rows).Sum(i => (long)Encoding.UTF8.GetByteCount(row(i) + "\n"));

    /// <summary>The file as a text/csv request body that declares its length (as an upload must) and is sent as it is produced.</summary>
    public StreamContent AsContent() => new(this) { Headers = { ContentType = new("text/csv"), ContentLength = Size } };

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
