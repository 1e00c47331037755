using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Lps.Declaring;

/// <summary>Body of POST /lps-declarations.</summary>
public sealed record DeclareLps([property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Name)] string? Country, [property: MaxText(TextLimits.Line)] string? Qualification);

public sealed record LpsDeclarationReceived(
    Guid DeclarationId, string LastName, string FirstName, string Country, string Qualification, DateOnly ReceivedOn, DateOnly AnswerDueOn, string By)
    : IChanges<LpsDeclaration>;

public sealed record LpsDeclarationCreated(Guid Id, DateOnly AnswerDueOn);

public static class DeclareLpsEndpoint
{
    public static async Task<Results<Created<LpsDeclarationCreated>, ValidationProblem>> Handle(
        DeclareLps command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(command);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Déclaration de libre prestation de services invalide");
        var today = ParisCalendar.Today(clock);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var answerDue = LpsRules.AnswerDue(today);
        session.Events.StartStream<LpsDeclaration>(id, new LpsDeclarationReceived(id, command.LastName!.Trim(), command.FirstName!.Trim(),
            command.Country!, command.Qualification!.Trim(), today, answerDue, user.Actor()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/lps-declarations/{id}", new LpsDeclarationCreated(id, answerDue));
    }

    public static Dictionary<string, string[]> Validate(DeclareLps command)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.LastName) || command.LastName.Length > 100)
            errors["lastName"] = ["Le nom est obligatoire (100 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(command.FirstName) || command.FirstName.Length > 100)
            errors["firstName"] = ["Le prénom est obligatoire (100 caractères au plus)."];
        if (command.Country is null || !LpsRules.Countries.Contains(command.Country))
            errors["country"] = ["État d'établissement : un État de l'Union européenne, de l'EEE ou la Suisse, hors France (code ISO à deux lettres)."];
        if (string.IsNullOrWhiteSpace(command.Qualification) || command.Qualification.Length > 150)
            errors["qualification"] = ["Indiquez le titre de formation (150 caractères au plus)."];
        return errors;
    }
}
