using System.Threading.Channels;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Discipline;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Deciding;
using Ordre.Discipline.Chambers.Notifying;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Testing;

namespace Ordre.Discipline.Tests;

/// <summary>Discipline in process on a fake clock (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public sealed class DisciplineInProcess : ServiceInProcess<Program>
{
    protected override string Name => "discipline";

    // Nothing here calls the Tableau; the address only has to be set.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Tableau:Grpc"] = "http://127.0.0.1:9/" };
}

/// <summary>A final sanction is published for the Tableau (whose consumer applies it: Ordre.Tableau.Tests).</summary>
public class SanctionsBecomeEnforceable(DisciplineInProcess discipline) : IClassFixture<DisciplineInProcess>
{
    [Fact]
    public async Task An_unappealed_ban_is_published_as_enforceable_when_the_appeal_window_closes()
    {
        var (bus, received) = await Listen<SanctionEnforceable>("test-sanctions");
        try
        {
            var today = ParisCalendar.Today(discipline.Clock);
            var caseId = Guid.CreateVersion7();
            var store = discipline.Services.GetRequiredService<IDocumentStore>();
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream<ChamberCase>(caseId,
                    new ChamberCaseRegistered(caseId, Guid.NewGuid(), "10005173140", "75", today, today.AddMonths(6)),
                    new DecisionRendered(caseId, DecisionForm.Collegial, DecisionOutcome.PracticeBan, 6, 2, null, today, "cdpiidf"),
                    new CaseDecisionNotified(caseId, today, NotifyDecisionEndpoint.AppealDeadline(today, "75"), "cdpiidf"));
                await session.SaveChangesAsync();
            }
            var finality = discipline.Services.GetRequiredService<Ordre.Discipline.Deadlines.DisciplineDeadlines>();

            // The hosted sweeper may also run when the fake clock moves: assert the state, not who changed it.
            discipline.Clock.Advance(TimeSpan.FromDays(30));
            await finality.SweepAsync(CancellationToken.None);
            Assert.Equal(CaseStatus.Notified, (await Case(store, caseId)).Status);
            discipline.Clock.Advance(TimeSpan.FromDays(1));
            await finality.SweepAsync(CancellationToken.None);
            Assert.Equal(CaseStatus.Final, (await Case(store, caseId)).Status);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var sanction = await received.ReadAsync(timeout.Token);
            Assert.Equal((caseId, "10005173140", "PracticeBan", 2), (sanction.SanctionId, sanction.Rpps, sanction.Kind, sanction.SuspendedMonths));
            Assert.Equal(today.AddDays(32), sanction.From);
            Assert.Equal(today.AddDays(32).AddMonths(4).AddDays(-1), sanction.To);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task An_emergency_case_left_undecided_by_both_chambers_publishes_the_lapse_of_the_ars_suspension()
    {
        var (bus, received) = await Listen<EmergencySuspensionLapsed>("test-lapses");
        try
        {
            var today = ParisCalendar.Today(discipline.Clock);
            var caseId = Guid.CreateVersion7();
            var store = discipline.Services.GetRequiredService<IDocumentStore>();
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream<ChamberCase>(caseId, new ChamberCaseRegistered(caseId, Guid.NewGuid(), "10001234567", "75", today,
                    today.AddMonths(2), EmergencySuspension: true));
                await session.SaveChangesAsync();
            }
            var sweep = discipline.Services.GetRequiredService<Ordre.Discipline.Deadlines.DisciplineDeadlines>();
            // L.4113-14: past the first chamber's 2 months the case goes before the national chamber; past its 2 months, the suspension lapses.
            discipline.Clock.Advance(TimeSpan.FromDays(63)); // past the 2 months, whichever they are
            await sweep.SweepAsync(CancellationToken.None);
            Assert.True((await Case(store, caseId)).BeforeNationalChamber);
            discipline.Clock.Advance(TimeSpan.FromDays(63));
            await sweep.SweepAsync(CancellationToken.None);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var lapsed = await received.ReadAsync(timeout.Token);
            Assert.Equal((caseId, "10001234567"), (lapsed.CaseId, lapsed.Rpps));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>A bus of the test's own that receives what Discipline publishes of <typeparamref name="T"/>.</summary>
    private async Task<(IBusControl Bus, ChannelReader<T> Received)> Listen<T>(string queue) where T : class
    {
        var received = Channel.CreateUnbounded<T>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(discipline.Broker.Amqp);
            rabbit.ReceiveEndpoint(queue, e => e.Handler<T>(context => received.Writer.WriteAsync(context.Message).AsTask()));
        });
        await bus.StartAsync();
        return (bus, received.Reader);
    }

    private static async Task<ChamberCase> Case(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<ChamberCase>(id))!;
    }
}
