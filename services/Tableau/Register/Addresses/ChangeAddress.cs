using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Addresses;

/// <summary>Body of POST /register/{rpps}/address: the professional address shown in the directory.</summary>
public sealed record ChangeAddress([property: MaxText(TextLimits.Line)] string? Line, [property: MaxText(TextLimits.Code)] string? PostalCode, [property: MaxText(TextLimits.Line)] string? City, [property: MaxText(TextLimits.Code)] string? Phone);

public sealed record ProfessionalAddressChanged(Guid PractitionerId, string Rpps, ProfessionalAddress Address, string By) : IChanges<Practitioner>;

public static class ChangeAddressEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, ChangeAddress command, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct) =>
        RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment, entry => Decide(entry, command, user.Actor()), ct);

    public static Outcome Decide(Practitioner entry, ChangeAddress command, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Line) || command.Line.Length > 200)
            errors["line"] = ["L'adresse est obligatoire (200 caractères au plus)."];
        if (command.PostalCode is not { Length: 5 } postal || !postal.All(char.IsAsciiDigit))
            errors["postalCode"] = ["Le code postal comporte 5 chiffres."];
        if (string.IsNullOrWhiteSpace(command.City) || command.City.Length > 100)
            errors["city"] = ["La commune est obligatoire (100 caractères au plus)."];
        if (command.Phone is { } phone && (phone.Count(char.IsAsciiDigit) is < 10 or > 13 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.'))))
            errors["phone"] = ["Le numéro de téléphone professionnel est invalide."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (entry.IsClosed)
            return new Outcome.NotAllowed("Ce médecin n'est plus inscrit au Tableau.");

        var address = new ProfessionalAddress(command.Line!.Trim(), command.PostalCode!, command.City!.Trim(), command.Phone?.Trim());
        return address == entry.Address
            ? new Outcome.Accepted()
            : new Outcome.Accepted(new ProfessionalAddressChanged(entry.Id, entry.Rpps, address, by));
    }
}
