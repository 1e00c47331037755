using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Contracts.Identifiers;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Importing;

namespace Ordre.Tableau.Tests;

public class DemoRegisterGeneration
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void The_same_seed_gives_the_same_register()
    {
        var first = DemoRegister.Generate(500, 7, Today).Select(e => (e.Rpps, e.LastName, e.Department)).ToList();
        Assert.Equal(first, DemoRegister.Generate(500, 7, Today).Select(e => (e.Rpps, e.LastName, e.Department)));
    }

    [Fact]
    public void Demo_doctors_have_distinct_valid_rpps_numbers_and_real_departments()
    {
        var entries = DemoRegister.Generate(20_000, 2020, Today).ToList();
        Assert.All(entries, e => Assert.True(Rpps.IsValid(e.Rpps) && DepartmentCode.IsValid(e.Department), e.Rpps));
        Assert.Equal(entries.Count, entries.Select(e => e.Rpps).Distinct().Count());
    }

    [Fact]
    public void The_demo_register_follows_the_activity_mix_and_regional_weights()
    {
        var entries = DemoRegister.Generate(30_000, 2020, Today).ToList();
        double Share(Func<RegisterEntryImported, bool> predicate) => entries.Count(predicate) / (double)entries.Count;

        Assert.InRange(Share(e => e.Activity == ActivityStatus.Retired), 0.19, 0.22); // 63k of 305k
        Assert.InRange(Share(e => e.Activity == ActivityStatus.Regular), 0.74, 0.78); // 232k of 305k
        Assert.InRange(Share(e => e.Department is "75" or "77" or "78" or "91" or "92" or "93" or "94" or "95"), 0.24, 0.28); // 7947 / 30580
        Assert.All(entries.Where(e => e.Activity != ActivityStatus.Regular), e => Assert.Null(e.Address));
        Assert.Equal(101, entries.Select(e => e.Department).Distinct().Count());
    }
}

public class DemoRegisterImport(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    [Fact]
    public async Task The_import_appends_one_stream_and_one_rpps_claim_per_doctor_and_runs_only_once()
    {
        Assert.Equal(0, await ImportDemoRegisterCommand.RunAsync(tableau.Services, [ImportDemoRegisterCommand.Verb, "--count", "3000", "--seed", "11"]));
        Assert.Equal(0, await ImportDemoRegisterCommand.RunAsync(tableau.Services, [ImportDemoRegisterCommand.Verb, "--count", "3000", "--seed", "12"]));

        await using var session = tableau.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(3000, await session.Query<Practitioner>().CountAsync());
        Assert.Equal(3000, await session.Query<RppsClaim>().CountAsync());
        var sample = DemoRegister.Generate(1, 11, ParisCalendar.Today(tableau.Clock)).Single();
        Assert.Equal(sample.LastName, (await session.LoadAsync<Practitioner>(sample.PractitionerId))?.LastName);
    }
}
