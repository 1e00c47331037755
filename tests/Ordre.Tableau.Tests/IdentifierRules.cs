using Ordre.Client;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Identifiers;
using Ordre.Contracts.Tableau;

namespace Ordre.Tableau.Tests;

public class IdentifierRules
{
    [Theory]
    [InlineData("10005173140")]
    [InlineData("10002727377")]
    public void Real_looking_rpps_numbers_pass_the_luhn_check(string rpps) => Assert.True(Rpps.IsValid(rpps));

    [Theory]
    [InlineData("10001234567")] // placeholder with a wrong key
    [InlineData("10005173141")] // last digit changed
    [InlineData("1000517314")] // 10 digits
    [InlineData("100051731400")] // 12 digits
    [InlineData("1000517314A")]
    [InlineData("")]
    [InlineData(null)]
    public void Rpps_numbers_without_eleven_digits_and_a_valid_key_are_refused(string? rpps) =>
        Assert.False(Rpps.IsValid(rpps));

    [Fact]
    public void Generated_demo_rpps_numbers_are_valid_and_start_with_10()
    {
        for (var serial = 0; serial < 2_000; serial += 7)
        {
            var rpps = DemoDoctors.Rpps(serial);
            Assert.StartsWith("10", rpps);
            Assert.True(Rpps.IsValid(rpps), rpps);
        }
    }

    [Fact]
    public void There_are_exactly_101_departmental_councils() => Assert.Equal(101, DepartmentCode.All.Count);

    [Theory]
    [InlineData("01")]
    [InlineData("19")]
    [InlineData("2A")]
    [InlineData("2B")]
    [InlineData("21")]
    [InlineData("75")]
    [InlineData("95")]
    [InlineData("971")]
    [InlineData("974")]
    [InlineData("976")]
    public void Department_codes_of_metropolitan_france_corsica_and_overseas_are_accepted(string code) =>
        Assert.True(DepartmentCode.IsValid(code));

    [Theory]
    [InlineData("20")]
    [InlineData("00")]
    [InlineData("96")]
    [InlineData("975")]
    [InlineData("977")]
    [InlineData("978")]
    [InlineData("2a")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_that_are_not_a_departmental_council_are_refused(string? code) =>
        Assert.False(DepartmentCode.IsValid(code));

    [Fact]
    public void Every_departmental_council_lies_in_one_region_and_every_region_has_departments()
    {
        Assert.All(DepartmentCode.All, d => Assert.Contains(d, RegionCode.DepartmentsOf(DepartmentCode.RegionOf(d)!)));
        Assert.Equal(DepartmentCode.All.Order(), RegionCode.All.SelectMany(RegionCode.DepartmentsOf).Order());
        Assert.Equal(("IDF", "COR", "AGU"), (DepartmentCode.RegionOf("75"), DepartmentCode.RegionOf("2A"), DepartmentCode.RegionOf("972")));
        Assert.Null(DepartmentCode.RegionOf("20"));
        Assert.Empty(RegionCode.DepartmentsOf("XXX"));
    }

    [Theory]
    [InlineData("Registered", RegisterStatus.Registered)]
    [InlineData("InTransfer", RegisterStatus.InTransfer)]
    [InlineData("StruckOff", RegisterStatus.StruckOff)]
    [InlineData("Deceased", RegisterStatus.Deceased)]
    [InlineData("", null)]
    [InlineData("deceased", null)]
    [InlineData("4", null)]
    public void Register_statuses_are_read_by_their_exact_name(string status, RegisterStatus? expected)
    {
        Assert.Equal(expected, RegisterStatuses.Parse(status));
        if (expected is { } known) Assert.Equal(status, known.Name());
    }

    [Theory]
    [InlineData("PracticeBan", SanctionKind.PracticeBan)]
    [InlineData("StrikingOff", SanctionKind.StrikingOff)]
    [InlineData(SanctionKinds.Dismissed, null)]
    [InlineData("Blame", null)]
    [InlineData("3", null)]
    public void Sanction_kinds_are_read_by_their_exact_name(string kind, SanctionKind? expected) =>
        Assert.Equal(expected, new SanctionEnforceable(Guid.NewGuid(), "10005173140", kind, new DateOnly(2026, 1, 1), null, 0, DateTimeOffset.UnixEpoch).KindOf());

    [Fact]
    public void The_restriction_names_the_lookup_uses_are_the_shared_constants()
    {
        Assert.Equal("suspension:ArsEmergency", Restrictions.ArsEmergencySuspension);
        Assert.Equal("suspension:Incompetence:partial", Restrictions.SuspensionFrom("Incompetence", partial: true));
        Assert.True(Restrictions.HasArsEmergencySuspension(["ban", "suspension:ArsEmergency"]));
        Assert.False(Restrictions.HasArsEmergencySuspension(["suspension", "suspension:ArsEmergency:partial"]));
    }
}
