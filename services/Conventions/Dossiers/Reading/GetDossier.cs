using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;

namespace Ordre.Conventions.Dossiers.Reading;

/// <summary>One step of a dossier's history: what happened (the event's name), its version and when it was recorded.</summary>
public sealed record DossierHistoryEntry(long Version, string What, DateTimeOffset At);

public sealed record DossierWithHistory(Dossier Dossier, IReadOnlyList<DossierHistoryEntry> History);

/// <summary>GET /dossiers/{id}: the company that submitted it, the national council; anyone else gets 404.</summary>
public static class GetDossierEndpoint
{
    public static async Task<Results<Ok<DossierWithHistory>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Dossier>(id, ct) is not { } dossier || !DossierChange.MaySee(dossier, user))
            return DossierChange.NotFound(id);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var shown = user.IsInRole(Roles.NationalCouncil) ? dossier : dossier.ForCompany();
        return TypedResults.Ok(new DossierWithHistory(shown, [.. events.Select(e => new DossierHistoryEntry(e.Version, e.EventTypeName, e.Timestamp))]));
    }
}
