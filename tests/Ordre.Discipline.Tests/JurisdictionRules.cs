using System.Security.Claims;
using Ordre.Contracts.Access;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Chambers.MovingCase;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Complaints;
using Ordre.Discipline.Complaints.Referring;
using Ordre.Discipline.Complaints.Registering;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Discipline.Tests;

/// <summary>
/// Who may act on a complaint or a case, fast (the gateway's role matrix checks the same end to end): the council that
/// handles the complaint and the national council; the first-instance chamber of the case's region and the national bodies.
/// </summary>
public class JurisdictionRules
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ClaimsPrincipal Caller(string role, string? department = null, string? region = null)
    {
        var claims = new List<Claim> { new(OrdreClaims.Subject, role), new(OrdreClaims.Role, role) };
        if (department is not null) claims.Add(new Claim(OrdreClaims.Department, department));
        if (region is not null) claims.Add(new Claim(OrdreClaims.Region, region));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", OrdreClaims.Name, OrdreClaims.Role));
    }

    private static Complaint ParisComplaint() => Complaint.Create(new ComplaintRegistered(
        Guid.NewGuid(), "10005173140", "75", new Complainant(ComplainantKind.Patient, "Mme Durand"), ["Qualité des soins"],
        Today, Today.AddMonths(1), Today.AddMonths(3), "cdom75"));

    private static ChamberCase ParisCase() => ChamberCase.Create(new ChamberCaseRegistered(
        Guid.NewGuid(), Guid.NewGuid(), "10005173140", "75", Today, Today.AddMonths(6)));

    [Theory]
    [InlineData(Roles.DepartmentalCouncil, "75", true)]
    [InlineData(Roles.DepartmentalCouncil, "92", false)] // same region, another council
    [InlineData(Roles.DepartmentalCouncil, "13", false)]
    [InlineData(Roles.NationalCouncil, null, true)]
    [InlineData(Roles.RegionalCouncil, null, false)]
    public void A_complaint_is_handled_by_its_own_departmental_council_or_the_national_council(string role, string? department, bool within) =>
        Assert.Equal(within, ComplaintChange.OutsideJurisdiction(ParisComplaint(), Caller(role, department)) is null);

    [Fact]
    public void After_a_referral_the_complaint_belongs_to_the_council_it_was_referred_to_and_no_longer_to_the_first()
    {
        var referred = Evolution<Complaint>.Apply(ParisComplaint(),
            new ComplaintReferredToAnotherCouncil(Guid.NewGuid(), "75", "92", "Le médecin est conseiller ordinal à Paris", Today, "cnom"));
        Assert.Null(ComplaintChange.OutsideJurisdiction(referred, Caller(Roles.DepartmentalCouncil, "92")));
        Assert.NotNull(ComplaintChange.OutsideJurisdiction(referred, Caller(Roles.DepartmentalCouncil, "75")));
    }

    [Theory]
    [InlineData(Roles.FirstInstanceChamber, "IDF", true)]
    [InlineData(Roles.FirstInstanceChamber, "PAC", false)]
    [InlineData(Roles.NationalChamber, null, true)]
    [InlineData(Roles.NationalCouncil, null, true)]
    public void A_case_is_seen_by_the_first_instance_chamber_of_its_region_and_the_national_bodies(string role, string? region, bool within) =>
        Assert.Equal(within, CaseChange.OtherChamber(ParisCase(), Caller(role, region: region)) is null);

    [Fact]
    public void A_case_moved_to_another_region_belongs_to_that_regions_chamber()
    {
        var moved = Evolution<ChamberCase>.Apply(ParisCase(), new CaseMovedToAnotherChamber(Guid.NewGuid(), "IDF", "PAC", Today.AddMonths(6), Today, "cdn"));
        Assert.Null(CaseChange.OtherChamber(moved, Caller(Roles.FirstInstanceChamber, region: "PAC")));
        Assert.NotNull(CaseChange.OtherChamber(moved, Caller(Roles.FirstInstanceChamber, region: "IDF")));
    }
}
