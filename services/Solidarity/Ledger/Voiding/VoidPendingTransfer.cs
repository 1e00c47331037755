using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Solidarity.Ledger.Voiding;

public static class VoidPendingTransferEndpoint
{
    public static async Task<Results<Ok<TransferView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        var result = await ledger.Apply(id, (l, at) => Decide(l, id, at, user.Actor()), ct);
        return LedgerChange.Answer(result, l => TransferView.Of(l.Transfers[id]));
    }

    /// <summary>Releases a pending transfer's reservation; voiding it again answers the first result; a posted one cannot be voided.</summary>
    public static LedgerOutcome Decide(Ledger ledger, Guid id, DateTimeOffset at, string by)
    {
        if (!ledger.Transfers.TryGetValue(id, out var transfer))
            return new LedgerOutcome.Refused($"Aucun virement {id}.", LedgerChange.NotFoundCode);
        return transfer.Status switch
        {
            TransferStatus.Voided => new LedgerOutcome.Already(),
            TransferStatus.Pending => new LedgerOutcome.Accepted(new PendingTransferVoided(Ledger.SolidarityFund, id, transfer.Legs.Sum(l => l.Amount), at, by)),
            TransferStatus.PostedFromPending => new LedgerOutcome.Refused($"Le virement {id} a déjà été passé : il ne se résout qu'une fois ; une correction est un virement inverse.", "deja-resolu"),
            _ => new LedgerOutcome.Refused($"Le virement {id} n'est pas en attente : une correction est un virement inverse.", "pas-en-attente"),
        };
    }
}
