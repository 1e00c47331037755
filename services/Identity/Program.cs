using Microsoft.EntityFrameworkCore;
using Ordre.Identity.Accounts;
using Ordre.Identity.Storage;
using Ordre.Identity.Tokens;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Health;
using Ordre.ServiceDefaults.Observability;
using Ordre.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);
var connectionString = EventStoreSetup.PooledConnectionString(builder.Configuration, "Identity");
var issuer = new Uri(builder.Configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Configuration 'Identity:Issuer' is required."));
var (signingKey, encryptionKey) = await IdentityStore.PrepareAsync(connectionString, TimeProvider.System);

builder.Services.AddOrdreProblemDetails();
builder.AddOrdreTelemetry("identity");
builder.Services.AddHealthChecks().AddPostgresReadiness(connectionString);
builder.Services.Configure<DemoAccounts>(builder.Configuration.GetSection("DemoAccounts"));
builder.Services.AddDbContext<IdentityDbContext>(db => db.UseNpgsql(connectionString).UseOpenIddict());
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
    .AddServer(server =>
    {
        server.SetIssuer(issuer);
        server.SetTokenEndpointUris("connect/token");
        server.AllowPasswordFlow().AllowClientCredentialsFlow();
        server.RegisterScopes(ClientSeeder.ApiScope);
        server.AddSigningKey(signingKey).AddEncryptionKey(encryptionKey);
        // Services validate plain signed JWTs (RS256) with the keys published at /.well-known/jwks.
        server.DisableAccessTokenEncryption();
        server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
    });
builder.Services.AddHostedService<ClientSeeder>();

var app = builder.Build();
app.UseOrdreProblemDetails();
app.MapHealthEndpoints();
app.MapPost("/connect/token", TokenEndpoint.Handle).AllowAnonymous();
app.Run();
