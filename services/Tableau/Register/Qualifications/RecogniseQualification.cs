using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Qualifications;

/// <summary>Body of POST /register/{rpps}/qualifications and …/qualifications/withdrawal.</summary>
public sealed record QualificationChange([property: MaxText(TextLimits.Line)] string? Qualification);

public sealed record QualificationRecognised(Guid PractitionerId, string Rpps, string Qualification, DateOnly On, string By);

public sealed record QualificationWithdrawn(Guid PractitionerId, string Rpps, string Qualification, DateOnly On, string By);

/// <summary>Qualifications are recognised or withdrawn by the national council after its commissions.</summary>
public static class QualificationEndpoints
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Recognise(
        string rpps, QualificationChange command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, NationalCouncilOnly,
            entry => DecideRecognition(entry, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Withdraw(
        string rpps, QualificationChange command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, NationalCouncilOnly,
            entry => DecideWithdrawal(entry, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Outcome DecideRecognition(Practitioner entry, QualificationChange command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Qualification) || command.Qualification.Length > 150)
            return Outcome.Field("qualification", "Indiquez la qualification (150 caractères au plus).");
        if (entry.IsClosed)
            return new Outcome.NotAllowed("Ce médecin n'est plus inscrit au Tableau.");
        var qualification = command.Qualification.Trim();
        return entry.Qualifications.Contains(qualification)
            ? new Outcome.Accepted()
            : new Outcome.Accepted(new QualificationRecognised(entry.Id, entry.Rpps, qualification, today, by));
    }

    public static Outcome DecideWithdrawal(Practitioner entry, QualificationChange command, DateOnly today, string by)
    {
        var qualification = command.Qualification?.Trim();
        if (string.IsNullOrEmpty(qualification))
            return Outcome.Field("qualification", "Indiquez la qualification à retirer.");
        return entry.Qualifications.Contains(qualification)
            ? new Outcome.Accepted(new QualificationWithdrawn(entry.Id, entry.Rpps, qualification, today, by))
            : new Outcome.NotAllowed($"Ce médecin n'a pas la qualification « {qualification} ».");
    }

    private static string? NationalCouncilOnly(Practitioner entry, ClaimsPrincipal user) =>
        user.IsInRole(OrdreClaims.Roles.NationalCouncil) ? null : "Les qualifications sont reconnues par le Conseil national.";
}
