using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Sites;

/// <summary>Body of POST /register/{rpps}/sites/{siteId}/opposition.</summary>
public sealed record OpposeSite([property: MaxText(TextLimits.Text)] string? Reason);

public sealed record DistinctSiteOpposed(Guid PractitionerId, string Rpps, Guid SiteId, string Reason, DateOnly On, string By) : IChanges<Practitioner>;

public static class OpposeSiteEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, Guid siteId, OpposeSite command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => Decide(entry, siteId, command, today, user.Actor()), ct);
    }

    /// <summary>Within <see cref="TableauRules.DistinctSiteOpposition"/> (2 months) of the declaration, with a reason.</summary>
    public static Outcome Decide(Practitioner entry, Guid siteId, OpposeSite command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", "Une opposition doit être motivée.");
        if (entry.Sites.FirstOrDefault(s => s.SiteId == siteId) is not { } site)
            return new Outcome.NotAllowed("Aucun site distinct de ce médecin ne porte cet identifiant.");
        if (site.Opposed)
            return new Outcome.Accepted();
        if (today > DistinctSiteRules.OppositionLastDay(site.DeclaredOn))
            return new Outcome.NotAllowed($"Le délai d'opposition de {TableauRules.Book.Value(TableauRules.DistinctSiteOpposition, site.DeclaredOn)} mois a expiré le {DistinctSiteRules.OppositionLastDay(site.DeclaredOn):dd/MM/yyyy}.");
        return new Outcome.Accepted(new DistinctSiteOpposed(entry.Id, entry.Rpps, siteId, command.Reason.Trim(), today, by));
    }
}
