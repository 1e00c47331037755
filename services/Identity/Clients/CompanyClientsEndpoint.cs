using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Ordre.Contracts.Access;
using Ordre.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ordre.Identity.Clients;

/// <summary>Body of PUT /company-clients/{clientId}: the client's secret (hashed here), its company and its roles.</summary>
public sealed record CompanyClient(string? Secret, string? CompanyId, string? DisplayName, IReadOnlyList<string>? Roles);

/// <summary>
/// The confidential clients of companies' people (services/Conventions provisions them): an internal endpoint that only
/// a service token reaches (it is not routed by the gateway). A company client's properties carry its company id and
/// roles, which the token endpoint puts in its access tokens; only company roles can be given, and only to client ids of
/// the form company-{32 hex}, so that this endpoint never touches the services' or the demo client.
/// </summary>
public static partial class CompanyClientsEndpoint
{
    public const string CompanyIdProperty = "ordre_company_id";
    public const string RolesProperty = "ordre_roles";
    public const string Policy = "service";

    private static readonly string[] CompanyRoles = [Roles.Company, Roles.CompanyAdministrator];

    public static void MapCompanyClients(this IEndpointRouteBuilder app)
    {
        app.MapPut("/company-clients/{clientId}", Put).RequireAuthorization(Policy);
        app.MapDelete("/company-clients/{clientId}", Delete).RequireAuthorization(Policy);
    }

    /// <summary>Creates the client or replaces it (its secret, company, roles): the same call twice gives the same client.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> Put(
        string clientId, CompanyClient client, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var errors = Validate(clientId, client);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Client d'entreprise invalide");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName!.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ClientSeeder.ApiScope },
            Properties =
            {
                [CompanyIdProperty] = JsonSerializer.SerializeToElement(client.CompanyId),
                [RolesProperty] = JsonSerializer.SerializeToElement(client.Roles!.Distinct().ToArray()),
            },
        };
        if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
        {
            // Populate copies the secret as given: replaced right after by its hash.
            await applications.PopulateAsync(existing, descriptor, ct);
            await applications.UpdateAsync(existing, client.Secret!, ct);
            return TypedResults.NoContent();
        }
        descriptor.ClientSecret = client.Secret;
        try
        {
            await applications.CreateAsync(descriptor, ct);
            return TypedResults.NoContent();
        }
        catch (Exception e) when (e is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
            // The same client created at the same moment by a retry: replace it below, as the PUT says.
        }
        var created = await applications.FindByClientIdAsync(clientId, ct)
            ?? throw new InvalidOperationException($"The client {clientId} could be neither created nor found.");
        descriptor.ClientSecret = null;
        await applications.PopulateAsync(created, descriptor, ct);
        await applications.UpdateAsync(created, client.Secret!, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Deletes the client: its next token request fails. An unknown client is already deleted.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> Delete(string clientId, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (!ClientIdFormat().IsMatch(clientId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = [ClientIdMessage] }, title: "Client d'entreprise invalide");
        if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
            await applications.DeleteAsync(existing, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The company and roles a client's properties carry; null for a client that is not a company's.</summary>
    public static async Task<(string CompanyId, string[] Roles)?> CompanyOf(IOpenIddictApplicationManager applications, object application, CancellationToken ct)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        if (!properties.TryGetValue(CompanyIdProperty, out var company) || company.ValueKind != JsonValueKind.String
            || !properties.TryGetValue(RolesProperty, out var roles) || roles.ValueKind != JsonValueKind.Array)
            return null;
        return (company.GetString()!, [.. roles.EnumerateArray().Select(r => r.GetString()!).Where(CompanyRoles.Contains)]);
    }

    private const string ClientIdMessage = "L'identifiant d'un client d'entreprise est « company- » suivi de 32 chiffres hexadécimaux.";

    private static Dictionary<string, string[]> Validate(string clientId, CompanyClient client)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ClientIdFormat().IsMatch(clientId))
            errors["clientId"] = [ClientIdMessage];
        if (client.Secret is not { Length: >= 32 and <= 200 })
            errors["secret"] = ["Le secret compte de 32 à 200 caractères."];
        if (client.CompanyId is not { Length: > 0 and <= 20 } || client.CompanyId.Any(char.IsControl))
            errors["companyId"] = ["Indiquez l'identifiant de l'entreprise (20 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(client.DisplayName) || client.DisplayName.Length > 400)
            errors["displayName"] = ["Indiquez le nom affiché (400 caractères au plus)."];
        if (client.Roles is not { Count: > 0 } roles || !roles.Contains(Roles.Company) || roles.Any(r => !CompanyRoles.Contains(r)))
            errors["roles"] = [$"Les rôles d'un client d'entreprise : {Roles.Company}, et {Roles.CompanyAdministrator} pour son administrateur."];
        return errors;
    }

    [GeneratedRegex("^company-[0-9a-f]{32}$")]
    private static partial Regex ClientIdFormat();
}
