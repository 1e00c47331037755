using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Tableau.Tests;

public class RegisterRules
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Practitioner Registered() => Practitioner.Create(new RegisteredOnTableau(
        PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale",
        new DateOnly(2020, 1, 6), Guid.CreateVersion7()));

    private static Practitioner After(Outcome outcome, Practitioner entry) =>
        Assert.IsType<Outcome.Accepted>(outcome).Events.Aggregate(entry, Evolution<Practitioner>.Apply);

    [Fact]
    public void The_register_stream_id_is_derived_from_the_rpps_and_stable()
    {
        Assert.Equal(PractitionerStream.IdOf("10005173140"), PractitionerStream.IdOf("10005173140"));
        Assert.NotEqual(PractitionerStream.IdOf("10005173140"), PractitionerStream.IdOf("10002727377"));
    }

    [Fact]
    public void An_emergency_suspension_lasts_five_months_by_default()
    {
        var outcome = OrderSuspensionEndpoint.Decide(Registered(), new OrderSuspension(SuspensionSource.ArsEmergency, false, Today, null), Today, "ars", Guid.NewGuid());
        var ordered = Assert.IsType<SuspensionOrdered>(Assert.IsType<Outcome.Accepted>(outcome).Events.Single());
        Assert.Equal(Today.AddMonths(5).AddDays(-1), ordered.Until);
    }

    [Fact]
    public void An_emergency_suspension_longer_than_five_months_is_refused() =>
        Assert.IsType<Outcome.Invalid>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.ArsEmergency, false, Today, Today.AddMonths(5)), Today, "ars", Guid.NewGuid()));

    [Theory]
    [InlineData("0001-01-01", null, "from")]
    [InlineData("9999-12-31", null, "from")]
    [InlineData("2028-01-01", "2028-06-30", "from")]
    [InlineData("2026-11-22", "9999-12-31", "until")]
    [InlineData("2026-11-22", "2031-11-23", "until")]
    public void A_suspension_starts_within_a_year_and_one_period_lasts_at_most_five_years(string from, string? until, string field)
    {
        foreach (var source in new[] { SuspensionSource.ArsEmergency, SuspensionSource.Health })
        {
            var outcome = OrderSuspensionEndpoint.Decide(Registered(),
                new OrderSuspension(source, false, DateOnly.Parse(from), until is null ? null : DateOnly.Parse(until)), Today, "crom", Guid.NewGuid());
            Assert.Contains(field, Assert.IsType<Outcome.Invalid>(outcome).Errors.Keys);
        }
    }

    [Fact]
    public void A_health_suspension_needs_a_fixed_end() =>
        Assert.IsType<Outcome.Invalid>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, false, Today, null), Today, "crom", Guid.NewGuid()));

    [Fact]
    public void Only_an_incompetence_suspension_may_be_partial()
    {
        Assert.IsType<Outcome.Invalid>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, true, Today, Today.AddMonths(3)), Today, "crom", Guid.NewGuid()));
        Assert.IsType<Outcome.Accepted>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Incompetence, true, Today, Today.AddMonths(3)), Today, "crom", Guid.NewGuid()));
    }

    [Fact]
    public void A_suspended_doctor_cannot_be_suspended_again_nor_transferred()
    {
        var suspended = After(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, false, Today, Today.AddMonths(3)), Today, "crom", Guid.NewGuid()), Registered());
        Assert.IsType<Outcome.NotAllowed>(OrderSuspensionEndpoint.Decide(suspended,
            new OrderSuspension(SuspensionSource.Health, false, Today, Today.AddMonths(3)), Today, "crom", Guid.NewGuid()));
        Assert.IsType<Outcome.NotAllowed>(RequestTransferEndpoint.Decide(suspended, new RequestTransfer("13"), Today, "cdom"));
    }

    [Fact]
    public void A_transfer_to_the_same_department_is_refused() =>
        Assert.IsType<Outcome.Invalid>(RequestTransferEndpoint.Decide(Registered(), new RequestTransfer("75"), Today, "cdom"));

    [Fact]
    public void Completing_a_transfer_moves_the_entry_to_the_new_department()
    {
        var inTransfer = After(RequestTransferEndpoint.Decide(Registered(), new RequestTransfer("2A"), Today, "cdom"), Registered());
        var moved = After(CompleteTransferEndpoint.Decide(inTransfer, Today, "cdom2a"), inTransfer);
        Assert.Equal(("2A", RegisterStatus.Registered), (moved.Department, moved.Status));
    }

    [Fact]
    public void A_disciplinary_striking_off_cannot_be_recorded_by_a_council() =>
        Assert.IsType<Outcome.Invalid>(StrikeOffEndpoint.Decide(Registered(), new StrikeOff(StrikingOffReason.Disciplinary, null), Today, "cdom"));

    [Fact]
    public void Setting_the_current_activity_again_changes_nothing() =>
        Assert.Empty(Assert.IsType<Outcome.Accepted>(ChangeActivityEndpoint.Decide(Registered(), new ChangeActivity(ActivityStatus.Regular), Today, "x")).Events);

    [Fact]
    public void A_death_cannot_be_dated_in_the_future() =>
        Assert.IsType<Outcome.Invalid>(RecordDeathEndpoint.Decide(Registered(), new RecordDeath(Today.AddDays(1)), Today, "x"));

    [Theory]
    [InlineData(ActivityStatus.Regular, DirectoryVisibility.Public, true)]
    [InlineData(ActivityStatus.Replacement, DirectoryVisibility.Public, false)]
    [InlineData(ActivityStatus.Retired, DirectoryVisibility.DoctorsOnly, false)]
    [InlineData(ActivityStatus.TemporarilyInactive, DirectoryVisibility.Hidden, false)]
    public void The_directory_shows_each_activity_as_the_seed_says(ActivityStatus activity, DirectoryVisibility visibility, bool address)
    {
        var entry = DirectoryEntry.From(Registered() with { Activity = activity, Address = new ProfessionalAddress("1 rue", "75001", "Paris", null) });
        Assert.Equal((visibility, address), (entry.Visibility, entry.ShowsAddress));
    }

    [Theory]
    [InlineData(ActivityStatus.Regular, true)]
    [InlineData(ActivityStatus.Replacement, false)]
    [InlineData(ActivityStatus.Retired, false)]
    public void The_city_is_searchable_only_when_the_directory_shows_the_address(ActivityStatus activity, bool byCity)
    {
        var entry = DirectoryEntry.From(Registered() with { Activity = activity, Address = new ProfessionalAddress("1 rue", "75001", "Paris", null) });
        Assert.Equal(byCity, entry.SearchTokens.Contains(DirectoryEntry.QueryToken(DirectoryEntry.CityScope("paris"), "lefevre")));
        Assert.Equal(byCity, entry.SearchCity is not null);
        Assert.Equal(byCity, entry.Show().Address is not null);
        // Still found by name in its department (what the directory shows of it).
        Assert.Contains(DirectoryEntry.QueryToken(DirectoryEntry.DepartmentScope("75"), "lefevre"), entry.SearchTokens);
    }

    [Fact]
    public void Every_search_key_is_something_the_directory_shows()
    {
        foreach (var activity in Enum.GetValues<ActivityStatus>())
        {
            var entry = DirectoryEntry.From(Registered() with
            {
                Activity = activity, Address = new ProfessionalAddress("1 rue", "75001", "Paris", null), Qualifications = ["Médecine du sport"],
            });
            var shown = entry.Show();
            var scopes = new[] { DirectoryEntry.Everywhere, DirectoryEntry.DepartmentScope(shown.Department) }
                .Concat(shown.Address is { } address ? [DirectoryEntry.CityScope(DirectoryEntry.Normalize(address.City))] : [])
                .Concat(shown.Qualifications.Append(shown.Specialty).Select(q => DirectoryEntry.QualificationScope(DirectoryEntry.Normalize(q))))
                .ToHashSet();
            Assert.All(entry.SearchTokens, token => Assert.Contains(token[..token.IndexOf('|')], scopes));
        }
    }

    [Theory]
    [InlineData(RegisterStatus.InTransfer)]
    [InlineData(RegisterStatus.Suspended)]
    [InlineData(RegisterStatus.StruckOff)]
    [InlineData(RegisterStatus.Deceased)]
    public void A_hidden_doctor_is_not_searchable_at_all(RegisterStatus status) =>
        Assert.Empty(DirectoryEntry.From(Registered() with { Status = status, Address = new ProfessionalAddress("1 rue", "75001", "Paris", null) }).SearchTokens);

    [Theory]
    [InlineData(RegisterStatus.InTransfer)]
    [InlineData(RegisterStatus.Suspended)]
    [InlineData(RegisterStatus.StruckOff)]
    [InlineData(RegisterStatus.Deceased)]
    public void Doctors_not_in_regular_standing_are_hidden_from_the_directory(RegisterStatus status) =>
        Assert.Equal(DirectoryVisibility.Hidden, DirectoryEntry.From(Registered() with { Status = status }).Visibility);
}

public class DirectorySearchTokens
{
    private static IReadOnlyList<string> TokensOf(string name) => DirectoryEntry.Tokens(DirectoryEntry.Normalize(name), [DirectoryEntry.Everywhere]);

    [Theory]
    [InlineData("Lefèvre Élodie", "lef")]
    [InlineData("Lefèvre Élodie", "elodie")]
    [InlineData("Jean-Baptiste Hoarau", "baptiste")]
    [InlineData("Le Goff Anne", "goff")]
    [InlineData("Chevallier Stéphane", "chevalli")] // an 8-letter prefix
    [InlineData("Chevallier Stéphane", "chevallier")] // a long word typed in full
    public void A_name_is_found_by_the_beginning_of_any_of_its_words(string name, string typed) =>
        Assert.Contains(DirectoryEntry.QueryToken(DirectoryEntry.Everywhere, typed), TokensOf(name));

    [Theory]
    [InlineData("Lefèvre Élodie", "fevre")] // not the beginning of a word
    [InlineData("Chevallier Stéphane", "chevallie")] // 9 letters: past the indexed prefixes, not the whole word
    public void Words_are_matched_from_their_start_and_long_ones_in_full(string name, string typed) =>
        Assert.DoesNotContain(DirectoryEntry.QueryToken(DirectoryEntry.Everywhere, typed), TokensOf(name));

    [Fact]
    public void Tokens_are_scoped_so_that_a_department_search_is_one_lookup()
    {
        var tokens = DirectoryEntry.Tokens("martin camille", [DirectoryEntry.DepartmentScope("75"), DirectoryEntry.CityScope("paris")]);
        Assert.Contains("d:75|mart", tokens);
        Assert.Contains("c:paris|camille", tokens);
        Assert.DoesNotContain("d:13|mart", tokens);
    }
}
