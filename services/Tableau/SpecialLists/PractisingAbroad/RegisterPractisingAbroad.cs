using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.SpecialLists.PractisingAbroad;

/// <summary>Body of POST /special-lists/abroad.</summary>
public sealed record RegisterPractisingAbroad(
    [property: MaxText(TextLimits.Code)] string? Rpps, [property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Name)] string? Country, DateOnly? From);

public sealed record PractisingAbroadRegistered(Guid EntryId, string Rpps, string LastName, string FirstName, string Country, DateOnly From, string By)
    : IChanges<SpecialListEntry>;

/// <summary>The national council keeps the special list of doctors practising abroad.</summary>
public static class RegisterPractisingAbroadEndpoint
{
    public static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterPractisingAbroad c, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        if (Validate(c) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Inscription sur la liste des médecins exerçant à l'étranger invalide");
        if (!user.IsInRole(Roles.NationalCouncil))
            return Problems.Forbidden("La liste spéciale des médecins exerçant à l'étranger est tenue par le Conseil national.");
        var id = SpecialListEntry.IdOf(SpecialList.PractisingAbroad, c.Rpps!);
        var registered = new PractisingAbroadRegistered(id, c.Rpps!, c.LastName!.Trim(), c.FirstName!.Trim(), c.Country!, c.From ?? today, user.Actor());
        return await SpecialListRegistration.Start(session, id, registered, SpecialListEntry.Create(registered), ct);
    }

    public static Dictionary<string, string[]> Validate(RegisterPractisingAbroad c)
    {
        var errors = SpecialListRegistration.ValidateIdentity(c.Rpps, c.LastName, c.FirstName);
        if (c.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper) || country == "FR")
            errors["country"] = ["Pays d'exercice : code ISO à deux lettres majuscules, hors France."];
        return errors;
    }
}
