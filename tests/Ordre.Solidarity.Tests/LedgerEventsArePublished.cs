using System.Threading.Channels;
using MassTransit;
using Ordre.Contracts.Solidarity;

namespace Ordre.Solidarity.Tests;

/// <summary>
/// The ledger's integration events leave from the event store (the publication subscription) for the dashboard:
/// amounts and counts only. Its own fixture: the other ledger tests empty the event store under the daemon.
/// </summary>
public sealed class LedgerEventsArePublished(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>
{
    [Fact]
    public async Task A_posted_transfer_a_reservation_and_a_void_are_published_with_their_amounts()
    {
        var posted = Channel.CreateUnbounded<LedgerTransferPosted>();
        var reserved = Channel.CreateUnbounded<LedgerTransferReserved>();
        var voided = Channel.CreateUnbounded<LedgerTransferVoided>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(solidarity.Broker.Amqp);
            rabbit.ReceiveEndpoint("test-ledger-events", e =>
            {
                e.Handler<LedgerTransferPosted>(c => posted.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<LedgerTransferReserved>(c => reserved.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<LedgerTransferVoided>(c => voided.Writer.WriteAsync(c.Message).AsTask());
            });
        });
        await bus.StartAsync();
        try
        {
            await solidarity.OpenStandardAccounts();
            var (donation, grant) = (Guid.CreateVersion7(), Guid.CreateVersion7());
            await solidarity.Transfer(new Ledger.Transferring.MakeTransfer(donation,
                [new("cdom-75", "fonds-solidarite", 300m), new("cdom-13", "fonds-solidarite", 200.25m)]));
            await solidarity.Transfer(grant, "fonds-solidarite", "cdom-2a", 100m, pending: true);
            await solidarity.Void(grant);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var first = await posted.Reader.ReadAsync(timeout.Token);
            Assert.Equal((donation, 2, 500.25m, false), (first.TransferId, first.Legs, first.Amount, first.FromPending));
            var reservation = await reserved.Reader.ReadAsync(timeout.Token);
            Assert.Equal((grant, 100m), (reservation.TransferId, reservation.Amount));
            var released = await voided.Reader.ReadAsync(timeout.Token);
            Assert.Equal((grant, 100m), (released.TransferId, released.Amount));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
