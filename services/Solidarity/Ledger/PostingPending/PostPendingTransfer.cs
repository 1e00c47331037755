using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Solidarity.Ledger.PostingPending;

/// <summary>
/// Body of POST /transfers/{id}/post: how much of a one-leg pending transfer to post (all of it when absent); the rest of
/// the reservation is released. A pending transfer of several legs is posted in full.
/// </summary>
public sealed record PostPendingTransfer(decimal? Amount = null);

public static class PostPendingTransferEndpoint
{
    public static async Task<Results<Ok<TransferView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, PostPendingTransfer? command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        var result = await ledger.Apply(id, (l, at) => Decide(l, id, command ?? new PostPendingTransfer(), at, user.Actor()), ct);
        return LedgerChange.Answer(result, l => TransferView.Of(l.Transfers[id]));
    }

    /// <summary>A pending transfer resolves at most once: posting it again with the same amount answers the first result.</summary>
    public static LedgerOutcome Decide(Ledger ledger, Guid id, PostPendingTransfer command, DateTimeOffset at, string by)
    {
        if (command.Amount is { } asked && Money.Invalid(asked) is { } wrong)
            return LedgerOutcome.InvalidField("amount", wrong);
        if (!ledger.Transfers.TryGetValue(id, out var transfer))
            return new LedgerOutcome.Refused($"Aucun virement {id}.", LedgerChange.NotFoundCode);
        if (!transfer.Pending)
            return new LedgerOutcome.Refused($"Le virement {id} n'est pas en attente : il a été passé dès sa création.", "pas-en-attente");
        if (command.Amount is not null && transfer.Legs.Count > 1)
            return LedgerOutcome.InvalidField("amount", "Un virement en attente de plusieurs écritures se passe en entier : pas de montant.");
        var amounts = transfer.Legs.Select(l => command.Amount ?? l.Amount).ToList();
        switch (transfer.Status)
        {
            case TransferStatus.PostedFromPending when transfer.Posted.SequenceEqual(amounts):
                return new LedgerOutcome.Already();
            case TransferStatus.PostedFromPending:
                return new LedgerOutcome.Refused($"Le virement {id} a déjà été passé pour {PostingChain.Euros(transfer.Posted.Sum())} € : il ne se résout qu'une fois.",
                    "deja-resolu", Field: "amount");
            case TransferStatus.Voided:
                return new LedgerOutcome.Refused($"Le virement {id} a été annulé : il ne se résout qu'une fois.", "deja-resolu");
        }
        if (amounts[0] > transfer.Legs[0].Amount)
            return LedgerOutcome.InvalidField("amount", $"Au plus le montant réservé, {PostingChain.Euros(transfer.Legs[0].Amount)} €.");

        var draft = new LedgerDraft(ledger, at);
        for (var i = 0; i < transfer.Legs.Count; i++)
        {
            var leg = transfer.Legs[i];
            draft.Release(leg);
            draft.Post(id, i, leg.Debit, leg.Credit, amounts[i]);
            if (draft.Overdrawn(leg.Debit, amounts[i]) is { } refused)
                return refused; // cannot happen: the reservation covered it; kept so no path ever commits a negative fund
        }
        return new LedgerOutcome.Accepted(new PendingTransferPosted(Ledger.SolidarityFund, id, amounts, draft.Postings, at, by));
    }
}
