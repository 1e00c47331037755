using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.ReceivingDocuments;

/// <summary>Body of POST /dossiers/{id}/missing-documents: the company sends what the Ordre asked for.</summary>
public sealed record SendMissingDocuments([property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Documents);

/// <summary>The missing documents received: the 2 months to decide run again from <paramref name="On"/>.</summary>
public sealed record MissingDocumentsReceived(Guid DossierId, IReadOnlyList<string> Documents, DateOnly On, DateOnly DecisionDueOn, string By) : IChanges<Dossier>;

public static class SendMissingDocumentsEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, SendMissingDocuments request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => Decide(dossier, request, today, user.Actor()), ct);
    }

    /// <summary>R.1453-18: the 2 months restart from the receipt of the missing documents.</summary>
    public static Outcome Decide(Dossier dossier, SendMissingDocuments request, DateOnly today, string by)
    {
        var documents = (request.Documents ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList();
        if (documents.Count == 0)
            return Outcome.Field("documents", "Indiquez au moins une pièce transmise.");
        if (dossier.Status != DossierStatus.AwaitingDocuments)
            return new Outcome.NotAllowed("Aucune pièce n'est attendue sur ce dossier.");
        return new Outcome.Accepted(new MissingDocumentsReceived(dossier.Id, documents, today, ConventionsRules.DecisionDueOn(today, dossier.Urgent && !dossier.UrgencyRejected), by));
    }
}
