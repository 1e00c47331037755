using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Donations.Pledging;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Transferring;

namespace Ordre.Solidarity.Donations.Receiving;

public static class ReceiveDonationEndpoint
{
    /// <summary>
    /// POST /donations/{id}/receipt (national council): the money arrived; the council's account is debited and the fund
    /// credited, in the same transaction as the donation's event. Once: again answers the first result.
    /// </summary>
    public static async Task<Results<Ok<DonationView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        Donation? after = null;
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var stream = await session.Events.FetchForWriting<Donation>(id, token);
            if (stream.Aggregate is not { } donation)
                return new LedgerOutcome.Refused($"Aucun don {id}.", LedgerChange.NotFoundCode);
            after = donation;
            if (donation.Received)
                return new LedgerOutcome.Already();
            var transferId = PledgeDonationEndpoint.ReceiptTransfer(id);
            await LedgerChange.LoadTransfer(session, l, transferId, token);
            var posted = MakeTransferEndpoint.Decide(l, new MakeTransfer(transferId, [new LegRequest(donation.Council, donation.Fund, donation.Amount)],
                Memo: $"Don {id}"), at, user.Actor());
            if (posted is not LedgerOutcome.Accepted accepted)
                return posted;
            var received = new DonationReceived(id, transferId, at, user.Actor());
            stream.AppendOne(received);
            donation.Apply(received);
            return accepted;
        }, ct);
        return LedgerChange.Answer(result, _ => DonationView.Of(after!));
    }

    public static async Task<Results<Ok<DonationView>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Donation>(id, ct) is { } donation
            ? TypedResults.Ok(DonationView.Of(donation))
            : Ordre.ServiceDefaults.Problems.Problems.NotFound($"Aucun don {id}.");
}
