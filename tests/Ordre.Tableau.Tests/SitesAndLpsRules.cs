using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Tableau.Lps;
using Ordre.Tableau.Lps.Declaring;
using Ordre.Tableau.Lps.Registering;
using Ordre.Tableau.Lps.Renewing;
using Ordre.Tableau.Register;
using Ordre.Tableau.Deadlines;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sites;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Tableau.Tests;

public class SitesAndLpsRules
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Practitioner Registered() => Practitioner.Create(new RegisteredOnTableau(
        PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale", new DateOnly(2020, 1, 6), Guid.NewGuid()));

    private static LpsDeclaration Received() => LpsDeclaration.Create(new LpsDeclarationReceived(
        Guid.NewGuid(), "Müller", "Anna", "DE", "Facharzt für Allgemeinmedizin", Today, Today.AddMonths(1), "cnom"));

    [Fact]
    public void A_distinct_site_is_declared_at_least_two_months_before_it_opens()
    {
        Assert.IsType<Outcome.Invalid>(DeclareSiteEndpoint.Decide(Registered(),
            new DeclareSite("1 rue", "75011", "Paris", Today.AddMonths(2).AddDays(-1)), Today, "cdom", Guid.NewGuid()));
        Assert.IsType<Outcome.Accepted>(DeclareSiteEndpoint.Decide(Registered(),
            new DeclareSite("1 rue", "75011", "Paris", Today.AddMonths(2)), Today, "cdom", Guid.NewGuid()));
    }

    [Fact]
    public void The_council_may_oppose_a_site_within_two_months_of_its_declaration_only()
    {
        var siteId = Guid.NewGuid();
        var declared = ((Outcome.Accepted)DeclareSiteEndpoint.Decide(Registered(),
            new DeclareSite("1 rue", "75011", "Paris", Today.AddMonths(3)), Today, "cdom", siteId)).Events.Aggregate(Registered(), Evolution<Practitioner>.Apply);

        Assert.IsType<Outcome.Accepted>(OpposeSiteEndpoint.Decide(declared, siteId, new OpposeSite("Pas de carence de l'offre de soins"), Today.AddMonths(2), "cdom"));
        Assert.IsType<Outcome.NotAllowed>(OpposeSiteEndpoint.Decide(declared, siteId, new OpposeSite("trop tard"), Today.AddMonths(2).AddDays(1), "cdom"));
        Assert.IsType<Outcome.Invalid>(OpposeSiteEndpoint.Decide(declared, siteId, new OpposeSite(" "), Today, "cdom"));
    }

    [Theory]
    [InlineData("DE", true)]
    [InlineData("NO", true)]
    [InlineData("CH", true)]
    [InlineData("FR", false)]
    [InlineData("US", false)]
    [InlineData("de", false)]
    public void Only_doctors_established_in_another_eu_or_eea_state_or_switzerland_declare_a_free_provision(string country, bool accepted) =>
        Assert.Equal(accepted, !DeclareLpsEndpoint.Validate(new DeclareLps("Müller", "Anna", country, "Facharzt")).ContainsKey("country"));

    [Fact]
    public void A_registered_declaration_lasts_a_year_and_a_renewal_adds_a_year_after_it()
    {
        var registered = Received().Apply((LpsDeclarationRegistered)((Outcome.Accepted)RegisterLpsEndpoint.Decide(Received(), Today, "cnom")).Events[0]);
        Assert.Equal(Today.AddYears(1).AddDays(-1), registered.ValidUntil);
        Assert.IsType<Outcome.NotAllowed>(RegisterLpsEndpoint.Decide(registered, Today, "cnom"));

        var renewed = (LpsDeclarationRenewed)((Outcome.Accepted)RenewLpsEndpoint.Decide(registered, Today.AddMonths(11), "cnom")).Events[0];
        Assert.Equal(Today.AddYears(2).AddDays(-1), renewed.ValidUntil);
    }
}

public class LpsExpiry(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    [Fact]
    public async Task A_declaration_not_renewed_expires_after_its_year()
    {
        var store = tableau.Services.GetRequiredService<IDocumentStore>();
        var today = ParisCalendar.Today(tableau.Clock);
        var id = Guid.NewGuid();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<LpsDeclaration>(id,
                new LpsDeclarationReceived(id, "Rossi", "Marco", "IT", "Medico chirurgo", today, today.AddMonths(1), "cnom"),
                new LpsDeclarationRegistered(id, today, today.AddYears(1).AddDays(-1), "cnom"));
            await session.SaveChangesAsync();
        }
        var sweeper = tableau.Services.GetRequiredService<DeadlineSweeper>();

        tableau.Clock.Advance(TimeSpan.FromDays(364));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(LpsStatus.Registered, (await Load(store, id)).Status);

        tableau.Clock.Advance(TimeSpan.FromDays(2));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(LpsStatus.Expired, (await Load(store, id)).Status);
    }

    private static async Task<LpsDeclaration> Load(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<LpsDeclaration>(id))!;
    }
}
