using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Conventions.Dossiers;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Conventions.Tests;

/// <summary>
/// Marten stores an event under its class name in snake_case, whatever its namespace (the dossier's history shows those
/// names): every event of a dossier and of a company account is known to the store from the start, so moving it between folders changes nothing.
/// </summary>
public class EventsKeepTheirStoredNames(ConventionsInProcess conventions) : IClassFixture<ConventionsInProcess>
{
    [Fact]
    public void Every_event_is_known_from_the_start_under_its_class_name_in_snake_case()
    {
        var known = conventions.Services.GetRequiredService<IDocumentStore>().Options.Events.AllKnownEventTypes()
            .ToDictionary(e => e.EventType, e => e.EventTypeName);
        var events = Evolution<Dossier>.MarkedEvents(typeof(Dossier).Assembly).Concat(Evolution<Ordre.Conventions.Companies.Company>.MarkedEvents(typeof(Dossier).Assembly)).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(Regex.Replace(e.Name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant(), known.GetValueOrDefault(e)));
    }
}
