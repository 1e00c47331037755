using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Transfers;

/// <summary>Body of POST /register/{rpps}/transfer/expertise: the serious doubt that justifies it.</summary>
public sealed record OrderTransferExpertise([property: MaxText(TextLimits.Text)] string? Reason);

/// <summary>Body of POST /register/{rpps}/transfer/refusal: the motives given to the doctor.</summary>
public sealed record RefuseTransfer([property: MaxItems(TextLimits.Items, TextLimits.Text)] IReadOnlyList<string>? Motives);

/// <summary>The new council ordered an expertise: it has 2 more months to decide (R.4112-3).</summary>
public sealed record TransferExpertiseOrdered(Guid PractitionerId, string Rpps, string Reason, DateOnly On, DateOnly DecisionDueOn, string By) : IChanges<Practitioner>;

/// <summary>
/// The new council refused the transfer, with motives, or kept silent past its deadline (<paramref name="Implicit"/>,
/// raised by the clock): the doctor stays on the roll of the former department, shown again in the directory.
/// </summary>
public sealed record TransferRefused(Guid PractitionerId, string Rpps, string ToDepartment, IReadOnlyList<string> Motives, DateOnly On, string By, bool Implicit = false)
    : IChanges<Practitioner>;

public static class DecideTransferEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> OrderExpertise(
        string rpps, OrderTransferExpertise command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, CompleteTransferEndpoint.CouncilOfTheNewDepartment, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Refuse(
        string rpps, RefuseTransfer command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, CompleteTransferEndpoint.CouncilOfTheNewDepartment, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    /// <summary>R.4112-3: once, while the transfer is pending; the deadline moves 2 months later.</summary>
    public static Outcome Decide(Practitioner entry, OrderTransferExpertise command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", "Indiquez le doute sérieux qui justifie l'expertise.");
        if (entry is not { Status: RegisterStatus.InTransfer, Transfer: { } transfer })
            return new Outcome.NotAllowed("Aucun transfert n'est en cours pour ce médecin.");
        if (transfer.ExpertiseOrderedOn is not null)
            return new Outcome.NotAllowed("Une expertise a déjà été ordonnée pour ce transfert.");
        return new Outcome.Accepted(new TransferExpertiseOrdered(entry.Id, entry.Rpps, command.Reason.Trim(), today,
            TableauRules.Book.After(TableauRules.TransferExpertiseExtension, transfer.DecisionDueOn), by));
    }

    /// <summary>A refusal gives its motives (L.4112-3, as for an inscription).</summary>
    public static Outcome Decide(Practitioner entry, RefuseTransfer command, DateOnly today, string by)
    {
        var motives = (command.Motives ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (motives.Count == 0)
            return Outcome.Field("motives", "Un refus de transfert doit être motivé : indiquez au moins un motif.");
        if (entry is not { Status: RegisterStatus.InTransfer, TransferTo: { } to })
            return new Outcome.NotAllowed("Aucun transfert n'est en cours pour ce médecin.");
        return new Outcome.Accepted(new TransferRefused(entry.Id, entry.Rpps, to, motives, today, by));
    }
}
