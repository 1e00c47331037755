using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Inscriptions;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.SpecialLists.JuniorDoctors;

/// <summary>Body of POST /special-lists/junior-doctors.</summary>
public sealed record RegisterJuniorDoctor(
    [property: MaxText(TextLimits.Code)] string? Rpps, [property: MaxText(TextLimits.Name)] string? LastName, [property: MaxText(TextLimits.Name)] string? FirstName, [property: MaxText(TextLimits.Code)] string? Department,
    [property: MaxText(TextLimits.Line)] string? Specialty, DateOnly? From, DateOnly? Until);

public sealed record JuniorDoctorRegistered(Guid EntryId, string Rpps, string LastName, string FirstName, string Department, string Specialty, DateOnly From, DateOnly Until, string By)
    : IChanges<SpecialListEntry>;

/// <summary>The departmental council registers a junior doctor of its department for the consolidation phase.</summary>
public static class RegisterJuniorDoctorEndpoint
{
    public static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterJuniorDoctor c, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (InscriptionChange.NewDossierOutsideJurisdiction(c.Department, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (Validate(c) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors, title: "Inscription de docteur junior invalide");
        var id = SpecialListEntry.IdOf(SpecialList.JuniorDoctors, c.Rpps!);
        var registered = new JuniorDoctorRegistered(id, c.Rpps!, c.LastName!.Trim(), c.FirstName!.Trim(), c.Department!, c.Specialty!.Trim(), c.From!.Value, c.Until!.Value, user.Actor());
        return await SpecialListRegistration.Start(session, id, registered, SpecialListEntry.Create(registered), ct);
    }

    public static Dictionary<string, string[]> Validate(RegisterJuniorDoctor c)
    {
        var errors = SpecialListRegistration.ValidateIdentity(c.Rpps, c.LastName, c.FirstName);
        if (!DepartmentCode.IsValid(c.Department))
            errors["department"] = ["Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976)."];
        if (string.IsNullOrWhiteSpace(c.Specialty))
            errors["specialty"] = ["La spécialité préparée est obligatoire."];
        if (c.From is null || c.Until is null || c.Until <= c.From)
            errors["until"] = ["Indiquez le début et la fin de la phase de consolidation (la fin après le début)."];
        return errors;
    }
}
