using System.Security.Cryptography;
using System.Text;

namespace Ordre.Solidarity.Helpline;

/// <summary>
/// One day of the entraide helpline (0800 288 038) as anonymous counts only (DOMAIN §5.2, §10.6): how many calls by caller
/// profession, mode of practice and route taken. No identifier, no free text, no time of day: one stream per day.
/// </summary>
public sealed class HelplineDay
{
    public Guid Id { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>Calls per "profession|mode|route".</summary>
    public Dictionary<string, int> Counts { get; set; } = [];
    /// <summary>The ids of the entries counted (chosen by the caller: a retry is not counted twice).</summary>
    public List<Guid> Entries { get; set; } = [];

    public static Guid IdOf(DateOnly day)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"helpline:{day:yyyy-MM-dd}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string Key(string profession, string mode, string route) => $"{profession}|{mode}|{route}";

    public void Apply(HelplineCallsCounted e)
    {
        Id = e.DayId;
        Day = e.Day;
        var key = Key(e.Profession, e.Mode, e.Route);
        Counts[key] = Counts.GetValueOrDefault(key) + e.Calls;
        if (e.Entry is { } entry)
            Entries.Add(entry);
    }
}

/// <summary><paramref name="Calls"/> helpline calls on <paramref name="Day"/> from callers of that profession and mode of practice, routed so.</summary>
public sealed record HelplineCallsCounted(Guid DayId, DateOnly Day, string Profession, string Mode, string Route, int Calls, Guid? Entry, DateTimeOffset At)
    : IChanges<HelplineDay>;
