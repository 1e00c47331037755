using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>Body of POST /inscriptions/{id}/expertise-report.</summary>
public sealed record RecordExpertReport([property: MaxText(TextLimits.Text)] string? Conclusion);

public sealed record ExpertReportReceived(Guid InscriptionId, string Conclusion, DateOnly On, string By) : IChanges<Inscription>;

public static class RecordExpertReportEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordExpertReport command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, RecordExpertReport command, DateOnly today, string by) =>
        string.IsNullOrWhiteSpace(command.Conclusion)
            ? Outcome.Field("conclusion", "Indiquez la conclusion du rapport d'expertise.")
            : dossier.Expertise != ExpertiseState.Requested
                ? new Outcome.NotAllowed("Aucune expertise n'est en attente pour ce dossier.")
                : new Outcome.Accepted(new ExpertReportReceived(dossier.Id, command.Conclusion.Trim(), today, by));
}
