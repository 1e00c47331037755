using System.Security.Claims;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Reading;
using Ordre.Tableau.Register.Suspensions;

namespace Ordre.Tableau.Tests;

/// <summary>The one jurisdiction rule and the need-to-know rule, fast (the gateway's matrix test checks them end to end).</summary>
public class JurisdictionAndNeedToKnowRules
{
    private static ClaimsPrincipal Caller(string role, string? department = null, string? region = null)
    {
        var claims = new List<Claim> { new(OrdreClaims.Subject, role), new(OrdreClaims.Role, role) };
        if (department is not null) claims.Add(new Claim(OrdreClaims.Department, department));
        if (region is not null) claims.Add(new Claim(OrdreClaims.Region, region));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", OrdreClaims.Name, OrdreClaims.Role));
    }

    [Theory]
    [InlineData("cdom", "75", null, "75", true)]
    [InlineData("cdom", "92", null, "75", false)] // another council of the same region
    [InlineData("cdom", "13", null, "75", false)]
    [InlineData("crom", null, "IDF", "92", true)]
    [InlineData("crom", null, "PAC", "75", false)]
    [InlineData("cdpi", null, "PAC", "13", true)]
    [InlineData("cdpi", null, "IDF", "13", false)]
    [InlineData("ars", null, "IDF", "75", true)]
    [InlineData("ars", null, "PAC", "75", false)]
    [InlineData("cnom", null, null, "971", true)]
    [InlineData("cdn", null, null, "2A", true)]
    [InlineData("doctor", null, null, "75", false)]
    [InlineData("company", null, null, "75", false)]
    [InlineData("crom", null, null, "75", false)] // a regional token without its region acts nowhere
    public void A_body_acts_only_within_its_department_or_region_and_national_bodies_everywhere(
        string role, string? department, string? region, string recordDepartment, bool expected) =>
        Assert.Equal(expected, Caller(role, department, region).HasJurisdictionOver(recordDepartment));

    [Theory]
    [InlineData("cdom", "13", null, true)]
    [InlineData("cdom", "75", null, false)]
    [InlineData("crom", null, "PAC", true)]
    [InlineData("crom", null, "IDF", false)]
    [InlineData("cdpi", null, "PAC", false)] // a chamber is not a council: no health reasons
    [InlineData("ars", null, "PAC", false)]
    [InlineData("cnom", null, null, true)]
    [InlineData("cdn", null, null, true)]
    public void Only_the_doctors_own_councils_and_the_national_bodies_see_why_a_doctor_is_suspended(
        string role, string? department, string? region, bool expected) =>
        Assert.Equal(expected, Caller(role, department, region).MaySeeReasons("13"));

    [Fact]
    public void Others_read_suspension_without_its_reason_and_services_only_the_emergency_measure()
    {
        var health = new ActiveSuspension(Guid.NewGuid(), SuspensionSource.Health, false, new(2026, 1, 1), new(2026, 6, 30));
        var emergency = health with { Source = SuspensionSource.ArsEmergency };
        Assert.Equal("suspension:Health", NeedToKnow.SuspensionAsSeenBy(health, reasonsVisible: true, isService: false));
        Assert.Equal("suspension", NeedToKnow.SuspensionAsSeenBy(health, reasonsVisible: false, isService: false));
        Assert.Equal("suspension", NeedToKnow.SuspensionAsSeenBy(health, reasonsVisible: false, isService: true));
        Assert.Equal("suspension:ArsEmergency", NeedToKnow.SuspensionAsSeenBy(emergency, reasonsVisible: false, isService: true));
        Assert.Equal("suspension", NeedToKnow.SuspensionAsSeenBy(emergency, reasonsVisible: false, isService: false));
    }

    [Fact]
    public void The_standing_of_a_suspended_doctor_gives_the_dates_but_not_the_reason()
    {
        var entry = new Practitioner(Guid.NewGuid(), "10005173140", "13", "Martin", "Anne", "Médecine générale", new(2010, 1, 1),
            RegisterStatus.Suspended, ActivityStatus.Regular, null, [], null,
            new ActiveSuspension(Guid.NewGuid(), SuspensionSource.Health, false, new(2026, 1, 1), new(2026, 6, 30)), null);
        var standing = RegisterStanding.Of(entry);
        Assert.False(standing.MayPractise);
        Assert.Equal(new DateOnly(2026, 1, 1), standing.NotAllowedFrom);
        Assert.Equal(new DateOnly(2026, 6, 30), standing.NotAllowedUntil);
        Assert.DoesNotContain("Health", System.Text.Json.JsonSerializer.Serialize(standing));
    }
}
