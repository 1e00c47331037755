using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ordre.ServiceDefaults.Health;

/// <summary>
/// /health/live answers as long as the process runs; /health/ready checks PostgreSQL and, through
/// MassTransit's own check (tagged "ready"), the RabbitMQ connection.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddPostgresReadiness(this IHealthChecksBuilder checks, string connectionString) =>
        checks.Add(new HealthCheckRegistration("postgresql", _ => new PostgresHealthCheck(connectionString),
            HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5)));

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return app;
    }
}
