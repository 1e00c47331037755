using Ordre.Tableau.Register;
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
}
