using System.Net.Sockets;
using Npgsql;

namespace Ordre.ServiceDefaults.Problems;

/// <summary>
/// Tells a failure of something the service depends on (PostgreSQL, RabbitMQ, another service over HTTP) from a
/// failure of the request: the first is a 503 the caller may retry, never a 500.
/// </summary>
public static class DependencyFailures
{
    /// <summary>The caller should wait this long before retrying (Retry-After, in seconds).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Every exception in the graph, depth first, including the branches of an AggregateException.</summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.TryPop(out var e) && seen++ < 32)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.Reverse()) pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }

    /// <summary>PostgreSQL unreachable or refusing connections, the broker unreachable, a dependency timing out.</summary>
    public static bool IsDependencyDown(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException pg => SessionLost(pg),
        NpgsqlException => true, // not a server error: the connection could not be opened, or broke
        SocketException or TimeoutException or HttpRequestException => true,
        RabbitMQ.Client.Exceptions.BrokerUnreachableException
            or RabbitMQ.Client.Exceptions.AlreadyClosedException
            or MassTransit.RabbitMqConnectionException
            or MassTransit.RequestTimeoutException => true,
        _ => false,
    });

    /// <summary>
    /// The server ended the session before answering (pg_terminate_backend, a restart): PostgreSQL reports it
    /// instead of the command's answer, so the command did not commit and may run again on a new connection.
    /// </summary>
    public static bool IsBrokenPooledConnection(Exception exception) =>
        Chain(exception).Any(e => e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow });

    // FATAL/PANIC end the session (refused connection, database closed to connections, shutdown); class 08 is a
    // connection failure, 53 a lack of resources (too many connections), 57P an operator's intervention.
    private static bool SessionLost(PostgresException pg) =>
        pg.InvariantSeverity is "FATAL" or "PANIC"
        || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || pg.SqlState == PostgresErrorCodes.InvalidCatalogName;
}
