using Ordre.Tableau.Lookup;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Reading;
using Ordre.Tableau.Register.Deadlines;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Tableau.Tests;

public class DeadlineRules
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static Practitioner Registered() => Practitioner.Create(new RegisteredOnTableau(
        PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale", new DateOnly(2020, 1, 6), Guid.NewGuid()));

    private static Practitioner With(Practitioner entry, params object[] events) => events.Aggregate(entry, Evolution<Practitioner>.Apply);

    [Fact]
    public void An_emergency_suspension_ends_by_itself_the_day_after_its_last_day()
    {
        var outcome = OrderSuspensionEndpoint.Decide(Registered(), new OrderSuspension(SuspensionSource.ArsEmergency, false, Day, null), Day, "ars", Guid.NewGuid());
        var suspended = With(Registered(), ((Outcome.Accepted)outcome).Events);
        var lastDay = Day.AddMonths(5).AddDays(-1);

        Assert.Empty(DueChanges.On(suspended, lastDay));
        var ended = Assert.IsType<SuspensionEnded>(Assert.Single(DueChanges.On(suspended, lastDay.AddDays(1))));
        Assert.Equal(SuspensionEnd.Expired, ended.How);
        Assert.Equal(RegisterStatus.Registered, With(suspended, ended).Status);
        Assert.Equal(lastDay.AddDays(1), suspended.NextDeadline);
    }

    [Fact]
    public void A_ban_with_a_future_start_waits_for_its_first_day_then_ends_after_its_last()
    {
        var sanction = Guid.NewGuid();
        var entry = With(Registered(), new SanctionRecorded(Guid.Empty, "10005173140", sanction, SanctionKind.PracticeBan, Day.AddDays(10), Day.AddDays(40)));
        Assert.Equal(Day.AddDays(10), entry.NextDeadline);
        Assert.Empty(DueChanges.On(entry, Day.AddDays(9)));

        var banned = With(entry, [.. DueChanges.On(entry, Day.AddDays(10))]);
        Assert.Equal(RegisterStatus.Banned, banned.Status);
        Assert.Empty(DueChanges.On(banned, Day.AddDays(40)));

        var back = With(banned, [.. DueChanges.On(banned, Day.AddDays(41))]);
        Assert.Equal(RegisterStatus.Registered, back.Status);
        Assert.Null(back.NextDeadline);
    }

    [Fact]
    public void A_disciplinary_striking_off_applies_on_its_date()
    {
        var entry = With(Registered(), new SanctionRecorded(Guid.Empty, "10005173140", Guid.NewGuid(), SanctionKind.StrikingOff, Day, null));
        var struck = Assert.IsType<PractitionerStruckOff>(Assert.Single(DueChanges.On(entry, Day)));
        Assert.Equal(StrikingOffReason.Disciplinary, struck.Reason);
        Assert.Null(With(entry, struck).NextDeadline);
    }

    [Fact]
    public void A_warning_changes_nothing_on_the_register()
    {
        var entry = With(Registered(), new SanctionRecorded(Guid.Empty, "10005173140", Guid.NewGuid(), SanctionKind.Warning, Day, null));
        Assert.Null(entry.NextDeadline);
        Assert.Empty(DueChanges.On(entry, Day.AddYears(1)));
    }

    [Fact]
    public void A_withdrawn_sanction_never_starts()
    {
        var sanction = Guid.NewGuid();
        var entry = With(Registered(),
            new SanctionRecorded(Guid.Empty, "10005173140", sanction, SanctionKind.PracticeBan, Day.AddDays(5), Day.AddDays(30)),
            new SanctionWithdrawn(Guid.Empty, "10005173140", sanction, Day));
        Assert.Empty(DueChanges.On(entry, Day.AddDays(6)));
    }
    // R.4112-3: a striking-off at the doctor's request takes effect on the day practice stops: a later day waits for it,
    // and is bounded (a date more than a year ahead is an input error).
    [Fact]
    public void A_striking_off_dated_in_the_future_waits_for_its_day_and_is_bounded()
    {
        var outcome = StrikeOffEndpoint.Decide(Registered(), new StrikeOff(StrikingOffReason.CeasedPractice, Day.AddDays(10)), Day, "cdom75");
        var entry = With(Registered(), ((Outcome.Accepted)outcome).Events);
        Assert.Equal(RegisterStatus.Registered, entry.Status);
        Assert.Empty(DueChanges.On(entry, Day.AddDays(9)));
        var struck = Assert.IsType<PractitionerStruckOff>(Assert.Single(DueChanges.On(entry, Day.AddDays(10))));
        Assert.Equal((StrikingOffReason.CeasedPractice, Day.AddDays(10)), (struck.Reason, struck.EffectiveOn));

        Assert.IsType<Outcome.Invalid>(StrikeOffEndpoint.Decide(Registered(), new StrikeOff(StrikingOffReason.CeasedPractice, Day.AddYears(2)), Day, "cdom75"));
        Assert.IsType<Outcome.Invalid>(StrikeOffEndpoint.Decide(Registered(), new StrikeOff(StrikingOffReason.Administrative, new DateOnly(2019, 1, 1)), Day, "cdom75"));
    }

    // R.4124-3 (suspension for health) and L.4124-6 4° (ban): concurrent measures stack, each ends on its own date;
    // the doctor may not practise while any of them runs.
    [Fact]
    public void A_practice_ban_during_a_health_suspension_leaves_the_suspension_running_to_its_own_end()
    {
        var suspended = With(Registered(), ((Outcome.Accepted)OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.Health, false, Day, Day.AddDays(60)), Day, "crom", Guid.NewGuid())).Events);
        var sanction = Guid.NewGuid();
        var recorded = With(suspended, new SanctionRecorded(Guid.Empty, "10005173140", sanction, SanctionKind.PracticeBan, Day.AddDays(10), Day.AddDays(20)));
        var banned = With(recorded, [.. DueChanges.On(recorded, Day.AddDays(10))]);
        Assert.Equal(RegisterStatus.Banned, banned.Status);
        Assert.NotNull(banned.Suspension);

        var banEnds = DueChanges.On(banned, Day.AddDays(21));
        Assert.Equal(RegisterStatus.Suspended, Assert.IsType<PracticeBanEnded>(Assert.Single(banEnds)).StatusAfter); // what other services are told
        var afterBan = With(banned, [.. banEnds]);
        Assert.Equal(RegisterStatus.Suspended, afterBan.Status);
        Assert.False(RegisterStanding.Of(afterBan).MayPractise);
        Assert.False(PractitionerStatuses.Of(LookupEntry.From(afterBan), reasonsVisible: true).MayPractise);
        Assert.Equal(Day.AddDays(61), afterBan.NextDeadline);

        var free = With(afterBan, [.. DueChanges.On(afterBan, Day.AddDays(61))]);
        Assert.Equal(RegisterStatus.Registered, free.Status);
    }

    // DOMAIN.md conventions: a duration in months ends on the same day of the month, or the last day of a shorter month;
    // L.4113-14: the ARS emergency suspension lasts at most 5 months.
    [Fact]
    public void An_emergency_suspension_from_30_september_may_last_until_28_february()
    {
        var from = new DateOnly(2026, 9, 30);
        var outcome = OrderSuspensionEndpoint.Decide(Registered(), new OrderSuspension(SuspensionSource.ArsEmergency, false, from, null), from, "ars", Guid.NewGuid());
        Assert.Equal(new DateOnly(2027, 2, 28), Assert.IsType<SuspensionOrdered>(Assert.Single(((Outcome.Accepted)outcome).Events)).Until);
        Assert.IsType<Outcome.Accepted>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.ArsEmergency, false, from, new DateOnly(2027, 2, 28)), from, "ars", Guid.NewGuid()));
        Assert.IsType<Outcome.Invalid>(OrderSuspensionEndpoint.Decide(Registered(),
            new OrderSuspension(SuspensionSource.ArsEmergency, false, from, new DateOnly(2027, 3, 1)), from, "ars", Guid.NewGuid()));
    }

    // R.4126-30: the ban runs on the dates the decision fixed; one entirely past when it arrives is recorded as over.
    [Fact]
    public void A_ban_entirely_in_the_past_when_recorded_is_settled_as_started_and_ended()
    {
        var sanction = Guid.NewGuid();
        var entry = With(Registered(), new SanctionRecorded(Guid.Empty, "10005173140", sanction, SanctionKind.PracticeBan, Day.AddDays(-40), Day.AddDays(-10)));
        var due = DueChanges.On(entry, Day);
        Assert.Collection(due, e => Assert.IsType<PracticeBanStarted>(e), e => Assert.Equal(Day.AddDays(-9), Assert.IsType<PracticeBanEnded>(e).On));
        var settled = With(entry, [.. due]);
        Assert.Equal(RegisterStatus.Registered, settled.Status);
        Assert.True(Assert.Single(settled.Sanctions).Over);
        Assert.Null(settled.NextDeadline);
    }
}
