using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Complaints.Registering;
using Ordre.Discipline.Deadlines;

namespace Ordre.Discipline.Tests;

/// <summary>The complaint's and the case's deadlines, stored as data and swept on the (fake) clock, on real PostgreSQL.</summary>
public class DeadlinesSweptByTheClock(DisciplineInProcess discipline) : IClassFixture<DisciplineInProcess>
{
    [Fact]
    public async Task The_months_to_convene_transmit_and_decide_run_out_on_the_clock_and_only_then()
    {
        var store = discipline.Services.GetRequiredService<IDocumentStore>();
        var sweep = discipline.Services.GetRequiredService<DisciplineDeadlines>();
        var registeredOn = ParisCalendar.Today(discipline.Clock);
        var (complaintId, caseId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Complaint>(complaintId, new ComplaintRegistered(complaintId, "10005173140", "75",
                new Complainant(ComplainantKind.Patient, "Mme Durand"), ["Qualité des soins"], registeredOn, registeredOn.AddMonths(1), registeredOn.AddMonths(3), "cdom75"));
            session.Events.StartStream<ChamberCase>(caseId,
                new ChamberCaseRegistered(caseId, Guid.NewGuid(), "10005173140", "75", registeredOn, registeredOn.AddMonths(6)));
            await session.SaveChangesAsync();
        }

        await MoveTo(registeredOn.AddMonths(1));
        Assert.False((await Load<Complaint>(store, complaintId)).ConciliationOverdue);
        await MoveTo(registeredOn.AddMonths(1).AddDays(1));
        Assert.True((await Load<Complaint>(store, complaintId)).ConciliationOverdue);
        Assert.False((await Load<Complaint>(store, complaintId)).TransmissionOverdue);
        await MoveTo(registeredOn.AddMonths(3).AddDays(1));
        Assert.True((await Load<Complaint>(store, complaintId)).TransmissionOverdue);

        Assert.False((await Load<ChamberCase>(store, caseId)).DecisionOverdue);
        await MoveTo(registeredOn.AddMonths(6).AddDays(1));
        Assert.True((await Load<ChamberCase>(store, caseId)).DecisionOverdue);

        async Task MoveTo(DateOnly day)
        {
            // Noon in Paris on that day; the hosted sweeper may run too when the clock moves: assert the state only.
            var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
            discipline.Clock.Advance(target - discipline.Clock.GetUtcNow());
            await sweep.SweepAsync(CancellationToken.None);
        }
    }

    private static async Task<T> Load<T>(IDocumentStore store, Guid id) where T : notnull
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<T>(id))!;
    }
}
