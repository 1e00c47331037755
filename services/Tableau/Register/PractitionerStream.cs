using System.Security.Cryptography;
using System.Text;

namespace Ordre.Tableau.Register;

/// <summary>
/// A doctor's register entry is one stream whose id derives from the RPPS number (a name-based,
/// version-5-style GUID), so every service-side lookup by RPPS finds it without an index.
/// </summary>
public static class PractitionerStream
{
    private const string Prefix = "ordre:tableau:rpps:";

    /// <remarks>Without an allocation for a number of ordinary length: the batch lookup computes thousands per call.</remarks>
    public static Guid IdOf(string rpps)
    {
        var length = Encoding.ASCII.GetByteCount(Prefix) + Encoding.ASCII.GetByteCount(rpps);
        Span<byte> name = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.ASCII.GetBytes(Prefix, name);
        Encoding.ASCII.GetBytes(rpps, name[written..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
