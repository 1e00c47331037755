using System.Text.Json;
using JasperFx.Events;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Tableau.Lps;
using Ordre.Tableau.Lps.Declaring;
using Ordre.Tableau.Lps.Registering;
using Ordre.Tableau.Lps.Renewing;

namespace Ordre.Tableau.Tests;

/// <summary>The national dashboard counts LPS requests, first declarations and renewals (issue 14) from events that carry no name.</summary>
public sealed class LpsStepsArePublishedForTheDashboard
{
    [Fact]
    public void An_lps_request_its_registration_and_its_renewal_are_published_as_counts_without_name_country_or_qualification()
    {
        var map = new IntegrationEventMap();
        LpsModule.PublishLpsEvents(map);
        var id = Guid.NewGuid();
        var day = new DateOnly(2020, 6, 1);
        object?[] published =
        [
            map.Translate(new Event<LpsDeclarationReceived>(new LpsDeclarationReceived(id, "Rossi", "Marco", "Italie", "Cardiologie", day, day.AddMonths(1), "cnom"))),
            map.Translate(new Event<LpsDeclarationRegistered>(new LpsDeclarationRegistered(id, day, day.AddYears(1), "cnom"))),
            map.Translate(new Event<LpsDeclarationRenewed>(new LpsDeclarationRenewed(id, day.AddYears(1), day.AddYears(2), "cnom"))),
        ];
        Assert.Equal(["Received", "Registered", "Renewed"], published.Select(p => Assert.IsType<LpsDeclarationRecorded>(p).Step));
        var json = string.Join('\n', published.Select(p => JsonSerializer.Serialize(p, p!.GetType())));
        foreach (var personal in new[] { "Rossi", "Marco", "Italie", "Cardiologie", "cnom" })
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
    }
}
