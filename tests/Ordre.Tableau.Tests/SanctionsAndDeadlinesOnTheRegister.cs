using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Client;
using Ordre.Contracts.Discipline;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Register;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Testing;

namespace Ordre.Tableau.Tests;

/// <summary>Sanctions arriving over the bus, and the clock applying them on their dates (fake TimeProvider).</summary>
public class SanctionsAndDeadlinesOnTheRegister(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    private IDocumentStore Store => tableau.Services.GetRequiredService<IDocumentStore>();
    private DeadlineSweeper Sweeper => tableau.Services.GetRequiredService<DeadlineSweeper>();
    private DateOnly Today => ParisCalendar.Today(tableau.Clock);

    [Fact]
    public async Task A_ban_starting_in_the_future_applies_on_its_first_day_and_ends_after_its_last_however_often_it_arrives()
    {
        var rpps = await RegisteredDoctor();
        var sanction = new SanctionEnforceable(Guid.NewGuid(), rpps, "PracticeBan", Today.AddDays(10), Today.AddDays(40), 0, tableau.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();
        await tableau.PublishAsync(sanction, messageId);
        await tableau.PublishAsync(sanction, messageId);

        await Eventually.Until(() => Entry(rpps), e => e.Sanctions.Count > 0, what: "sanction recorded");
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Registered, (await Entry(rpps)).Status);

        tableau.Clock.Advance(TimeSpan.FromDays(10));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Banned, (await Entry(rpps)).Status);

        tableau.Clock.Advance(TimeSpan.FromDays(30));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Banned, (await Entry(rpps)).Status);
        tableau.Clock.Advance(TimeSpan.FromDays(1));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Registered, (await Entry(rpps)).Status);

        Assert.Single(await Events<SanctionRecorded>(rpps));
    }

    [Fact]
    public async Task A_radiation_from_the_chambers_strikes_the_doctor_off_on_its_date()
    {
        var rpps = await RegisteredDoctor();
        await tableau.PublishAsync(new SanctionEnforceable(Guid.NewGuid(), rpps, "StrikingOff", Today, null, 0, tableau.Clock.GetUtcNow()), Guid.NewGuid());

        await Eventually.Until(() => Entry(rpps), e => e.Sanctions.Count > 0, what: "sanction recorded");
        await Sweeper.SweepAsync(CancellationToken.None);
        var entry = await Entry(rpps);
        Assert.Equal((RegisterStatus.StruckOff, Register.StrikingOff.StrikingOffReason.Disciplinary), (entry.Status, entry.StruckOffFor!.Value));
    }

    [Fact]
    public async Task A_ban_whose_first_day_has_come_applies_on_receipt_without_waiting_for_the_sweep()
    {
        var rpps = await RegisteredDoctor();
        await tableau.PublishAsync(new SanctionEnforceable(Guid.NewGuid(), rpps, "PracticeBan", Today, Today.AddMonths(1), 0, tableau.Clock.GetUtcNow()), Guid.NewGuid());
        // No sweep here: the consumer applies what is due today in the same transaction as it records the sanction.
        await Eventually.Until(() => Entry(rpps), e => e.Status == RegisterStatus.Banned, what: "banned on receipt");
    }

    [Fact]
    public async Task A_sanction_ended_early_lifts_the_running_ban()
    {
        var rpps = await RegisteredDoctor();
        var sanctionId = Guid.NewGuid();
        await tableau.PublishAsync(new SanctionEnforceable(sanctionId, rpps, "PracticeBan", Today, Today.AddMonths(6), 0, tableau.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => Entry(rpps), e => e.Sanctions.Count > 0, what: "sanction recorded");
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Banned, (await Entry(rpps)).Status);

        await tableau.PublishAsync(new SanctionEnded(sanctionId, rpps, Today, tableau.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => Entry(rpps), e => e.Status == RegisterStatus.Registered, what: "ban lifted");
    }

    [Fact]
    public async Task An_emergency_suspension_by_the_ars_ends_by_itself_after_five_months()
    {
        var rpps = await RegisteredDoctor();
        await using (var session = Store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(rpps));
            var outcome = OrderSuspensionEndpoint.Decide(stream.Aggregate!, new OrderSuspension(SuspensionSource.ArsEmergency, false, null, null), Today, "arsidf", Guid.NewGuid());
            stream.AppendMany(((Outcome.Accepted)outcome).Events);
            await session.SaveChangesAsync();
        }

        tableau.Clock.Advance(TimeSpan.FromDays(140)); // still within the 5 months
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Suspended, (await Entry(rpps)).Status);

        tableau.Clock.Advance(TimeSpan.FromDays(20));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(RegisterStatus.Registered, (await Entry(rpps)).Status);
        Assert.Equal(SuspensionEnd.Expired, Assert.Single(await Events<SuspensionEnded>(rpps)).How);
    }

    [Fact]
    public async Task An_ars_emergency_suspension_lapses_when_the_chamber_did_not_rule_in_time_and_only_that_kind()
    {
        var (ars, crom) = (await RegisteredDoctor(), await RegisteredDoctor());
        await Suspend(ars, SuspensionSource.ArsEmergency, null);
        await Suspend(crom, SuspensionSource.Health, Today.AddMonths(6));

        var cromMessage = Guid.NewGuid();
        foreach (var (rpps, messageId) in new[] { (ars, Guid.NewGuid()), (crom, cromMessage) })
        {
            var lapsed = new EmergencySuspensionLapsed(Guid.NewGuid(), rpps, Today, tableau.Clock.GetUtcNow());
            await tableau.PublishAsync(lapsed, messageId);
            await tableau.PublishAsync(lapsed, messageId);
        }
        await Eventually.Until(() => Entry(ars), e => e.Status == RegisterStatus.Registered, what: "emergency suspension lapsed");
        Assert.Equal(SuspensionEnd.Lapsed, Assert.Single(await Events<SuspensionEnded>(ars)).How);
        await Eventually.Until(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.LoadAsync<ProcessedMessage>(cromMessage);
        }, processed => processed is not null, what: "message about the other doctor processed");
        Assert.Equal(RegisterStatus.Suspended, (await Entry(crom)).Status);
    }

    // The sweep settles the oldest deadlines first, so that a backlog never holds a due change back indefinitely.
    [Fact]
    public async Task The_deadline_sweep_settles_the_oldest_due_change_first()
    {
        var (later, older) = (await RegisteredDoctor(), await RegisteredDoctor());
        await Record(later, SanctionKind.PracticeBan, Today, Today.AddDays(5));
        await Record(older, SanctionKind.PracticeBan, Today.AddDays(-3), Today.AddDays(5));
        await Sweeper.SweepAsync(CancellationToken.None);

        await using var session = Store.QuerySession();
        var olderStarted = (await session.Events.FetchStreamAsync(PractitionerStream.IdOf(older))).Single(e => e.Data is PracticeBanStarted);
        var laterStarted = (await session.Events.FetchStreamAsync(PractitionerStream.IdOf(later))).Single(e => e.Data is PracticeBanStarted);
        Assert.True(olderStarted.Sequence < laterStarted.Sequence, "the change due first is appended first");
    }

    private async Task Record(string rpps, SanctionKind kind, DateOnly from, DateOnly? to)
    {
        await using var session = Store.LightweightSession();
        var id = PractitionerStream.IdOf(rpps);
        session.Events.Append(id, new SanctionRecorded(id, rpps, Guid.NewGuid(), kind, from, to));
        await session.SaveChangesAsync();
    }

    private async Task Suspend(string rpps, SuspensionSource source, DateOnly? until)
    {
        await using var session = Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(rpps));
        stream.AppendMany(((Outcome.Accepted)OrderSuspensionEndpoint.Decide(stream.Aggregate!, new OrderSuspension(source, false, null, until), Today, "x", Guid.NewGuid())).Events);
        await session.SaveChangesAsync();
    }

    private async Task<string> RegisteredDoctor()
    {
        var doctor = new DemoDoctors(Random.Shared.Next()).Next("75", Today);
        await using var session = Store.LightweightSession();
        var id = PractitionerStream.IdOf(doctor.Rpps!);
        session.Events.StartStream<Practitioner>(id, new RegisteredOnTableau(id, doctor.Rpps!, "75", doctor.LastName!, doctor.FirstName!,
            doctor.Specialty!, Today, Guid.NewGuid()));
        await session.SaveChangesAsync();
        return doctor.Rpps!;
    }

    private async Task<Practitioner> Entry(string rpps)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Practitioner>(PractitionerStream.IdOf(rpps)))!;
    }

    private async Task<List<T>> Events<T>(string rpps)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(PractitionerStream.IdOf(rpps))).Select(e => e.Data).OfType<T>()];
    }
}
