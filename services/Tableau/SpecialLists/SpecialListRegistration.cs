using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.SpecialLists;

/// <summary>What registering on either list shares: the doctor's identity checks, and one stream per list and RPPS.</summary>
public static class SpecialListRegistration
{
    public static Dictionary<string, string[]> ValidateIdentity(string? rpps, string? lastName, string? firstName)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Rpps.IsValid(rpps))
            errors["rpps"] = ["Le numéro RPPS doit comporter 11 chiffres et une clé de contrôle valide."];
        if (string.IsNullOrWhiteSpace(lastName) || lastName.Length > 100)
            errors["lastName"] = ["Le nom est obligatoire (100 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(firstName) || firstName.Length > 100)
            errors["firstName"] = ["Le prénom est obligatoire (100 caractères au plus)."];
        return errors;
    }

    public static async Task<Results<Created<SpecialListEntry>, ValidationProblem, ProblemHttpResult>> Start(
        IDocumentSession session, Guid id, object registered, SpecialListEntry entry, CancellationToken ct)
    {
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            return Problems.Conflict("Ce médecin est déjà sur cette liste.");
        session.Events.StartStream<SpecialListEntry>(id, registered);
        await session.SaveChangesAsync(ct); // a concurrent twin collides on the stream id: 409
        return TypedResults.Created($"/special-lists/{entry.List}/{entry.Rpps}", entry);
    }
}
