using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ordre.ServiceDefaults.EventStore;

/// <summary>
/// Marten in the service's own schema, with the async daemon in HotCold mode: with several instances
/// of a service, one leader (elected by a PostgreSQL advisory lock) runs the projections and the
/// publication subscription, the others wait to take over.
/// </summary>
public static class EventStoreSetup
{
    /// <summary>Default Npgsql pool size per service instance; see docs/connections.md for the budget.</summary>
    public const int DefaultMaxPoolSize = 10;

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var connectionString = PooledConnectionString(builder.Configuration, "Marten");
        return builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = schema;
                options.Events.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                // Our DistributedLock.Postgres substitute refuses Marten's default session-scoped lock on a
                // multiplexed data source: without this line the HotCold daemon never runs (docs/packages.md).
                options.Events.UseAdvisoryLockTransaction = true;
                options.Projections.LeadershipPollingTime =
                    builder.Configuration.GetValue("EventStore:LeadershipPollingMilliseconds", 2000);
                // How often the daemon looks for newly committed events (Marten: 250 ms busy, 1 s idle). Each hop of
                // a decision to the directory (publication here, projection there) waits up to this long: at 1 s
                // the enforcement latency was ~970 ms (docs/benchmarks.md); the extra polling is one light query.
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("EventStore:FastPollingMilliseconds", 50));
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("EventStore:SlowPollingMilliseconds", 100));

                configure?.Invoke(options);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>
    /// Reads a connection string and caps its pool (unless it sets one) so that all services together
    /// stay inside PostgreSQL's max_connections.
    /// </summary>
    public static string PooledConnectionString(IConfiguration configuration, string name)
    {
        var raw = configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{name}' is required.");
        var builder = new NpgsqlConnectionStringBuilder(raw);
        if (!raw.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !raw.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = configuration.GetValue("EventStore:MaxPoolSize", DefaultMaxPoolSize);
        builder.ApplicationName ??= configuration["OTEL_SERVICE_NAME"] ?? AppDomain.CurrentDomain.FriendlyName;
        return builder.ConnectionString;
    }
}
