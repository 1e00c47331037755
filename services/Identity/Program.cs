using Microsoft.EntityFrameworkCore;
using OpenIddict.Validation.AspNetCore;
using Ordre.Contracts.Access;
using Ordre.Identity.Accounts;
using Ordre.Identity.Authorization;
using Ordre.Identity.Clients;
using Ordre.Identity.Hosting;
using Ordre.Identity.Storage;
using Ordre.Identity.Tokens;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Health;
using Ordre.ServiceDefaults.Observability;
using Ordre.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);
var connectionString = EventStoreSetup.PooledConnectionString(builder.Configuration, "Identity");
var issuer = new Uri(builder.Configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Configuration 'Identity:Issuer' is required."));
ProviderSetup provider;
try
{
    // Demo mode, token lifetime and keys; refuses what is unsafe for this environment (Hosting/ProviderSetup.cs).
    provider = await ProviderSetup.PrepareAsync(builder, connectionString);
}
catch (StartupRefused refused)
{
    await Console.Error.WriteLineAsync(StartupRefused.Prefix + refused.Message);
    return StartupRefused.ExitCode;
}

builder.Services.AddSingleton(provider);
builder.Services.AddOrdreProblemDetails();
builder.AddOrdreTelemetry("identity");
builder.Services.AddHealthChecks().AddPostgresReadiness(connectionString);
builder.Services.Configure<DemoAccounts>(builder.Configuration.GetSection(DemoAccounts.Section));
builder.Services.AddDbContext<IdentityDbContext>(db => db.UseNpgsql(connectionString).UseOpenIddict());
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
    .AddServer(server =>
    {
        server.SetIssuer(issuer);
        provider.Configure(server);
        // Services validate plain signed JWTs (RS256) with the keys published at /.well-known/jwks.
        server.DisableAccessTokenEncryption();
        server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
    })
    // The provider's own internal endpoints (company clients) accept the tokens it issues, with the service role only.
    .AddValidation(validation =>
    {
        validation.UseLocalServer();
        validation.AddAudiences(TokenEndpoint.Audience);
        validation.UseAspNetCore();
    });
builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
builder.Services.AddAuthorization(options => options.AddPolicy(CompanyClientsEndpoint.Policy, policy =>
    policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(Roles.Service)));
builder.Services.AddHostedService<ClientSeeder>();
// The sign-in form of the authorization-code flow (Authorization/AuthorizeEndpoint.cs) is protected against CSRF.
builder.Services.AddAntiforgery(options => options.Cookie.Name = "ordre-connexion");

var app = builder.Build();
provider.Log(app.Logger);
app.UseOrdreProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapCompanyClients();
app.MapPost("/connect/token", TokenEndpoint.Handle).AllowAnonymous();
app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle).AllowAnonymous();
await app.RunAsync();
return 0;
