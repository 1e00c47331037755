using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Qualifications;

public sealed record QualificationWithdrawn(Guid PractitionerId, string Rpps, string Qualification, DateOnly On, string By) : IChanges<Practitioner>;

public static class WithdrawQualificationEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, QualificationChange command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, QualificationAuthority.NationalCouncilOnly, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, QualificationChange command, DateOnly today, string by)
    {
        var qualification = command.Qualification?.Trim();
        if (string.IsNullOrEmpty(qualification))
            return Outcome.Field("qualification", "Indiquez la qualification à retirer.");
        return entry.Qualifications.Contains(qualification)
            ? new Outcome.Accepted(new QualificationWithdrawn(entry.Id, entry.Rpps, qualification, today, by))
            : new Outcome.NotAllowed($"Ce médecin n'a pas la qualification « {qualification} ».");
    }
}
