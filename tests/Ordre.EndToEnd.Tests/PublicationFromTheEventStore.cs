using System.Net;
using MassTransit;
using Ordre.Client;
using Ordre.Contracts.Tableau;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The event store is the outbox: what commits is published at least once, whatever dies in
/// between, and the consumer's effect happens exactly once (docs/publication.md).
/// "Once" is checked after waiting for what could still change it, never after a fixed pause: the publisher's
/// progress covers every committed event, and the consumer's queue has settled (every message routed to it
/// acknowledged, none ready or unacknowledged) with at least the copies the test caused.
/// </summary>
[Collection(SystemCollection.Name)]
public class PublicationFromTheEventStore(OrdreSystem system)
{
    [Fact]
    public async Task A_granted_inscription_is_counted_once_by_the_dashboard()
    {
        var queue = await system.Broker.SettledAsync(GrantedInscriptionsQueue);
        var before = await system.RegisteredCount("2A");
        await system.GrantedInscription("cdom2a", "2A");

        await system.RegisteredCountReaches("2A", before + 1);
        await system.TableauPublishedEverything();
        await system.Broker.SettledAsync(GrantedInscriptionsQueue, since: queue, routedSince: 1);
        Assert.Equal(before + 1, await system.RegisteredCount("2A"));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var queue = await system.Broker.SettledAsync(GrantedInscriptionsQueue);
        var before = await system.RegisteredCount("971");
        var message = new PractitionerRegistered(Guid.CreateVersion7(), DemoDoctors.Rpps(4242), "971", "Hoarau", "Loïc",
            "Médecine générale", new DateOnly(2026, 11, 2), DateTimeOffset.UtcNow);
        var messageId = Guid.CreateVersion7();

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(system.Broker.AmqpFor("tableau")));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }

        await system.ProcessedByDashboard(messageId);
        // Both copies reached the queue and were acknowledged: the second one has been consumed, and ignored.
        await system.Broker.SettledAsync(GrantedInscriptionsQueue, since: queue, routedSince: 2);
        Assert.Equal(before + 1, await system.RegisteredCount("971"));
    }

    [Fact]
    public async Task The_dashboard_counts_an_implicit_rejection_once()
    {
        async Task<int> Rejections() => (await system.Api.GetRegistrationFigures(await system.TokenFor("cnom"))).Content!
            .Departments.SingleOrDefault(d => d.Department == "974")?.ImplicitlyRejected ?? 0;
        var queue = await system.Broker.SettledAsync(ImplicitRejectionsQueue);
        var before = await Rejections();
        var message = new InscriptionImplicitlyRejected(Guid.CreateVersion7(), DemoDoctors.Rpps(4343), "974", new DateOnly(2026, 11, 2), DateTimeOffset.UtcNow);
        var messageId = Guid.CreateVersion7();

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(system.Broker.AmqpFor("tableau")));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }

        await system.ProcessedByDashboard(messageId);
        await system.Broker.SettledAsync(ImplicitRejectionsQueue, since: queue, routedSince: 2);
        Assert.Equal(before + 1, await Rejections());
    }

    [Fact]
    public async Task An_event_committed_just_before_a_crash_is_published_after_restart_and_counted_once()
    {
        // The Tableau is restarted against a broker address nothing listens on: commands still commit
        // (they need PostgreSQL only), but the publication cannot happen yet, which holds the process in
        // the window between commit and publish; then it is killed with SIGKILL.
        var unreachable = new UriBuilder(system.Broker.AmqpFor("tableau")) { Port = ServiceProcess.FreePort() }.Uri;
        var queue = await system.Broker.SettledAsync(GrantedInscriptionsQueue);
        var tableau = await system.RestartTableauAsync(broker: unreachable);
        var before = await system.RegisteredCount("75");

        var doctor = await system.GrantedInscription();
        // The daemon runs: it has projected the grant into the public directory, but its publication is stuck
        // behind the committed grant, and the dashboard has not counted it.
        await system.VisibleInDirectory(doctor, visible: true);
        var (published, committed) = await system.TableauPublication();
        Assert.True(published < committed, $"published up to {published}, committed up to {committed}");
        Assert.Equal(before, await system.RegisteredCount("75"));
        await tableau.KillAsync();

        await system.RestartTableauAsync();
        await system.RegisteredCountReaches("75", before + 1);
        await system.TableauPublishedEverything();
        await system.Broker.SettledAsync(GrantedInscriptionsQueue, since: queue, routedSince: 1);
        Assert.Equal(before + 1, await system.RegisteredCount("75"));
    }

    [Fact]
    public async Task Commands_succeed_while_the_broker_is_down_and_every_event_arrives_once_it_is_back()
    {
        const int inscriptions = 5;
        var before = await system.RegisteredCount("13");

        await system.Servers.StopBrokerAsync();
        try
        {
            for (var i = 0; i < inscriptions; i++)
                await system.GrantedInscription("cdom13", "13");
            Assert.Equal(before, await system.RegisteredCount("13"));

            // Readiness names the broker as degraded but keeps the service in rotation: commands still work.
            using var health = new HttpClient { BaseAddress = system.Tableau.Url };
            var ready = await health.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"rabbitmq\":{\"status\":\"Degraded\"", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await system.Servers.StartBrokerAsync();
        }

        await system.RegisteredCountReaches("13", before + inscriptions, TimeSpan.FromSeconds(90));
        await system.TableauPublishedEverything(TimeSpan.FromSeconds(90));
        // The broker's message counters restart with it (and may show nothing routed): wait only for nothing ready or
        // unacknowledged on the queue, then check that no copy was counted twice.
        await system.Broker.SettledAsync(GrantedInscriptionsQueue, timeout: TimeSpan.FromSeconds(90));
        Assert.Equal(before + inscriptions, await system.RegisteredCount("13"));
    }
}
