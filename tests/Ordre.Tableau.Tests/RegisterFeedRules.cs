using System.Text.Json;
using JasperFx.Events;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Addresses;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Feed;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Tests;

/// <summary>What a subscriber of the register's change feed learns of each event (issue 15 §3), without a database.</summary>
public class RegisterFeedRules
{
    private const string Rpps = "10005173140";
    private static readonly Guid Id = PractitionerStream.IdOf(Rpps);
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static IEvent Stored(long sequence, object data)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Sequence = sequence;
        e.Timestamp = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1));
        return e;
    }

    [Fact]
    public void Each_change_carries_its_position_its_kind_and_the_day_it_takes_effect()
    {
        var change = RegisterFeed.ToChange(Stored(42, new RegisteredOnTableau(Id, Rpps, "75", "Lefèvre", "Élodie", "Médecine générale", Day, Guid.NewGuid())))!;
        Assert.Equal((42L, RegisterFeed.Kinds.Registered, Rpps, Day, "Registered", true, "75"),
            (change.Position, change.Kind, change.Rpps, change.EffectiveOn, change.Status, change.MayPractise, change.Department));
    }

    [Theory]
    [InlineData(SuspensionSource.Health)]
    [InlineData(SuspensionSource.Incompetence)]
    [InlineData(SuspensionSource.ArsEmergency)]
    public void A_suspension_tells_the_status_and_never_its_source(SuspensionSource source)
    {
        var change = RegisterFeed.ToChange(Stored(7, new SuspensionOrdered(Id, Rpps, Guid.NewGuid(), source, false, Day, Day.AddMonths(2), "cromidf")))!;
        Assert.Equal((RegisterFeed.Kinds.StatusChanged, "Suspended", false), (change.Kind, change.Status, change.MayPractise));
        Assert.DoesNotContain(source.ToString(), JsonSerializer.Serialize(change), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_transfer_names_the_new_department_and_a_death_ends_the_right_to_practise()
    {
        var moved = RegisterFeed.ToChange(Stored(8, new TransferCompleted(Id, Rpps, "75", "13", Day, "cdom13")))!;
        Assert.Equal((RegisterFeed.Kinds.Transferred, "13", true), (moved.Kind, moved.Department, moved.MayPractise));
        var died = RegisterFeed.ToChange(Stored(9, new PractitionerDied(Id, Rpps, Day, "cdom75")))!;
        Assert.Equal((RegisterFeed.Kinds.Deceased, "Deceased", false), (died.Kind, died.Status, died.MayPractise));
    }

    [Fact]
    public void A_new_professional_address_is_not_a_public_change_of_the_register() =>
        Assert.Null(RegisterFeed.ToChange(Stored(10, new ProfessionalAddressChanged(Id, Rpps, new ProfessionalAddress("1 rue de la Paix", "75002", "Paris", null), "cdom75"))));
}
