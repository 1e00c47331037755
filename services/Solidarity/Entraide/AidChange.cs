using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Loans;

namespace Ordre.Solidarity.Entraide;

/// <summary>
/// The write path of the verbs on a request: load it with the ledger (a payment posts in the same transaction), tell
/// nothing to a caller who may not know of it (404), load <c>transfer</c> when the verb consults one (a payment's), decide,
/// append; answer the request as committed, without details.
/// </summary>
public static class AidChange
{
    public static async Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Apply(Guid id, ClaimsPrincipal user,
        Func<AidRequest, ClaimsPrincipal, bool> mayAct, LedgerChange ledger, IQuerySession read,
        Func<AidRequest, Ledger.Ledger, DateTimeOffset, LedgerOutcome> decide, CancellationToken ct, Guid? transfer = null)
    {
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var stream = await session.Events.FetchForWriting<AidRequest>(id, token);
            if (stream.Aggregate is not { } request || !mayAct(request, user))
                return new LedgerOutcome.Refused($"Aucune demande d'aide {id}.", LedgerChange.NotFoundCode);
            if (transfer is { } consulted)
                await LedgerChange.LoadTransfer(session, l, consulted, token);
            var outcome = decide(request, l, at);
            if (outcome is not LedgerOutcome.Accepted accepted)
                return outcome;
            var own = accepted.Events.OfType<IChanges<AidRequest>>().Cast<object>().ToArray();
            stream.AppendMany(own);
            var loans = accepted.Events.OfType<LoanOpened>().ToArray();
            foreach (var loan in loans)
                session.Events.StartStream<Loan>(loan.LoanId, loan);
            return new LedgerOutcome.Accepted([.. accepted.Events.Except(own).Except(loans)]);
        }, ct);
        var after = result.Outcome is LedgerOutcome.Accepted or LedgerOutcome.Already ? await read.LoadAsync<AidRequest>(id, ct) : null;
        return LedgerChange.Answer(result, _ => AidRequestView.Of(after!));
    }
}
