using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>Body of POST /inscriptions/{id}/documents-requested.</summary>
public sealed record RequestDocuments([property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Missing);

/// <summary>The council asked for missing documents: the dossier is incomplete and the 3-month clock stops.</summary>
public sealed record DocumentsRequested(Guid InscriptionId, IReadOnlyList<string> Missing, DateOnly On, string By) : IChanges<Inscription>;

public static class RequestDocumentsEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RequestDocuments command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d => Decide(d, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Inscription dossier, RequestDocuments command, DateOnly today, string by)
    {
        var missing = (command.Missing ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (missing.Count == 0)
            return Outcome.Field("missing", "Indiquez au moins une pièce manquante.");
        if (dossier.Status is not (InscriptionStatus.Incomplete or InscriptionStatus.Complete))
            return new Outcome.NotAllowed("Ce dossier a déjà été tranché.");
        return new Outcome.Accepted(new DocumentsRequested(dossier.Id, missing, today, by));
    }
}
