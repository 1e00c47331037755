using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ordre.ServiceDefaults.Health;

/// <summary>
/// Whether the RabbitMQ listener accepts connections. Its failure is Degraded, not Unhealthy: a
/// service keeps accepting commands while the broker is down (they need PostgreSQL only) and the
/// daemon publishes what they committed once the broker is back (docs/publication.md).
/// </summary>
internal sealed class BrokerHealthCheck(string host, int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                "RabbitMQ injoignable : les événements seront publiés à son retour.", e);
        }
    }
}
