using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Deadlines;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Transfers;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Tableau.Tests;

/// <summary>Transfers between departments (R.4112-3): the new council decides within 3 months, 5 with an expertise.</summary>
public class TransferRules
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static Practitioner InTransfer()
    {
        var registered = Practitioner.Create(new RegisteredOnTableau(
            PractitionerStream.IdOf("10005173140"), "10005173140", "75", "Lefèvre", "Élodie", "Médecine générale", new DateOnly(2020, 1, 6), Guid.NewGuid()));
        return With(registered, ((Outcome.Accepted)RequestTransferEndpoint.Decide(registered, new RequestTransfer("69"), Day, "cdom75")).Events);
    }

    private static Practitioner With(Practitioner entry, params object[] events) => events.Aggregate(entry, Evolution<Practitioner>.Apply);

    // R.4112-3: 3 months for the new council; its silence refuses the transfer (as L.4112-4 for an inscription), so
    // that the entry never stays "in transfer".
    [Fact]
    public void The_new_council_decides_a_transfer_within_three_months_and_its_silence_refuses_it_the_day_after()
    {
        var entry = InTransfer();
        Assert.Equal((RegisterStatus.InTransfer, new DateOnly(2027, 2, 22)), (entry.Status, entry.Transfer!.DecisionDueOn));
        Assert.Equal(new DateOnly(2027, 2, 23), entry.NextDeadline);
        Assert.IsType<Outcome.Accepted>(CompleteTransferEndpoint.Decide(entry, new DateOnly(2027, 2, 22), "cdom69"));
        Assert.Empty(DueChanges.On(entry, new DateOnly(2027, 2, 22)));

        var refused = Assert.IsType<TransferRefused>(Assert.Single(DueChanges.On(entry, new DateOnly(2027, 2, 23))));
        Assert.True(refused.Implicit);
        var back = With(entry, refused);
        Assert.Equal((RegisterStatus.Registered, "75", (string?)null), (back.Status, back.Department, back.TransferTo));
        Assert.Null(back.NextDeadline);
    }

    // R.4112-3: an expertise adds 2 months, once.
    [Fact]
    public void An_expertise_gives_the_new_council_two_more_months_once()
    {
        var entry = InTransfer();
        var ordered = With(entry, ((Outcome.Accepted)DecideTransferEndpoint.Decide(entry, new OrderTransferExpertise("doute sérieux"), Day.AddDays(10), "cdom69")).Events);
        Assert.Equal(new DateOnly(2027, 4, 22), ordered.Transfer!.DecisionDueOn);
        Assert.IsType<Outcome.NotAllowed>(DecideTransferEndpoint.Decide(ordered, new OrderTransferExpertise("encore"), Day.AddDays(11), "cdom69"));
        Assert.Empty(DueChanges.On(ordered, new DateOnly(2027, 4, 22)));
        Assert.IsType<TransferRefused>(Assert.Single(DueChanges.On(ordered, new DateOnly(2027, 4, 23))));
    }

    // L.4112-3: a refusal gives its motives; the doctor stays on the former department's roll.
    [Fact]
    public void A_transfer_refusal_gives_its_motives_and_leaves_the_doctor_in_the_former_department()
    {
        var entry = InTransfer();
        Assert.IsType<Outcome.Invalid>(DecideTransferEndpoint.Decide(entry, new RefuseTransfer([" "]), Day, "cdom69"));
        var refused = Assert.IsType<TransferRefused>(Assert.Single(((Outcome.Accepted)DecideTransferEndpoint.Decide(entry,
            new RefuseTransfer(["Dossier d'installation incomplet"]), Day, "cdom69")).Events));
        Assert.Equal(["Dossier d'installation incomplet"], refused.Motives);
        Assert.Equal((RegisterStatus.Registered, "75"), (With(entry, refused).Status, With(entry, refused).Department));
        Assert.IsType<Outcome.NotAllowed>(CompleteTransferEndpoint.Decide(With(entry, refused), Day, "cdom69"));
    }
}
