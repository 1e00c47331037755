using System.Globalization;

namespace Ordre.Bench;

/// <summary>
/// The machine's CPU time from <c>/proc/stat</c> (in clock ticks, all cores): what a run had, printed beside its figures.
/// On a virtual machine, <see cref="Steal"/> is the time the host gave to others while this machine wanted to run: a run
/// with a high share of it measured the host's neighbours as much as the system (docs/benchmarks.md).
/// </summary>
public readonly record struct MachineCpu(long Busy, long Idle, long IoWait, long Steal)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
            return default;
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new MachineCpu(fields[0] + fields[1] + fields[2] + fields[5] + fields[6], fields[3], fields[4], fields[7]);
    }

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.Busy - before.Busy, after.Idle - before.Idle, after.IoWait - before.IoWait, after.Steal - before.Steal);

    public override string ToString()
    {
        var total = Busy + Idle + IoWait + Steal;
        string Share(long part) => total == 0 ? "?" : (100.0 * part / total).ToString("0", CultureInfo.InvariantCulture);
        return $"busy {Share(Busy)} %, idle {Share(Idle)} %, waiting for the disk {Share(IoWait)} %, stolen by the host {Share(Steal)} %";
    }
}
