using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Entraide.GivingOpinion;

/// <summary>Body of POST /aid-requests/{id}/opinion: favourable or not, and the reasons (need-to-know).</summary>
public sealed record GiveOpinion(bool? Favourable, string? Comment = null);

public static class GiveOpinionEndpoint
{
    /// <summary>The departmental council of the doctor's department only (any other caller: 404), once, before the decision.</summary>
    public static Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, GiveOpinion command, ClaimsPrincipal user,
        LedgerChange ledger, IQuerySession read, CancellationToken ct) =>
        AidChange.Apply(id, user, (r, u) => u.IsCouncilOf(r.Department), ledger, read, (request, _, at) => Decide(request, command, at, user.Actor()), ct);

    public static LedgerOutcome Decide(AidRequest request, GiveOpinion command, DateTimeOffset at, string by)
    {
        if (command.Favourable is not { } favourable)
            return LedgerOutcome.InvalidField("favourable", "Avis requis : true (favorable) ou false (défavorable).");
        if (command.Comment is { Length: > 4000 })
            return LedgerOutcome.InvalidField("comment", "Motifs de 4 000 caractères au plus.");
        return request.Status switch
        {
            AidStatus.Received => new LedgerOutcome.Accepted(new AidAssessedByCdom(request.Id, favourable, command.Comment, at, by)),
            AidStatus.Assessed when request.FavourableOpinion == favourable && request.OpinionComment == command.Comment => new LedgerOutcome.Already(),
            AidStatus.Assessed => new LedgerOutcome.Refused("Le conseil départemental a déjà donné son avis.", "avis-deja-donne"),
            _ => new LedgerOutcome.Refused("La commission nationale a déjà statué : l'avis n'est plus reçu.", "deja-decidee"),
        };
    }
}
