using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Problems;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Entraide.Deciding;

/// <summary>Body of POST /aid-requests/{id}/decision: grant, loan or refused, and the amount (grant or loan), within the ceilings of GET /rules.</summary>
public sealed record DecideAid(string? Decision, decimal? Amount = null);

public static class DecideAidEndpoint
{
    /// <summary>A member of the national commission assigned to the case (any other caller: 404).</summary>
    public static Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, DecideAid command, ClaimsPrincipal user,
        LedgerChange ledger, IQuerySession read, CancellationToken ct) =>
        AidChange.Apply(id, user, EntraideAccess.IsAssignedMember, ledger, read, (request, _, at) => Decide(request, command, at, user.Actor()), ct);

    /// <summary>
    /// After the departmental council's opinion, or without it once its term (rule entraide-cdom-opinion) has run from
    /// the request's receipt; the amount at most the ceiling in force on the day for a grant or a loan. Once.
    /// </summary>
    public static LedgerOutcome Decide(AidRequest request, DecideAid command, DateTimeOffset at, string by)
    {
        if (command.Decision is not ("grant" or "loan" or "refused"))
            return LedgerOutcome.InvalidField("decision", "Décision : grant (aide), loan (prêt d'honneur) ou refused.");
        // null: refused.
        var decision = command.Decision switch { "grant" => AidKind.Grant, "loan" => AidKind.Loan, _ => (AidKind?)null };
        var today = ParisCalendar.DayOf(at);
        if (decision is { } kind)
        {
            if (command.Amount is not { } amount)
                return LedgerOutcome.InvalidField("amount", "Montant accordé requis.");
            if (Money.Invalid(amount) is { } wrong)
                return LedgerOutcome.InvalidField("amount", wrong);
            var ceiling = SolidarityRules.Book.InForce(kind == AidKind.Grant ? SolidarityRules.EntraideGrantCeiling : SolidarityRules.EntraideLoanCeiling, today);
            if (amount > ceiling.Value)
                return LedgerOutcome.InvalidField("amount", $"Au plus {FrenchNumbers.Whole(ceiling.Value)} € pour {(kind == AidKind.Grant ? "une aide" : "un prêt d'honneur")} (règle {ceiling.Name}).");
        }
        else if (command.Amount is not null)
            return LedgerOutcome.InvalidField("amount", "Un refus n'accorde aucun montant.");

        switch (request.Status)
        {
            case AidStatus.Granted or AidStatus.Paid when decision == request.Kind && command.Amount == request.Granted:
            case AidStatus.Refused when decision is null:
                return new LedgerOutcome.Already();
            case AidStatus.Granted or AidStatus.Paid or AidStatus.Refused:
                return new LedgerOutcome.Refused("La commission nationale a déjà statué sur cette demande.", "deja-decidee");
            case AidStatus.Received when today < SolidarityRules.Book.After(SolidarityRules.CdomOpinion, request.ReceivedOn):
                return new LedgerOutcome.Refused(
                    $"L'avis du conseil départemental est attendu jusqu'au {SolidarityRules.Book.After(SolidarityRules.CdomOpinion, request.ReceivedOn):dd/MM/yyyy}.", "avis-attendu");
        }
        return decision is { } granted
            ? new LedgerOutcome.Accepted(new AidGranted(request.Id, granted, command.Amount!.Value, at, by))
            : new LedgerOutcome.Accepted(new AidRefused(request.Id, at, by));
    }
}
