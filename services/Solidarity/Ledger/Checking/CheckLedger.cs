using Marten;

namespace Ordre.Solidarity.Ledger.Checking;

/// <summary>The global balance: every debit has its credit, to the cent; the accounts' balances sum to zero.</summary>
public sealed record BalanceCheck(bool Balanced, decimal Debits, decimal Credits, decimal SumOfBalances, decimal DebitsPending, decimal CreditsPending,
    int Accounts, long Postings, IReadOnlyList<string> NegativeFunds);

/// <summary>What verify found: the postings read, the chain's last hash, and every discrepancy naming its posting or account.</summary>
public sealed record Verification(bool Intact, long Postings, string LastHash, IReadOnlyList<Discrepancy> Discrepancies);

/// <summary>One discrepancy: the posting (its sequence and transfer) or the account it names, and what is wrong, in French.</summary>
public sealed record Discrepancy(long? Sequence, Guid? TransferId, string? Account, string Problem);

/// <summary>GET /ledger/balance and GET /ledger/verify, for the national council.</summary>
public static class CheckLedgerEndpoints
{
    public static async Task<BalanceCheck> Balance(IQuerySession session, CancellationToken ct) =>
        Check(await session.LoadAsync<Ledger>(Ledger.SolidarityFund, ct) ?? new Ledger());

    public static BalanceCheck Check(Ledger ledger)
    {
        var accounts = ledger.Accounts.Values;
        var (debits, credits) = (accounts.Sum(a => a.DebitsPosted), accounts.Sum(a => a.CreditsPosted));
        var (debitsPending, creditsPending) = (accounts.Sum(a => a.DebitsPending), accounts.Sum(a => a.CreditsPending));
        var negative = accounts.Where(a => a.Kind == AccountKind.Fund && (a.Balance < 0 || a.Available < 0)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        var sum = accounts.Sum(a => a.Balance);
        return new BalanceCheck(debits == credits && sum == 0 && debitsPending == creditsPending && negative.Count == 0,
            debits, credits, sum, debitsPending, creditsPending, accounts.Count, ledger.LastSequence, negative);
    }

    /// <summary>
    /// Recomputes everything from the stored postings, in order: each posting's hash from its own fields and the previous
    /// hash (a changed amount, account or date breaks it), the link to the previous posting, the sequence without gaps,
    /// both running balances, and at the end every account's posted totals against the ledger's.
    /// </summary>
    public static async Task<Verification> Verify(IQuerySession session, CancellationToken ct)
    {
        var ledger = await session.LoadAsync<Ledger>(Ledger.SolidarityFund, ct) ?? new Ledger();
        var found = new List<Discrepancy>();
        var debits = new Dictionary<string, decimal>();
        var credits = new Dictionary<string, decimal>();
        decimal Balance(string account) => credits.GetValueOrDefault(account) - debits.GetValueOrDefault(account);
        var (expected, previous) = (1L, PostingChain.Genesis);
        const int batch = 1000;
        for (long after = 0; ; )
        {
            var page = await session.Query<Posting>().Where(p => p.Id > after).OrderBy(p => p.Id).Take(batch).ToListAsync(ct);
            foreach (var p in page)
            {
                if (p.Id != expected)
                    found.Add(new(p.Id, p.TransferId, null, $"Écriture(s) manquante(s) : attendu n° {expected}, trouvé n° {p.Id}."));
                if (p.PreviousHash != previous)
                    found.Add(new(p.Id, p.TransferId, null, "Chaînage rompu : l'empreinte de l'écriture précédente ne correspond pas."));
                if (PostingChain.Hash(p) != p.Hash)
                    found.Add(new(p.Id, p.TransferId, null, "Empreinte invalide : l'écriture a été modifiée après son enregistrement."));
                if (Money.Invalid(p.Amount) is not null || p.Debit == p.Credit)
                    found.Add(new(p.Id, p.TransferId, null, "Écriture déséquilibrée ou montant invalide."));
                debits[p.Debit] = debits.GetValueOrDefault(p.Debit) + p.Amount;
                credits[p.Credit] = credits.GetValueOrDefault(p.Credit) + p.Amount;
                if (Balance(p.Debit) != p.DebitBalanceAfter || Balance(p.Credit) != p.CreditBalanceAfter)
                    found.Add(new(p.Id, p.TransferId, null, "Solde après écriture différent du solde recalculé depuis les écritures."));
                (expected, previous) = (p.Id + 1, p.Hash);
            }
            if (page.Count < batch)
                break;
            after = page[^1].Id;
        }
        if (expected - 1 != ledger.LastSequence)
            found.Add(new(null, null, null, $"Le registre compte {ledger.LastSequence} écritures, {expected - 1} sont stockées."));
        if (previous != ledger.LastHash)
            found.Add(new(null, null, null, "La dernière empreinte stockée ne correspond pas à celle du registre."));
        foreach (var account in ledger.Accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
            if (account.DebitsPosted != debits.GetValueOrDefault(account.Id) || account.CreditsPosted != credits.GetValueOrDefault(account.Id))
                found.Add(new(null, null, account.Id, $"Le solde du compte « {account.Id} » ({PostingChain.Euros(account.Balance)} €) diffère de celui recalculé depuis ses écritures ({PostingChain.Euros(Balance(account.Id))} €)."));
        return new Verification(found.Count == 0, expected - 1, previous, found);
    }
}
