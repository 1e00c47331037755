using System.Runtime.CompilerServices;
using JasperFx.Events;
using Ordre.ServiceDefaults.EventStore;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.AsOf;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;

namespace Ordre.Tableau.Tests;

/// <summary>
/// The register as of a past day, computed from the events: what had taken effect by the end of that day, whenever it
/// was recorded, and the day the register learnt it (issue "The register beyond…", §2).
/// </summary>
public class RegisterAsOfRules
{
    private const string Rpps = "10005173140";
    private static readonly Guid Id = PractitionerStream.IdOf(Rpps);
    private static readonly Guid Sanction = Guid.NewGuid();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>An event as stored: its version in the stream and the instant it was recorded (noon, Paris).</summary>
    private static IEvent Recorded(int version, DateOnly on, object data)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        e.Timestamp = new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(2));
        return e;
    }

    private static readonly IEvent Registration = Recorded(1, D(2020, 1, 6),
        new RegisteredOnTableau(Id, Rpps, "75", "Lefèvre", "Élodie", "Médecine générale", D(2020, 1, 6), Guid.NewGuid()));

    /// <summary>A three-month ban from 1 July 2025, started and ended by the clock on its dates.</summary>
    private static readonly IEvent[] SummerBan =
    [
        Registration,
        Recorded(2, D(2025, 5, 20), new SanctionRecorded(Id, Rpps, Sanction, SanctionKind.PracticeBan, D(2025, 7, 1), D(2025, 9, 30))),
        Recorded(3, D(2025, 7, 1), new PracticeBanStarted(Id, Rpps, Sanction, D(2025, 7, 1), D(2025, 9, 30))),
        Recorded(4, D(2025, 10, 1), new PracticeBanEnded(Id, Rpps, Sanction, D(2025, 10, 1))),
    ];

    [Theory]
    [InlineData("2025-06-12", RegisterStatus.Registered)]
    [InlineData("2025-06-30", RegisterStatus.Registered)]
    [InlineData("2025-07-01", RegisterStatus.Banned)]
    [InlineData("2025-09-30", RegisterStatus.Banned)]
    [InlineData("2025-10-01", RegisterStatus.Registered)]
    public void A_hospital_learns_whether_the_doctor_could_practise_on_the_day_of_an_operation(string day, RegisterStatus expected) =>
        Assert.Equal(expected, RegisterAsOf.Replay(Rpps, SummerBan, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Entry!.Status);

    [Fact]
    public void A_ban_recorded_later_shows_on_the_days_it_took_effect_and_says_when_the_register_learnt_it()
    {
        // Decided and recorded on 20 June, effective from 1 June: on 12 June the register did not yet say so.
        var late = new[] { Registration, Recorded(2, D(2025, 6, 20), new PracticeBanStarted(Id, Rpps, Sanction, D(2025, 6, 1), D(2025, 8, 31))) };
        var then = RegisterAsOf.Replay(Rpps, late, D(2025, 6, 12));
        Assert.Equal((RegisterStatus.Banned, (DateOnly?)D(2025, 6, 20), true), (then.Entry!.Status, then.KnownOn, then.KnownOnlyLater));
        Assert.Equal(RegisterStatus.Registered, RegisterAsOf.Replay(Rpps, late, D(2025, 5, 31)).Entry!.Status);
    }

    [Fact]
    public void Before_the_registration_the_doctor_was_not_on_the_tableau() =>
        Assert.Null(RegisterAsOf.Replay(Rpps, SummerBan, D(2020, 1, 5)).Entry);

    [Fact]
    public void A_suspension_counts_from_its_first_day_not_from_the_day_it_was_ordered()
    {
        var events = new[]
        {
            Registration,
            Recorded(2, D(2025, 3, 1), new SuspensionOrdered(Id, Rpps, Guid.NewGuid(), SuspensionSource.Health, false, D(2025, 3, 15), D(2025, 6, 14), "cromidf")),
            Recorded(3, D(2025, 6, 15), new SuspensionEnded(Id, Rpps, Guid.NewGuid(), SuspensionEnd.Expired, D(2025, 6, 15), "clock")),
        };
        Assert.Equal(
            [RegisterStatus.Registered, RegisterStatus.Suspended, RegisterStatus.Suspended, RegisterStatus.Registered],
            new[] { D(2025, 3, 14), D(2025, 3, 15), D(2025, 6, 14), D(2025, 6, 15) }.Select(d => RegisterAsOf.Replay(Rpps, events, d).Entry!.Status));
    }

    [Fact]
    public void A_striking_off_takes_effect_on_its_date_and_the_doctor_stays_known_after_it()
    {
        var events = new[] { Registration, Recorded(2, D(2025, 4, 10), new PractitionerStruckOff(Id, Rpps, StrikingOffReason.CeasedPractice, D(2025, 3, 31), "cdom75")) };
        Assert.Equal(RegisterStatus.Registered, RegisterAsOf.Replay(Rpps, events, D(2025, 3, 30)).Entry!.Status);
        Assert.Equal(RegisterStatus.StruckOff, RegisterAsOf.Replay(Rpps, events, D(2026, 1, 1)).Entry!.Status);
    }

    [Fact]
    public void Every_event_of_a_register_entry_has_a_day_it_takes_effect()
    {
        var missing = Evolution<Practitioner>.MarkedEvents(typeof(Practitioner).Assembly)
            .Where(type => !HasEffectiveDay(RuntimeHelpers.GetUninitializedObject(type)))
            .Select(type => type.Name).ToList();
        Assert.Empty(missing);
    }

    private static bool HasEffectiveDay(object data)
    {
        try { RegisterAsOf.EffectiveOn(data, DateTimeOffset.UnixEpoch); return true; }
        catch (ArgumentException) { return false; }
    }
}
