using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Sites;

/// <summary>Body of POST /register/{rpps}/sites: a site distinct from the main practice (R.4127-85).</summary>
public sealed record DeclareSite([property: MaxText(TextLimits.Line)] string? Line, [property: MaxText(TextLimits.Code)] string? PostalCode, [property: MaxText(TextLimits.Line)] string? City, DateOnly? OpensOn);

/// <summary>Body of POST /register/{rpps}/sites/{siteId}/opposition.</summary>
public sealed record OpposeSite([property: MaxText(TextLimits.Text)] string? Reason);

public sealed record DistinctSiteDeclared(Guid PractitionerId, string Rpps, Guid SiteId, ProfessionalAddress Address, DateOnly DeclaredOn, DateOnly OpensOn, string By);

public sealed record DistinctSiteOpposed(Guid PractitionerId, string Rpps, Guid SiteId, string Reason, DateOnly On, string By);

public sealed record DistinctSite(Guid SiteId, ProfessionalAddress Address, DateOnly DeclaredOn, DateOnly OpensOn, bool Opposed);

/// <summary>
/// A doctor declares a distinct site at least 2 months before opening it; the departmental council may oppose
/// it within 2 months of the declaration (R.4127-85). Both rules are data below, pinned by tests.
/// </summary>
public static class DistinctSiteRules
{
    public const int NoticeMonths = 2;
    public const int OppositionMonths = 2;

    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Declare(
        string rpps, DeclareSite command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => DecideDeclaration(entry, command, ParisCalendar.Today(clock), user.Actor(), Guid.CreateVersion7(clock.GetUtcNow())), ct);

    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Oppose(
        string rpps, Guid siteId, OpposeSite command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment,
            entry => DecideOpposition(entry, siteId, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Outcome DecideDeclaration(Practitioner entry, DeclareSite command, DateOnly today, string by, Guid siteId)
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
        else if (opensOn < today.AddMonths(NoticeMonths))
            errors["opensOn"] = [$"Un site distinct se déclare au moins {NoticeMonths} mois avant son ouverture."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (entry.Status != RegisterStatus.Registered)
            return new Outcome.NotAllowed("Seul un médecin inscrit, en exercice régulier, déclare un site distinct.");
        var address = new ProfessionalAddress(command.Line!.Trim(), command.PostalCode!, command.City!.Trim(), null);
        return new Outcome.Accepted(new DistinctSiteDeclared(entry.Id, entry.Rpps, siteId, address, today, command.OpensOn!.Value, by));
    }

    public static Outcome DecideOpposition(Practitioner entry, Guid siteId, OpposeSite command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", "Une opposition doit être motivée.");
        if (entry.Sites.FirstOrDefault(s => s.SiteId == siteId) is not { } site)
            return new Outcome.NotAllowed("Aucun site distinct de ce médecin ne porte cet identifiant.");
        if (site.Opposed)
            return new Outcome.Accepted();
        if (today > site.DeclaredOn.AddMonths(OppositionMonths))
            return new Outcome.NotAllowed($"Le délai d'opposition de {OppositionMonths} mois a expiré le {site.DeclaredOn.AddMonths(OppositionMonths):dd/MM/yyyy}.");
        return new Outcome.Accepted(new DistinctSiteOpposed(entry.Id, entry.Rpps, siteId, command.Reason.Trim(), today, by));
    }
}
