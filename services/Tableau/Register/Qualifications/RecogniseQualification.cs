using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Qualifications;

public sealed record QualificationRecognised(Guid PractitionerId, string Rpps, string Qualification, DateOnly On, string By) : IChanges<Practitioner>;

public static class RecogniseQualificationEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, QualificationChange command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, QualificationAuthority.NationalCouncilOnly, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, QualificationChange command, DateOnly today, string by)
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
}
