using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;

namespace Ordre.Tableau.Register.Deadlines;

/// <summary>What the clock does to an entry on a given day: the events due, none when nothing is due.</summary>
public static class DueChanges
{
    public const string Clock = "horloge";

    public static IReadOnlyList<object> On(Practitioner entry, DateOnly today)
    {
        var due = new List<object>();
        if (entry.Suspension is { Until: { } lastDay } suspension && lastDay < today)
            due.Add(new SuspensionEnded(entry.Id, entry.Rpps, suspension.SuspensionId, SuspensionEnd.Expired, lastDay.AddDays(1), Clock));
        if (entry.Ban is { To: { } lastBanDay } ban && lastBanDay < today)
            due.Add(new PracticeBanEnded(entry.Id, entry.Rpps, ban.SanctionId, lastBanDay.AddDays(1)));
        foreach (var sanction in entry.Sanctions.Where(s => s.Pending && s.From <= today).OrderBy(s => s.From))
        {
            if (sanction.Kind == SanctionKind.StrikingOff)
            {
                due.Add(new PractitionerStruckOff(entry.Id, entry.Rpps, StrikingOffReason.Disciplinary, sanction.From, Clock, sanction.SanctionId));
                break; // nothing follows a striking-off
            }
            if (sanction.To is { } to && to < today)
                continue; // a ban entirely in the past by the time it is recorded changes nothing now
            due.Add(new PracticeBanStarted(entry.Id, entry.Rpps, sanction.SanctionId, sanction.From, sanction.To));
        }
        return due;
    }
}
