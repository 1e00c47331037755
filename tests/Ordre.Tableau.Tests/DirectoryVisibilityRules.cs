using System.Security.Claims;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.EventStore;
using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;

namespace Ordre.Tableau.Tests;

/// <summary>
/// Who sees whom in the public directory (DOMAIN.md §2.6), fast: anonymous callers only the practising doctors, signed-in
/// doctors also the retired ones, nobody the struck-off, the deceased or the temporarily inactive.
/// </summary>
public class DirectoryVisibilityRules
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static Practitioner Registered() => Practitioner.Create(new RegisteredOnTableau(
        PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale", new DateOnly(2020, 1, 6), Guid.NewGuid()));

    private static Practitioner WithActivity(ActivityStatus activity) =>
        Evolution<Practitioner>.Apply(Registered(), new ActivityStatusChanged(Registered().Id, "10005173140", activity, Day, "cdom75"));

    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    private static ClaimsPrincipal Signed(string role) => new(new ClaimsIdentity(
        [new Claim(OrdreClaims.Subject, role), new Claim(OrdreClaims.Role, role)], "test", OrdreClaims.Name, OrdreClaims.Role));

    private static bool Sees(ClaimsPrincipal user, Practitioner entry) =>
        DirectoryEntry.VisibleTo(user).Contains(DirectoryEntry.From(entry).Visibility);

    [Fact]
    public void An_anonymous_search_sees_a_practising_doctor_but_never_a_doctors_only_entry()
    {
        Assert.True(Sees(Anonymous, Registered()));
        Assert.False(Sees(Anonymous, WithActivity(ActivityStatus.Retired)));
        Assert.Equal([DirectoryVisibility.Public], DirectoryEntry.VisibleTo(Anonymous));
    }

    [Theory]
    [InlineData(Roles.Doctor, true)]
    [InlineData(Roles.Company, false)]
    [InlineData(Roles.DepartmentalCouncil, false)] // councils read the register, not the doctors' directory
    public void Only_a_signed_in_doctor_also_sees_the_retired(string role, bool seesRetired) =>
        Assert.Equal(seesRetired, Sees(Signed(role), WithActivity(ActivityStatus.Retired)));

    [Fact]
    public void Nobody_sees_a_struck_off_or_temporarily_inactive_doctor_in_the_directory()
    {
        var struckOff = Evolution<Practitioner>.Apply(Registered(),
            new PractitionerStruckOff(Registered().Id, "10005173140", StrikingOffReason.CeasedPractice, Day, "cdom75"));
        foreach (var user in new[] { Anonymous, Signed(Roles.Doctor) })
        {
            Assert.False(Sees(user, struckOff));
            Assert.False(Sees(user, WithActivity(ActivityStatus.TemporarilyInactive)));
        }
    }

    [Fact]
    public void A_retired_doctor_is_shown_without_an_address() =>
        Assert.Null(DirectoryEntry.From(WithActivity(ActivityStatus.Retired)).Show().Address);
}
