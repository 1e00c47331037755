using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Marten;
using Marten.Exceptions;
using Npgsql;
using Ordre.Tableau.Annuaire.Fhir;
using Ordre.Tableau.Annuaire.Searching;

namespace Ordre.Tableau.Register.Feed.Subscriptions;

/// <summary>
/// Delivers the register's changes to each active FHIR Subscription's rest-hook endpoint, in feed order, at least once.
/// One instance of the Tableau notifies: the one holding a PostgreSQL session advisory lock on a dedicated connection
/// (not pooled, not multiplexed: the lock ends with that connection, so a dead leader's lock goes with its socket).
/// Each subscription has its own loop: a slow or failing endpoint holds only its own loop, never the register's writes
/// (the feed is read from the event store) nor another subscription. The position moves only once the endpoint
/// answered 2xx; a failure is retried with a doubling back-off, and after <see cref="MaxFailures"/> failures in a row
/// the subscription is set to status error with the reason.
/// </summary>
public sealed class FhirSubscriptionNotifier(
    IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<FhirSubscriptionNotifier> logger)
    : BackgroundService
{
    /// <summary>The advisory lock's key (the ASCII of "FHIRSUBS"): one notifier per Tableau database.</summary>
    public const long LockKey = 0x4648495253554253;
    public const int PageSize = 100;
    public const string PositionHeader = "X-Ordre-Feed-Position";
    public const string KindHeader = "X-Ordre-Change";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    }) { Timeout = Timeout.InfiniteTimeSpan };

    private int MaxFailures => configuration.GetValue("FhirSubscriptions:MaxFailures", 8);
    private TimeSpan FirstRetry => TimeSpan.FromMilliseconds(configuration.GetValue("FhirSubscriptions:FirstRetryMilliseconds", 1000));
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);
    private TimeSpan RequestTimeout => TimeSpan.FromSeconds(configuration.GetValue("FhirSubscriptions:TimeoutSeconds", 10));
    private static readonly TimeSpan LeadershipPoll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await TakeLeadershipAsync(stoppingToken);
                if (connection is not null)
                {
                    logger.LogInformation("FHIR rest-hook notifier: this instance notifies the subscriptions");
                    await NotifyWhileLeaderAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "FHIR rest-hook notifier: leadership lost or not taken; next attempt in {Delay}", LeadershipPoll);
            }
            try
            {
                await Task.Delay(LeadershipPoll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>An open connection holding the lock, or null when another instance holds it.</summary>
    private async Task<NpgsqlConnection?> TakeLeadershipAsync(CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Marten"))
        {
            Pooling = false, Multiplexing = false, ApplicationName = "tableau-fhir-notifier",
        }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (await command.ExecuteScalarAsync(ct) is true)
                return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private async Task NotifyWhileLeaderAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        using var leadership = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var loops = new Dictionary<Guid, Task>();
        try
        {
            while (true)
            {
                // Still the leader: the lock's connection answers (it is gone with the connection).
                await using (var alive = new NpgsqlCommand("select 1", connection))
                    await alive.ExecuteScalarAsync(stoppingToken);
                await using (var session = store.QuerySession())
                {
                    var active = await session.Query<FhirSubscription>()
                        .Where(s => s.Status == FhirSubscription.Statuses.Active).Select(s => s.Id).ToListAsync(stoppingToken);
                    foreach (var done in loops.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
                        loops.Remove(done);
                    foreach (var id in active.Where(id => !loops.ContainsKey(id)))
                        loops[id] = Task.Run(() => FollowAsync(id, leadership.Token), CancellationToken.None);
                }
                await Task.Delay(RegisterFeed.PollInterval * 5, clock, stoppingToken);
            }
        }
        finally
        {
            await leadership.CancelAsync();
            await Task.WhenAll(loops.Values.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    /// <summary>One subscription's loop: until it is deleted, set to error, or this instance stops notifying.</summary>
    private async Task FollowAsync(Guid id, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var wait = await StepAsync(id, ct);
                if (wait is null) return;
                if (wait > TimeSpan.Zero) await Task.Delay(wait.Value, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The next discovery round starts the loop again from the stored position.
            logger.LogWarning(e, "FHIR subscription {Id}: notification loop failed", id);
        }
    }

    /// <summary>Delivers what follows the subscription's position; returns how long to wait before the next step, null to stop.</summary>
    private async Task<TimeSpan?> StepAsync(Guid id, CancellationToken ct)
    {
        var subscription = await LoadAsync(id, ct);
        if (subscription is not { Status: FhirSubscription.Statuses.Active })
            return null;
        var page = await RegisterFeed.ReadAsync(store, subscription.Position, PageSize, ct);
        var directory = 0L;
        foreach (var change in page.Changes.Where(subscription.Follows))
        {
            // The Practitioner sent is the directory's, an async projection: wait until it has seen this change.
            if (subscription.Payload && directory < change.Position && (directory = await DirectoryPositionAsync(ct)) < change.Position)
                return RegisterFeed.PollInterval;
            // Once sent, a change's delivery and its position's save are not cut by the service stopping (the request's
            // own timeout bounds them): cut between the two, a restart would send the change a second time.
            var failure = await DeliverAsync(subscription, change, CancellationToken.None);
            if (failure is not null)
            {
                var failed = subscription.Failed(change.Position, failure, MaxFailures);
                logger.LogWarning("FHIR subscription {Id}: delivery of position {Position} failed ({Failure}), attempt {Attempt}",
                    id, change.Position, failure, failed.Failures);
                return await SaveAsync(failed, CancellationToken.None) && failed.Status == FhirSubscription.Statuses.Active ? Backoff(failed.Failures) : null;
            }
            subscription = subscription with { Position = change.Position, Failures = 0 };
            if (!await SaveAsync(subscription, CancellationToken.None) || ct.IsCancellationRequested)
                return null;
            // Deleted or changed meanwhile: the next step reloads it.
            if (await LoadAsync(id, ct) is not { Status: FhirSubscription.Statuses.Active })
                return null;
        }
        if (page.Next > subscription.Position && !await SaveAsync(subscription with { Position = page.Next }, ct))
            return null;
        return page.Next >= page.UpTo ? RegisterFeed.PollInterval : TimeSpan.Zero;
    }

    /// <summary>First retry after <see cref="FirstRetry"/>, then twice as long each time, five minutes at most.</summary>
    public static TimeSpan BackoffAfter(int failures, TimeSpan first) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, first.Ticks * (1L << Math.Min(failures - 1, 20))));

    private TimeSpan Backoff(int failures) => BackoffAfter(failures, FirstRetry);

    private async Task<FhirSubscription?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<FhirSubscription>(id, ct);
    }

    /// <summary>Saves the subscription's progress unless it was deleted (an update never brings it back); false when deleted.</summary>
    private async Task<bool> SaveAsync(FhirSubscription subscription, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Update(subscription);
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (NonExistentDocumentException)
        {
            return false;
        }
    }

    private async Task<long> DirectoryPositionAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.Where(p => p.ShardName.Split(':')[0] is "DirectoryEntry" or nameof(DirectoryEntryProjection))
            .Select(p => p.Sequence).DefaultIfEmpty(long.MaxValue).Min();
    }

    /// <summary>
    /// One notification (R4 rest-hook): with payload and a doctor the public directory shows, PUT {endpoint}/Practitioner/{rpps}
    /// with the Practitioner; otherwise (no payload, or a change that hides the doctor) an empty POST to the endpoint.
    /// Null when the endpoint answered 2xx, else why not.
    /// </summary>
    private async Task<string?> DeliverAsync(FhirSubscription subscription, RegisterFeedChange change, CancellationToken ct)
    {
        using var request = await RequestAsync(subscription, change, ct);
        foreach (var header in subscription.Headers)
        {
            var colon = header.IndexOf(':');
            request.Headers.TryAddWithoutValidation(header[..colon].Trim(), header[(colon + 1)..].Trim());
        }
        request.Headers.TryAddWithoutValidation(PositionHeader, change.Position.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(KindHeader, change.Kind);
        using var timeout = new CancellationTokenSource(RequestTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"pas de réponse en {RequestTimeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(FhirSubscription subscription, RegisterFeedChange change, CancellationToken ct)
    {
        if (subscription.Payload)
        {
            await using var session = store.QuerySession();
            var entry = await session.LoadAsync<DirectoryEntry>(PractitionerStream.IdOf(change.Rpps), ct);
            if (entry is { Visibility: DirectoryVisibility.Public })
            {
                var target = new UriBuilder(subscription.Endpoint);
                target.Path = target.Path.TrimEnd('/') + "/Practitioner/" + change.Rpps;
                var json = JsonSerializer.Serialize(FhirResources.Practitioner(entry), Json);
                return new HttpRequestMessage(HttpMethod.Put, target.Uri)
                {
                    Content = new StringContent(json, System.Text.Encoding.UTF8, FhirEndpoints.MediaType),
                };
            }
        }
        return new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint) { Content = new ByteArrayContent([]) };
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
