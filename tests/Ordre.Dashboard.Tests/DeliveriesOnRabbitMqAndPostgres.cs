using System.Text.Json;
using Ordre.Contracts.Tableau;
using Ordre.Dashboard.Figures;
using Ordre.Testing;

namespace Ordre.Dashboard.Tests;

/// <summary>
/// Issue 14's defect: eight consumers racing on one department's counter lost registrations to the _error queue. Now
/// each delivery appends its own one-event stream and the projection counts: nothing can be lost, nothing counted twice.
/// </summary>
public sealed class DeliveriesOnRabbitMqAndPostgres(DashboardInProcess dashboard) : IClassFixture<DashboardInProcess>
{
    private static PractitionerRegistered Registration(int n, string department) => new(Guid.CreateVersion7(), DemoRpps(n), department,
        "Martin", "Camille", "Médecine générale", new DateOnly(2019, 3, 4), new DateTimeOffset(2019, 3, 4, 9, 0, 0, TimeSpan.Zero));

    private static string DemoRpps(int n) => (10_000_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Four_hundred_registrations_in_one_department_delivered_eight_at_a_time_are_all_counted_and_none_fails()
    {
        const int registrations = 400;
        await dashboard.PublishAsync(Enumerable.Range(0, registrations).Select(n => (Guid.CreateVersion7(), (object)Registration(n, "75"))));

        try
        {
            await Eventually.Until(() => dashboard.Tally(2019), t => t?.Departments.GetValueOrDefault("75")?.GetValueOrDefault(FigureRules.Inscriptions) >= registrations,
                TimeSpan.FromSeconds(90), "400 registrations counted in the 75");
        }
        catch (TimeoutException e)
        {
            var stored = await dashboard.Database.QueryAsync<long>("select count(*) from dashboard.mt_events");
            var progress = await dashboard.Database.QueryAsync<string>("select name || '=' || last_seq_id from dashboard.mt_event_progression");
            throw new TimeoutException($"{e.Message} (stored events: {stored[0]}; progress: {string.Join(", ", progress)}; queues: {await dashboard.Broker.QueuesJsonAsync()})", e);
        }
        await dashboard.Broker.SettledAsync(DashboardInProcess.Queue);
        Assert.Equal(registrations, (await dashboard.Tally(2019))!.Departments["75"][FigureRules.Inscriptions]);
        using var queues = JsonDocument.Parse(await dashboard.Broker.QueuesJsonAsync());
        Assert.DoesNotContain(queues.RootElement.EnumerateArray(),
            q => q.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal) && q.GetProperty("messages").GetInt64() > 0);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_stored_and_counted_once()
    {
        var messageId = Guid.CreateVersion7();
        var message = Registration(9_001, "971") with { RegisteredOn = new DateOnly(2018, 5, 6) };
        await dashboard.PublishAsync([(messageId, message), (messageId, message)]);

        await Eventually.Until(() => dashboard.Database.QueryAsync<long>($"select count(*) from dashboard.mt_events where stream_id = '{messageId}'"),
            rows => rows[0] == 1, what: "the message stored");
        await dashboard.Broker.SettledAsync(DashboardInProcess.Queue);
        await dashboard.CaughtUp();
        Assert.Equal(1, (await dashboard.Database.QueryAsync<long>($"select count(*) from dashboard.mt_events where stream_id = '{messageId}'"))[0]);
        Assert.Equal(1, (await dashboard.Tally(2018))!.Departments["971"][FigureRules.Inscriptions]);
    }

    [Fact]
    public async Task The_inbox_appends_a_message_id_once_and_tells_a_repeat_apart()
    {
        var messageId = Guid.CreateVersion7();
        Assert.True(await dashboard.Inbox.KeepAsync(messageId, Registration(9_002, "2A"), default));
        Assert.False(await dashboard.Inbox.KeepAsync(messageId, Registration(9_002, "2A"), default));
    }
}
