using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Health;
using Ordre.ServiceDefaults.Observability;
using Ordre.ServiceDefaults.OpenApi;
using Ordre.ServiceDefaults.Problems;
using Ordre.ServiceDefaults.Requests;
using Ordre.ServiceDefaults.Time;

namespace Ordre.ServiceDefaults;

/// <summary>The one call every Ordre service makes (see README, "Adding a feature slice").</summary>
public static class HostingExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName, string apiTitle)
    {
        builder.Services.TryAddSingleton(ShiftedClock.From(builder.Configuration));
        builder.Services.AddOrdreProblemDetails();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(BodyRules.Apply);
        });
        // A body that cannot be read throws (in every environment), so ExceptionToProblem names the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Each service calls builder.Services.AddValidation() in its own Program.cs: the source generator registers the
        // request types ([MaxText], [MaxItems]) of the assembly that makes the call, and this library maps no endpoint.
        builder.Services.AddOrdreOpenApi(apiTitle);
        builder.Services.AddHealthChecks()
            .AddPostgresReadiness(EventStoreSetup.PooledConnectionString(builder.Configuration, "Marten"));
        builder.AddOrdreTelemetry(serviceName);
        builder.AddOrdreAuthentication();
        builder.AddAuditTrail(serviceName);
        return builder;
    }

    /// <summary>Middleware and the endpoints every service has (health, OpenAPI, the audit trail).</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ShiftedClock.WarnIfShifted(app.Services.GetRequiredService<TimeProvider>(), app.Logger);
        app.UseOrdreProblemDetails();
        app.UseBrokenConnectionRetry();
        app.UseAuthentication();
        app.UseAuditTrail();
        app.UseAuthorization();
        app.UseHostileInputRefusal();
        app.MapHealthEndpoints();
        app.MapOpenApiPages();
        app.MapAuditTrail("Audit");
        return app;
    }
}
