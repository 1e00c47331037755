using Ordre.Contracts.Tableau;
using Ordre.Dashboard.Figures;
using Ordre.Testing;

namespace Ordre.Dashboard.Tests;

/// <summary>
/// The Tableau's headcount (a stock, DOMAIN.md §7): the year keeps the headcount counted last in it (Europe/Paris), shown per
/// department with its region and per status (docs/dashboard.md, "Headcount"). Pure rules, then the projection on PostgreSQL
/// with the messages published over RabbitMQ.
/// </summary>
public sealed class HeadcountFigures(DashboardInProcess dashboard) : IClassFixture<DashboardInProcess>
{
    private static TableauHeadcountCounted Counted(DateTimeOffset at, params HeadcountRow[] rows) => new(at, DateOnly.FromDateTime(at.UtcDateTime), rows);

    private static readonly HeadcountRow[] Early = [new("75", "Registered", "Regular", 10), new("13", "Registered", "Regular", 4)];

    private static readonly HeadcountRow[] Late =
    [
        new("75", "Registered", "Regular", 9), new("75", "Registered", "Retired", 2), new("75", "InTransfer", "Regular", 1),
        new("75", "StruckOff", null, 3), new("2A", "Suspended", "Regular", 1),
    ];

    [Fact]
    public void A_year_keeps_the_headcount_counted_last_in_it_even_when_an_earlier_count_arrives_after_it()
    {
        var tally = new YearTally { Id = 2026 };
        tally.Keep(Counted(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), Late));
        tally.Keep(Counted(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), Early));
        Assert.Equal(Late, tally.Headcount!.Rows);
    }

    [Fact]
    public void A_count_from_a_tableau_whose_clock_ran_ahead_does_not_hide_the_counts_published_after_it()
    {
        var tally = new YearTally { Id = 2026 };
        tally.Keep(Counted(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero), Early) with { Number = 7 });
        tally.Keep(Counted(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), Late) with { Number = 8 });
        tally.Keep(Counted(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero), Early) with { Number = 6 });
        Assert.Equal(Late, tally.Headcount!.Rows);
    }

    [Fact]
    public void A_headcount_counted_at_23_30_UTC_on_31_December_belongs_to_the_next_civil_year_in_Paris()
    {
        Assert.Equal(2027, FigureRules.YearOf(Counted(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), Early)));
        Assert.Equal(2026, FigureRules.YearOf(Counted(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero), Early)));
    }

    [Fact]
    public void The_headcount_is_shown_per_department_with_its_region_and_per_status_and_struck_off_doctors_are_not_on_the_roll()
    {
        var tally = new YearTally { Id = 2026 };
        tally.Keep(Counted(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), Late));
        var figures = FiguresCatalog.For(2026, tally, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        var headcount = figures.Headcount!;

        var paris = headcount.Departments.Single(d => d.Code == "75");
        Assert.Equal(("Paris", "IDF"), (paris.Name, paris.Region));
        Assert.Equal(12, paris.OnTheRoll);
        Assert.Equal((11, 1, 3), (paris.Statuses["Registered"], paris.Statuses["InTransfer"], paris.Statuses["StruckOff"]));
        Assert.Equal((10, 2), (paris.Activities["Regular"], paris.Activities["Retired"]));
        Assert.Equal("COR", headcount.Departments.Single(d => d.Code == "2A").Region);
        Assert.Equal((11, 1, 3), (headcount.Totals["Registered"], headcount.Totals["Suspended"], headcount.Totals["StruckOff"]));
        Assert.Equal(13, figures.Figures.Single(f => f.Key == FiguresCatalog.EffectifTableau).Value);
        Assert.Equal(3, figures.Breakdowns.Single(b => b.Key == FiguresCatalog.EffectifParStatut).Items.Single(i => i.Key == "StruckOff").Value);
    }

    [Fact]
    public void A_year_without_a_headcount_shows_none_rather_than_zero()
    {
        var figures = FiguresCatalog.For(2020, new YearTally { Id = 2020 }, new DateTimeOffset(2020, 6, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Null(figures.Headcount);
        Assert.DoesNotContain(figures.Figures, f => f.Key == FiguresCatalog.EffectifTableau);
    }

    [Fact]
    public async Task Headcounts_published_over_the_bus_are_stored_and_the_year_shows_the_latest()
    {
        var year = 2031; // a year no other test of this fixture writes
        var early = Counted(new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero), Early);
        var late = Counted(new DateTimeOffset(year, 5, 1, 9, 0, 0, TimeSpan.Zero), Late);
        await dashboard.PublishAsync([(Guid.NewGuid(), late), (Guid.NewGuid(), early)]);
        await Eventually.Until(() => dashboard.Tally(year), t => t?.Headcount is not null && t.Headcount.CountedAt == late.CountedAt,
            TimeSpan.FromSeconds(60), "the later headcount kept");
        await dashboard.CaughtUp();
        var tally = await dashboard.Tally(year);
        Assert.Equal(late.Rows, tally!.Headcount!.Rows);
    }
}
