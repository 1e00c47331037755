using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Discipline.CaseLaw;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.AppointingRapporteur;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Chambers.SchedulingHearing;
using Ordre.Discipline.Complaints;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Discipline.Tests;

/// <summary>
/// Marten stores an event under its class name in snake_case, whatever its namespace; the .NET type name stored beside
/// it is only a fallback for names it does not know. Moving events into the slice folders must change neither.
/// </summary>
public class EventsKeepTheirStoredNames(DisciplineInProcess discipline) : IClassFixture<DisciplineInProcess>
{
    [Fact]
    public void Every_event_is_known_from_the_start_under_its_class_name_in_snake_case()
    {
        var known = discipline.Services.GetRequiredService<IDocumentStore>().Options.Events.AllKnownEventTypes()
            .ToDictionary(e => e.EventType, e => e.EventTypeName);
        var assembly = typeof(Complaint).Assembly;
        var events = Evolution<Complaint>.MarkedEvents(assembly).Concat(Evolution<ChamberCase>.MarkedEvents(assembly))
            .Concat(Evolution<CaseLawSheet>.MarkedEvents(assembly));
        Assert.All(events, e => Assert.Equal(Regex.Replace(e.Name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant(), known.GetValueOrDefault(e)));
    }

    [Fact]
    public async Task A_case_written_when_its_events_lived_in_the_Chambers_namespace_is_still_read_by_a_fresh_store()
    {
        var store = discipline.Services.GetRequiredService<IDocumentStore>();
        var schema = store.Options.Events.DatabaseSchemaName;
        var today = ParisCalendar.Today(discipline.Clock);
        var id = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<ChamberCase>(id, new ChamberCaseRegistered(id, Guid.NewGuid(), "10005173140", "75", today, today.AddMonths(6)),
                new RapporteurAppointed(id, "Dr Rapporteur", today, "cdpiidf"), new HearingScheduled(id, today.AddDays(3), today, "cdpiidf"));
            await session.SaveChangesAsync();
        }
        // As written before the slice folders: Ordre.Discipline.Chambers.RapporteurAppointed, not ….AppointingRapporteur.RapporteurAppointed.
        await discipline.Database.QueryAsync<int>($"update {schema}.mt_events set mt_dotnet_type = regexp_replace(mt_dotnet_type, " +
            $"'^Ordre[.]Discipline[.]Chambers[.][A-Za-z]+[.]', 'Ordre.Discipline.Chambers.') where stream_id = '{id}' returning 1");

        using var fresh = DocumentStore.For(options =>
        {
            options.Connection(discipline.Database.ConnectionString("discipline-fresh-store"));
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.AddComplaints().AddChambers().AddCaseLaw();
        });
        await using var query = fresh.QuerySession();
        var chamberCase = await query.Events.AggregateStreamAsync<ChamberCase>(id);
        Assert.Equal(("Dr Rapporteur", today.AddDays(3)), (chamberCase?.Rapporteur, chamberCase?.Hearing?.On));
    }
}
