using OpenIddict.Abstractions;
using Ordre.Contracts.Tableau;
using Ordre.Identity.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ordre.Identity.Tokens;

/// <summary>
/// Registers the provider's clients in PostgreSQL at start when they are missing: the confidential client of the
/// services and, in demo mode only, the public client that demo users sign in with (password grant).
/// </summary>
public sealed class ClientSeeder(IServiceProvider services, IConfiguration configuration, ProviderSetup provider) : IHostedService
{
    public const string DemoClientId = "ordre-demo";
    public const string ServicesClientId = "ordre-services";
    public const string ApiScope = "api";
    public const string DemoSubscriberClientId = "abonne-demo";
    public const string DemoSubscriberSecret = "ordre-demo";
    /// <summary>The national council's dashboard page (issue 14): public, authorization code with PKCE.</summary>
    public const string DashboardClientId = "tableau-de-bord";
    /// <summary>Where the dashboard page may receive its code: <c>/dashboard/</c> on each origin of the gateway.</summary>
    public const string DashboardRedirectUrisKey = "Clients:Dashboard:RedirectUris";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var scopes = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();

        if (await scopes.FindByNameAsync(ApiScope, ct) is null)
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = ApiScope, Resources = { TokenEndpoint.Audience } }, ct);

        if (await scopes.FindByNameAsync(TableauPolicies.RegisterFeedScope, ct) is null)
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = TableauPolicies.RegisterFeedScope, Resources = { TokenEndpoint.Audience } }, ct);

        // A subscriber of the register's change feed (a hospital): client credentials, allowed the register-feed scope.
        if (provider.Demo && await applications.FindByClientIdAsync(DemoSubscriberClientId, ct) is null)
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoSubscriberClientId,
                ClientSecret = DemoSubscriberSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Abonné de démonstration au flux du Tableau (hôpital)",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + ApiScope, Permissions.Prefixes.Scope + TableauPolicies.RegisterFeedScope,
                },
            }, ct);

        if (provider.Demo && await applications.FindByClientIdAsync(DemoClientId, ct) is null)
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "Comptes de démonstration Ordre",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.Prefixes.Scope + ApiScope },
            }, ct);

        await SeedDashboardAsync(applications, ct);

        if (await applications.FindByClientIdAsync(ServicesClientId, ct) is null)
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ServicesClientId,
                ClientSecret = configuration["Clients:ServicesSecret"]
                    ?? throw new InvalidOperationException("Configuration 'Clients:ServicesSecret' is required."),
                ClientType = ClientTypes.Confidential,
                DisplayName = "Services Ordre",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiScope },
            }, ct);
    }

    /// <summary>
    /// The dashboard's public client (no secret): authorization code with PKCE only, its redirect URIs from
    /// configuration, updated at each start so that a changed gateway origin takes effect.
    /// </summary>
    private async Task SeedDashboardAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var redirects = configuration.GetSection(DashboardRedirectUrisKey).Get<string[]>() ?? [];
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DashboardClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Tableau de bord du Conseil national",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirects)
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        if (await applications.FindByClientIdAsync(DashboardClientId, ct) is { } existing)
            await applications.UpdateAsync(existing, descriptor, ct);
        else
            await applications.CreateAsync(descriptor, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
