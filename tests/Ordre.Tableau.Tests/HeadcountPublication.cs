using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Client;
using Ordre.Contracts.Tableau;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Headcount;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Transfers;
using Ordre.Testing;

namespace Ordre.Tableau.Tests;

/// <summary>
/// The Tableau publishes its headcount by department and status (DOMAIN.md §7) when the register changes, at most once a
/// second (fake clock), counted by the grouped query over the entries (docs/dashboard.md, "Headcount"). Real PostgreSQL and
/// RabbitMQ; the messages are read from a queue bound to the exchange, as the dashboard reads them.
/// </summary>
public sealed class HeadcountPublication(TableauInProcess tableau) : IClassFixture<TableauInProcess>, IAsyncLifetime
{
    private readonly ConcurrentQueue<TableauHeadcountCounted> _published = new();
    private IBusControl _listener = null!;

    private IDocumentStore Store => tableau.Services.GetRequiredService<IDocumentStore>();
    private DateOnly Today => ParisCalendar.Today(tableau.Clock);

    public async Task InitializeAsync()
    {
        _listener = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(tableau.Broker.Amqp);
            rabbit.ReceiveEndpoint($"headcount-test-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Handler<TableauHeadcountCounted>(context =>
                {
                    _published.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _listener.StartAsync();
    }

    public Task DisposeAsync() => _listener.StopAsync();

    [Fact]
    public async Task Registering_striking_off_and_transferring_a_doctor_change_the_published_headcount_of_the_right_department_and_status()
    {
        var rpps = await Registered("2A");
        var afterRegistration = await NextHeadcount(h => Count(h, "2A", "Registered") == 1, "the doctor counted registered in 2A");
        Assert.Equal(0, Count(afterRegistration, "2B", "Registered"));

        await Change(rpps, entry => RequestTransferEndpoint.Decide(entry, new RequestTransfer("2B"), Today, "cdom2a"));
        var inTransfer = await NextHeadcount(h => Count(h, "2A", "InTransfer") == 1, "the doctor counted in transfer, still in 2A");
        Assert.Equal((0, 0, 0), (Count(inTransfer, "2A", "Registered"), Count(inTransfer, "2B", "Registered"), Count(inTransfer, "2B", "InTransfer")));

        await Change(rpps, entry => CompleteTransferEndpoint.Decide(entry, Today, "cdom2b"));
        var transferred = await NextHeadcount(h => Count(h, "2B", "Registered") == 1, "the doctor counted registered in 2B");
        Assert.Equal((0, 0), (Count(transferred, "2A", "Registered"), Count(transferred, "2A", "InTransfer")));

        await Change(rpps, entry => StrikeOffEndpoint.Decide(entry, new StrikeOff(StrikingOffReason.CeasedPractice, null), Today, "cdom2b"));
        var struckOff = await NextHeadcount(h => Count(h, "2B", "StruckOff") == 1, "the doctor counted struck off in 2B");
        Assert.Equal(0, Count(struckOff, "2B", "Registered"));
        Assert.Null(struckOff.Rows.Single(r => r.Department == "2B" && r.Status == "StruckOff").Activity);
        Assert.Equal(Today, struckOff.KnownOn);
        // Each publication is numbered after the one before, so that no clock decides which count is the latest.
        Assert.True(struckOff.Number > transferred.Number && transferred.Number > 0, $"numbers {transferred.Number} then {struckOff.Number}");

        // The published figure is the grouped count of the register's entries, and carries no RPPS.
        await using var session = Store.QuerySession();
        Assert.Equal(await HeadcountCount.CountAsync(session, CancellationToken.None), struckOff.Rows);
        Assert.DoesNotContain(rpps, System.Text.Json.JsonSerializer.Serialize(struckOff), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_changes_is_published_as_one_headcount_a_second_not_one_per_change()
    {
        // A first change, published at once (the last publication is at least a second old), opens the interval.
        await Registered("971");
        tableau.Clock.Advance(TimeSpan.FromSeconds(1));
        await NextHeadcount(h => Count(h, "971", "Registered") >= 1, "the first doctor of 971 counted");
        var before = _published.Count;

        const int burst = 25;
        for (var i = 0; i < burst; i++)
            await Registered("971");
        // Until the clock moves, the burst waits for the interval's end: at most one message (one begun before the burst).
        await Eventually.Until(() => SubscriptionProgress(), p => p.Done >= p.Last, TimeSpan.FromSeconds(30), "the trigger saw the burst");
        Assert.True(_published.Count - before <= 1, $"{_published.Count - before} headcounts published during the burst");

        tableau.Clock.Advance(TimeSpan.FromSeconds(1));
        await NextHeadcount(h => Count(h, "971", "Registered") == burst + 1, "the whole burst counted in one headcount");
        Assert.InRange(_published.Count - before, 1, 2);
    }

    private static int Count(TableauHeadcountCounted headcount, string department, string status) =>
        headcount.Rows.Where(r => r.Department == department && r.Status == status).Sum(r => r.Count);

    /// <summary>Moves the clock a second at a time (the publisher's interval) until a published headcount satisfies <paramref name="done"/>.</summary>
    private Task<TableauHeadcountCounted> NextHeadcount(Func<TableauHeadcountCounted, bool> done, string what) =>
        Eventually.Until(() =>
        {
            tableau.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(_published.LastOrDefault());
        }, h => h is not null && done(h), TimeSpan.FromSeconds(30), what)!;

    private async Task<(long Done, long Last)> SubscriptionProgress()
    {
        var last = await tableau.Database.QueryAsync<long>("select coalesce(max(seq_id), 0) from tableau.mt_events");
        var done = await tableau.Database.QueryAsync<long>(
            $"select coalesce(max(last_seq_id), 0) from tableau.mt_event_progression where name like '{HeadcountTrigger.SubscriptionName}%'");
        return (done[0], last[0]);
    }

    private async Task<string> Registered(string department)
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next(department, Today);
        await using var session = Store.LightweightSession();
        var id = PractitionerStream.IdOf(doctor.Rpps!);
        session.Events.StartStream<Practitioner>(id, new RegisteredOnTableau(id, doctor.Rpps!, department, doctor.LastName!, doctor.FirstName!,
            doctor.Specialty!, Today, Guid.NewGuid()));
        await session.SaveChangesAsync();
        return doctor.Rpps!;
    }

    private async Task Change(string rpps, Func<Practitioner, Outcome> decide)
    {
        await using var session = Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(rpps));
        stream.AppendMany(Assert.IsType<Outcome.Accepted>(decide(stream.Aggregate!)).Events);
        await session.SaveChangesAsync();
    }
}
