using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Solidarity.Helpline;
using Ordre.Solidarity.Helpline.Counting;
using Ordre.Solidarity.Helpline.Reporting;

namespace Ordre.Solidarity.Tests;

/// <summary>The helpline on PostgreSQL (DOMAIN §5.2, §10.6): anonymous counts only, per day, and the national council's report.</summary>
public sealed class HelplineCountsOnPostgres(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>, IAsyncLifetime
{
    public Task InitializeAsync() => solidarity.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => DateOnly.FromDateTime(solidarity.Clock.GetUtcNow().UtcDateTime);

    private Task<Results<Ok<HelplineDayView>, ValidationProblem, ProblemHttpResult>> Count(CountCalls command) =>
        CountCallsEndpoint.Handle(command, solidarity.Store, solidarity.Clock, default);

    [Fact]
    public async Task Calls_are_recorded_as_counts_per_day_and_a_retried_entry_is_counted_once()
    {
        var entry = Guid.CreateVersion7();
        await Count(new CountCalls(Today, "medecin-generaliste", "liberal", "confrere", 1, entry));
        await Count(new CountCalls(Today, "medecin-generaliste", "liberal", "confrere", 1, entry));
        await Count(new CountCalls(Today, "medecin-generaliste", "liberal", "confrere"));
        // An open list: a nurse's call is counted like a doctor's.
        var day = Assert.IsType<Ok<HelplineDayView>>((await Count(new CountCalls(Today, "infirmier", "salarie", "psychologue", 3))).Result).Value!;
        Assert.Equal(5, day.Calls);
        Assert.Equal([new HelplineCount("infirmier", "salarie", "psychologue", 3), new HelplineCount("medecin-generaliste", "liberal", "confrere", 2)], day.Counts);
    }

    [Fact]
    public async Task Nothing_but_the_three_categories_is_accepted_no_free_text_no_future_day()
    {
        foreach (var (command, field) in new[]
        {
            (new CountCalls(Today, "Dr Martin, 06 00 00 00 00", "liberal", "confrere"), "profession"),
            (new CountCalls(Today, "interne", "à l'hôpital", "confrere"), "mode"),
            (new CountCalls(Today, "interne", "salarie", "rappelé demain"), "route"),
            (new CountCalls(Today.AddDays(1), "interne", "salarie", "confrere"), "day"),
            (new CountCalls(Today, "interne", "salarie", "confrere", 0), "calls"),
        })
            Assert.Contains(field, Assert.IsType<ValidationProblem>((await Count(command)).Result).ProblemDetails.Errors.Keys);
        await using var session = solidarity.Store.QuerySession();
        Assert.Equal(0, await session.Query<HelplineDay>().CountAsync());
    }

    [Fact]
    public async Task The_report_adds_the_counts_by_profession_mode_and_route_over_the_period()
    {
        await Count(new CountCalls(Today.AddDays(-1), "medecin-specialiste", "liberal", "psychologue", 2));
        await Count(new CountCalls(Today, "medecin-generaliste", "liberal", "plateforme-sociale", 4));
        await Count(new CountCalls(Today, "kinesitherapeute", "liberal", "psychologue"));
        await using var session = solidarity.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var report = Assert.IsType<Ok<HelplineReport>>((await HelplineReportEndpoint.Handle(Today.AddDays(-1), Today, session, default)).Result).Value!;
        Assert.Equal((7, 2), (report.Calls, report.Days.Count));
        Assert.Equal(7, report.ByMode["liberal"]);
        Assert.Equal((3, 4), (report.ByRoute["psychologue"], report.ByRoute["plateforme-sociale"]));
        Assert.Equal(1, report.ByProfession["kinesitherapeute"]);
        Assert.IsType<ValidationProblem>((await HelplineReportEndpoint.Handle(Today, Today.AddDays(-1), session, default)).Result);
    }
}
