using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.Recommending;

/// <summary>Body of POST /dossiers/{id}/recommendation: the national council's recommendation on a declaration (L.1453-10).</summary>
public sealed record IssueRecommendation([property: MaxText(TextLimits.Text)] string? Recommendation);

/// <summary><paramref name="Category"/>: the dossier's, repeated for the national figures.</summary>
public sealed record RecommendationIssued(Guid DossierId, string Recommendation, DateOnly On, string By, ConventionCategory Category) : IChanges<Dossier>;

public static class IssueRecommendationEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, IssueRecommendation request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => Decide(dossier, request, today, user.Actor()), ct);
    }

    /// <summary>Once, on an open declaration (an authorisation request gets a decision instead).</summary>
    public static Outcome Decide(Dossier dossier, IssueRecommendation request, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(request.Recommendation))
            return Outcome.Field("recommendation", "Rédigez la recommandation.");
        if (dossier.Regime != Regime.Declaration)
            return new Outcome.NotAllowed("Une demande d'autorisation appelle une décision, non une recommandation.");
        if (dossier.Status != DossierStatus.Declared)
            return new Outcome.NotAllowed("Le dossier est clos : la date de l'avantage est passée.");
        if (dossier.Recommendation is not null)
            return new Outcome.NotAllowed("Une recommandation a déjà été émise sur ce dossier.");
        return new Outcome.Accepted(new RecommendationIssued(dossier.Id, request.Recommendation.Trim(), today, by, dossier.Category));
    }
}
