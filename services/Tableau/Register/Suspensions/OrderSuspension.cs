using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Suspensions;

/// <summary>Body of POST /register/{rpps}/suspensions.</summary>
/// <param name="Source">Health, Incompetence or ArsEmergency.</param>
/// <param name="Partial">Incompetence only: a partial suspension (hidden from the directory all the same).</param>
/// <param name="From">First day (today when omitted).</param>
/// <param name="Until">Last day; required except for ArsEmergency, whose default and maximum is 5 months.</param>
public sealed record OrderSuspension(SuspensionSource? Source, bool Partial, DateOnly? From, DateOnly? Until);

public sealed record SuspensionOrdered(Guid PractitionerId, string Rpps, Guid SuspensionId, SuspensionSource Source, bool Partial, DateOnly From, DateOnly? Until, string By)
    : IChanges<Practitioner>;

public static class OrderSuspensionEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, OrderSuspension command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var suspensionId = Guid.CreateVersion7(clock.GetUtcNow());
        return RegisterChange.Apply(rpps, user, session, (_, caller) => SuspensionRules.AuthorityFor(command.Source, caller),
            entry => Decide(entry, command, today, user.Actor(), suspensionId), ct);
    }

    public static Outcome Decide(Practitioner entry, OrderSuspension command, DateOnly today, string by, Guid suspensionId)
    {
        var errors = new Dictionary<string, string[]>();
        var from = command.From ?? today;
        var until = command.Until;
        if (command.Source is not { } source)
            return Outcome.Field("source", "Indiquez l'origine de la suspension : Health, Incompetence ou ArsEmergency.");
        var window = TableauRules.Book.Value(TableauRules.SuspensionStartWindow, today);
        if (from < today.AddYears(-window) || from > TableauRules.Book.After(TableauRules.SuspensionStartWindow, today))
            return Outcome.Field("from", $"Le premier jour de la suspension est au plus {window} an avant ou après la décision.");
        if (until is { } end && end > TableauRules.Book.After(TableauRules.SuspensionMaximumPeriod, from))
            return Outcome.Field("until", $"Une période de suspension dure au plus {TableauRules.Book.Value(TableauRules.SuspensionMaximumPeriod, from)} ans (elle est renouvelable).");
        if (command.Partial && source != SuspensionSource.Incompetence)
            errors["partial"] = ["Seule une suspension pour insuffisance professionnelle peut être partielle."];
        if (source == SuspensionSource.ArsEmergency)
        {
            // 5 calendar months counted from the first day: 22/11 → 21/04, and 30/09 → 28/02 (a shorter month ends the period).
            var latest = TableauRules.LastDayOf(TableauRules.ArsEmergencyMaximum, from);
            until ??= latest;
            if (until > latest)
                errors["until"] = [$"La suspension d'urgence du directeur général de l'ARS dure au plus {TableauRules.Book.Value(TableauRules.ArsEmergencyMaximum, from)} mois (jusqu'au {latest:dd/MM/yyyy})."];
        }
        else if (until is null)
            errors["until"] = ["Une suspension pour état de santé ou insuffisance professionnelle est prononcée pour une durée déterminée."];
        if (until is { } last && last < from)
            errors["until"] = ["La fin de la suspension ne peut précéder son début."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (entry.Suspension is not null)
            return new Outcome.NotAllowed("Ce médecin est déjà suspendu.");
        // A ban on practising does not prevent a suspension: both run, each to its own end.
        if (entry.Status is not (RegisterStatus.Registered or RegisterStatus.Banned))
            return new Outcome.NotAllowed("Seul un médecin inscrit peut être suspendu.");
        return new Outcome.Accepted(new SuspensionOrdered(entry.Id, entry.Rpps, suspensionId, source, command.Partial, from, until, by));
    }
}
