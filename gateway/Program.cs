using Ordre.Contracts.Conventions;
using Ordre.Contracts.Dashboard;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.Gateway;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.Health;
using Ordre.ServiceDefaults.Observability;
using Ordre.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOrdreProblemDetails();
builder.AddOrdreTelemetry("gateway");
builder.AddOrdreAuthentication();
// The services' own policies, applied here per route (gateway/appsettings.json) before the service applies them again.
builder.Services.AddRolePolicies(TableauPolicies.RolesAdmitted, TableauPolicies.ScopesRequired).AddRolePolicies(DisciplinePolicies.RolesAdmitted)
    .AddRolePolicies(ConventionsPolicies.RolesAdmitted).AddRolePolicies(SolidarityPolicies.RolesAdmitted)
    .AddRolePolicies(DashboardPolicies.RolesAdmitted);
builder.Services.AddHealthChecks();
builder.Services.AddGatewayRateLimits(builder.Configuration);
builder.Services.AddDirectoryCache(builder.Configuration);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.UseOrdreProblemDetails();
app.UseDashboardSlash();
app.UseDeclaredBodySizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
// After the rate limit: an answer from the cache still counts against the caller's allowance.
app.UseOutputCache();
app.MapHealthEndpoints();
app.MapReverseProxy();
app.Run();
