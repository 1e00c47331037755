using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Client;
using Ordre.Contracts.Discipline;
using Ordre.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Least privilege on the bus (docs/security.md): each service connects as its own RabbitMQ user, and only the
/// owner of an integration event may publish it. The rest of the system tests run every service under the same
/// permissions (deploy/k8s/rabbitmq/permissions.txt), which shows they suffice. Here the same bytes, a
/// MassTransit envelope of a SanctionEnforceable, are published on the wire by different users.
/// </summary>
[Collection(SystemCollection.Name)]
public class OneBrokerUserPerService(OrdreSystem system)
{
    private const string SanctionExchange = "Ordre.Contracts.Discipline:SanctionEnforceable";
    private const string SanctionQueue = "tableau-record-enforceable-sanction";

    [Fact]
    public async Task The_tableau_user_cannot_publish_an_enforceable_sanction_and_the_register_is_unchanged()
    {
        var doctor = await system.GrantedInscription();
        var marked = await system.GrantedInscription();
        var queue = await system.Broker.SettledAsync(SanctionQueue);
        var sanctionId = Guid.CreateVersion7();

        var refusal = await PublishSanctionAs("tableau", sanctionId, doctor.Rpps!);

        Assert.Equal((ushort)403, refusal?.ReplyCode);
        Assert.StartsWith("ACCESS_REFUSED", refusal!.ReplyText);
        Assert.Contains(SanctionExchange, refusal.ReplyText);
        // A marker, published after the refused message by its rightful publisher, on the same exchange and queue: once
        // the Tableau has recorded it and the queue has settled, a refused message that got through would have been
        // consumed too (it would have been routed before the marker).
        var marker = Guid.CreateVersion7();
        Assert.Null(await PublishSanctionAs("discipline", marker, marked.Rpps!));
        await Eventually.Until(() => Entry(marked.Rpps!), e => e.Sanctions.Any(s => s.SanctionId == marker), what: "marker sanction recorded");
        await system.Broker.SettledAsync(SanctionQueue, since: queue, routedSince: 1);
        var entry = await Entry(doctor.Rpps!);
        Assert.Equal("Registered", entry.Status);
        Assert.Empty(entry.Sanctions);
    }

    [Fact]
    public async Task No_service_user_but_disciplines_may_publish_an_enforceable_sanction()
    {
        var others = BusPermissions.Table.Select(p => p.Service).Where(s => s != "discipline").ToList();
        Assert.Contains("dashboard", others);
        foreach (var service in others)
        {
            var refusal = await PublishSanctionAs(service, Guid.CreateVersion7(), DemoDoctors.Rpps(77));
            Assert.True(refusal?.ReplyCode == 403, $"{service}: {refusal?.ReplyText ?? "published"}");
        }
    }

    [Fact]
    public async Task The_discipline_user_publishes_an_enforceable_sanction_and_the_tableau_records_it()
    {
        var doctor = await system.GrantedInscription();
        var sanctionId = Guid.CreateVersion7();

        var refusal = await PublishSanctionAs("discipline", sanctionId, doctor.Rpps!);

        Assert.Null(refusal);
        await Eventually.Until(() => Entry(doctor.Rpps!), e => e.Sanctions.Any(s => s.SanctionId == sanctionId),
            what: "sanction recorded by the Tableau");
        Assert.Equal("StruckOff", (await Entry(doctor.Rpps!)).Status);
    }

    [Fact]
    public async Task A_sanction_the_tableau_cannot_apply_ends_in_its_error_queue_under_its_own_user()
    {
        // An RPPS that is not on the Tableau: the consumer throws, retries (about 8 s), then moves the message.
        var refusal = await PublishSanctionAs("discipline", Guid.CreateVersion7(), DemoDoctors.Rpps(99_999));

        Assert.Null(refusal);
        await Eventually.Until(ErrorQueueMessages, count => count >= 1, what: "message in tableau-record-enforceable-sanction_error");
    }

    [Fact]
    public async Task A_service_given_no_broker_credentials_refuses_to_start_and_says_why()
    {
        var anonymous = new UriBuilder(system.Broker.AmqpFor("dashboard")) { UserName = "", Password = "" }.Uri;
        await using var dashboard = ServiceProcess.Start("dashboard-anonymous", "Ordre.Dashboard", ServiceProcess.FreePort(),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Marten"] = system.DashboardDatabase.ConnectionString("dashboard-anonymous"),
                ["ConnectionStrings__RabbitMq"] = anonymous.ToString(),
                ["Identity__Authority"] = system.Identity.Url.ToString(),
            });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => dashboard.WaitUntilHealthyAsync());
        Assert.Contains("exited", failure.Message);
        Assert.Contains("has no user name and password", failure.Message);
        Assert.Contains("no fallback to guest", failure.Message);
    }

    /// <summary>
    /// Publishes a MassTransit envelope of a striking-off from today to the sanction exchange as the service's user, with
    /// publisher confirms. Returns the broker's reason for closing the channel, or null when the broker confirmed.
    /// </summary>
    private async Task<ShutdownEventArgs?> PublishSanctionAs(string service, Guid sanctionId, string rpps)
    {
        var factory = new ConnectionFactory { Uri = system.Broker.AmqpFor(service), ClientProvidedName = $"test-as-{service}" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var messageId = Guid.CreateVersion7();
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:{SanctionExchange}" },
            sentTime = DateTime.UtcNow,
            message = new SanctionEnforceable(sanctionId, rpps, "StrikingOff", Today, null, 0, DateTimeOffset.UtcNow),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, JsonSerializerOptions.Web);
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        try
        {
            await channel.BasicPublishAsync(SanctionExchange, "", mandatory: false, properties, body);
            return null;
        }
        catch (Exception) when (channel.CloseReason is { } reason)
        {
            return reason;
        }
    }

    private async Task<int> ErrorQueueMessages()
    {
        using var queues = JsonDocument.Parse(await system.Broker.QueuesJsonAsync());
        return queues.RootElement.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString() == SanctionQueue + "_error")
            .Select(q => q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt32() : 0)
            .SingleOrDefault();
    }

    private async Task<RegisterEntry> Entry(string rpps)
    {
        using var council = await system.HttpClientFor("cdom75");
        return (await council.GetFromJsonAsync<RegisterEntry>($"/tableau/register/{rpps}"))!;
    }

    private sealed record Sanction(Guid SanctionId);
    private sealed record RegisterEntry(string Status, IReadOnlyList<Sanction> Sanctions);
}
