using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

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
        // Each ban ends on its own date, whatever else runs (measures stack).
        foreach (var ban in entry.Bans.Where(b => b.To < today).OrderBy(b => b.To))
            due.Add(new PracticeBanEnded(entry.Id, entry.Rpps, ban.SanctionId, ban.To!.Value.AddDays(1)));
        foreach (var sanction in entry.Sanctions.Where(s => s.Pending && s.From <= today).OrderBy(s => s.From))
        {
            if (sanction.Kind == SanctionKind.StrikingOff)
            {
                due.Add(new PractitionerStruckOff(entry.Id, entry.Rpps, StrikingOffReason.Disciplinary, sanction.From, Clock, sanction.SanctionId));
                return StatusAfter.Stamp(entry, due); // nothing follows a striking-off
            }
            due.Add(new PracticeBanStarted(entry.Id, entry.Rpps, sanction.SanctionId, sanction.From, sanction.To));
            // A ban entirely in the past by the time it is recorded is settled at once: started and ended on its dates.
            if (sanction.To is { } to && to < today)
                due.Add(new PracticeBanEnded(entry.Id, entry.Rpps, sanction.SanctionId, to.AddDays(1)));
        }
        // R.4112-3: the new council decides a transfer within 3 months (5 with an expertise); its silence refuses it (as
        // L.4112-4 for an inscription), so that no entry stays "in transfer" for ever.
        if (entry is { Status: RegisterStatus.InTransfer, Transfer: { } transfer } && transfer.DecisionDueOn < today)
            due.Add(new TransferRefused(entry.Id, entry.Rpps, transfer.ToDepartment,
                [$"Le conseil départemental d'accueil n'a pas statué avant le {transfer.DecisionDueOn:dd/MM/yyyy} : refus implicite."],
                transfer.DecisionDueOn, Clock, Implicit: true));
        // R.4112-3: a striking-off at the doctor's request (or administrative) dated later applies on its day.
        if (entry.StrikingOffOn is { } scheduled && scheduled.On <= today)
            due.Add(new PractitionerStruckOff(entry.Id, entry.Rpps, scheduled.Reason, scheduled.On, scheduled.By));
        return StatusAfter.Stamp(entry, due);
    }
}
