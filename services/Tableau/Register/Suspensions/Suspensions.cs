using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Suspensions;

/// <summary>
/// Health and Incompetence: ordered by the regional council's restricted panel for a fixed period
/// (R.4124-3, R.4124-3-5). ArsEmergency: the regional health agency's director, at most 5 months,
/// ending by itself (L.4113-14).
/// </summary>
public enum SuspensionSource { Health, Incompetence, ArsEmergency }

/// <summary>Body of POST /register/{rpps}/suspensions.</summary>
/// <param name="Source">Health, Incompetence or ArsEmergency.</param>
/// <param name="Partial">Incompetence only: a partial suspension (hidden from the directory all the same).</param>
/// <param name="From">First day (today when omitted).</param>
/// <param name="Until">Last day; required except for ArsEmergency, whose default and maximum is 5 months.</param>
public sealed record OrderSuspension(SuspensionSource? Source, bool Partial, DateOnly? From, DateOnly? Until);

public sealed record SuspensionOrdered(Guid PractitionerId, string Rpps, Guid SuspensionId, SuspensionSource Source, bool Partial, DateOnly From, DateOnly? Until, string By);

/// <summary>Lapsed: the chamber did not rule in time on an ARS emergency suspension (L.4113-14).</summary>
public enum SuspensionEnd { Lifted, Expired, Lapsed }

/// <summary>The suspension ended: lifted by its authority, expired on its last day (raised by the clock), or lapsed.</summary>
public sealed record SuspensionEnded(Guid PractitionerId, string Rpps, Guid SuspensionId, SuspensionEnd How, DateOnly On, string By);

public static class SuspensionRules
{
    public const int ArsEmergencyMaxMonths = 5;

    /// <summary>
    /// A suspension is ordered with effect now: its first day lies within a year of the order (either way).
    /// Not a legal limit but the bound that keeps absurd dates (0001-01-01, 9999-12-31) out of the rule's date arithmetic.
    /// </summary>
    public const int StartWithinYears = 1;

    /// <summary>A fixed period is renewable (R.4124-3): one period of more than 5 years is refused as an input error.</summary>
    public const int MaxFixedPeriodYears = 5;
}

public static class SuspensionEndpoints
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Order(
        string rpps, OrderSuspension command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, (_, caller) => AuthorityFor(command.Source, caller),
            entry => DecideOrder(entry, command, ParisCalendar.Today(clock), user.Actor(), Guid.CreateVersion7(clock.GetUtcNow())), ct);

    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Lift(
        string rpps, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, (entry, caller) => AuthorityFor(entry.Suspension?.Source, caller),
            entry => DecideLift(entry, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Outcome DecideOrder(Practitioner entry, OrderSuspension command, DateOnly today, string by, Guid suspensionId)
    {
        var errors = new Dictionary<string, string[]>();
        var from = command.From ?? today;
        var until = command.Until;
        if (command.Source is not { } source)
            return Outcome.Field("source", "Indiquez l'origine de la suspension : Health, Incompetence ou ArsEmergency.");
        if (from < today.AddYears(-SuspensionRules.StartWithinYears) || from > today.AddYears(SuspensionRules.StartWithinYears))
            return Outcome.Field("from", $"Le premier jour de la suspension est au plus {SuspensionRules.StartWithinYears} an avant ou après la décision.");
        if (until is { } end && end > from.AddYears(SuspensionRules.MaxFixedPeriodYears))
            return Outcome.Field("until", $"Une période de suspension dure au plus {SuspensionRules.MaxFixedPeriodYears} ans (elle est renouvelable).");
        if (command.Partial && source != SuspensionSource.Incompetence)
            errors["partial"] = ["Seule une suspension pour insuffisance professionnelle peut être partielle."];
        if (source == SuspensionSource.ArsEmergency)
        {
            var latest = from.AddMonths(SuspensionRules.ArsEmergencyMaxMonths).AddDays(-1);
            until ??= latest;
            if (until > latest)
                errors["until"] = [$"La suspension d'urgence du directeur général de l'ARS dure au plus {SuspensionRules.ArsEmergencyMaxMonths} mois."];
        }
        else if (until is null)
            errors["until"] = ["Une suspension pour état de santé ou insuffisance professionnelle est prononcée pour une durée déterminée."];
        if (until is { } last && last < from)
            errors["until"] = ["La fin de la suspension ne peut précéder son début."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (entry.Status != RegisterStatus.Registered)
            return new Outcome.NotAllowed(entry.Status == RegisterStatus.Suspended
                ? "Ce médecin est déjà suspendu."
                : "Seul un médecin inscrit peut être suspendu.");
        return new Outcome.Accepted(new SuspensionOrdered(entry.Id, entry.Rpps, suspensionId, source, command.Partial, from, until, by));
    }

    public static Outcome DecideLift(Practitioner entry, DateOnly today, string by) =>
        entry.Suspension is { } suspension
            ? new Outcome.Accepted(new SuspensionEnded(entry.Id, entry.Rpps, suspension.SuspensionId, SuspensionEnd.Lifted, today, by))
            : new Outcome.NotAllowed("Ce médecin n'est pas suspendu.");

    /// <summary>The restricted panel of a regional council for health and incompetence, the ARS for its emergency measure.</summary>
    private static string? AuthorityFor(SuspensionSource? source, ClaimsPrincipal user) => source switch
    {
        SuspensionSource.ArsEmergency when user.IsInRole(OrdreClaims.Roles.RegionalHealthAgency) => null,
        SuspensionSource.ArsEmergency => "Seul le directeur général de l'ARS prononce ou lève une suspension d'urgence.",
        null when user.IsInRole(OrdreClaims.Roles.RegionalCouncil) || user.IsInRole(OrdreClaims.Roles.RegionalHealthAgency) => null,
        _ when user.IsInRole(OrdreClaims.Roles.RegionalCouncil) => null,
        _ => "Seule la formation restreinte du conseil régional prononce ou lève cette suspension.",
    };
}
