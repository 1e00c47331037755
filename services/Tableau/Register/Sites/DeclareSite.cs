using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Sites;

/// <summary>Body of POST /register/{rpps}/sites: a site distinct from the main practice (R.4127-85).</summary>
public sealed record DeclareSite([property: MaxText(TextLimits.Line)] string? Line, [property: MaxText(TextLimits.Code)] string? PostalCode, [property: MaxText(TextLimits.Line)] string? City, DateOnly? OpensOn);

public sealed record DistinctSiteDeclared(Guid PractitionerId, string Rpps, Guid SiteId, ProfessionalAddress Address, DateOnly DeclaredOn, DateOnly OpensOn, string By)
    : IChanges<Practitioner>;

public static class DeclareSiteEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, DeclareSite command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        var siteId = Guid.CreateVersion7(clock.GetUtcNow());
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => Decide(entry, command, today, user.Actor(), siteId), ct);
    }

    /// <summary>At least <see cref="TableauRules.DistinctSiteNotice"/> (2 months) before the site opens.</summary>
    public static Outcome Decide(Practitioner entry, DeclareSite command, DateOnly today, string by, Guid siteId)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Line) || command.Line.Length > 200)
            errors["line"] = ["L'adresse du site est obligatoire (200 caractères au plus)."];
        if (command.PostalCode is not { Length: 5 } postal || !postal.All(char.IsAsciiDigit))
            errors["postalCode"] = ["Le code postal comporte 5 chiffres."];
        if (string.IsNullOrWhiteSpace(command.City) || command.City.Length > 100)
            errors["city"] = ["La commune est obligatoire (100 caractères au plus)."];
        if (command.OpensOn is not { } opensOn)
            errors["opensOn"] = ["Indiquez la date d'ouverture du site."];
        else if (opensOn < DistinctSiteRules.EarliestOpening(today))
            errors["opensOn"] = [$"Un site distinct se déclare au moins {TableauRules.Book.Value(TableauRules.DistinctSiteNotice, today)} mois avant son ouverture (au plus tôt le {DistinctSiteRules.EarliestOpening(today):dd/MM/yyyy})."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (entry.Status != RegisterStatus.Registered)
            return new Outcome.NotAllowed("Seul un médecin inscrit, en exercice régulier, déclare un site distinct.");
        var address = new ProfessionalAddress(command.Line!.Trim(), command.PostalCode!, command.City!.Trim(), null);
        return new Outcome.Accepted(new DistinctSiteDeclared(entry.Id, entry.Rpps, siteId, address, today, command.OpensOn!.Value, by));
    }
}
