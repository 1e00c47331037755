using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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

    public static IHealthChecksBuilder AddBrokerReachability(this IHealthChecksBuilder checks, Uri broker) =>
        checks.Add(new HealthCheckRegistration("rabbitmq",
            _ => new BrokerHealthCheck(broker.Host, broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port),
            HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(5)));

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReport,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Overall status and one line per check, so an operator sees which dependency fails.</summary>
    private static Task WriteReport(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
