namespace Ordre.Solidarity.Tests;

/// <summary>
/// A small in-memory ledger the property tests hold the service to: the same rules written once more, as plainly as
/// possible (no events, no chain, no concurrency), answering for each step what the service must answer.
/// </summary>
public sealed class ReferenceModel
{
    public sealed class ModelAccount(bool fund)
    {
        public bool Fund { get; } = fund;
        public decimal Debits, Credits, DebitsPending, CreditsPending;
        public decimal Available => Credits - Debits - DebitsPending;
    }

    public sealed record ModelLeg(string Debit, string Credit, decimal Amount);

    public sealed class ModelTransfer(ModelLeg[] legs, bool pending, string? memo)
    {
        public ModelLeg[] Legs { get; } = legs;
        public bool Pending { get; } = pending;
        public string? Memo { get; } = memo;
        public string Status = pending ? "pending" : "posted";
        public decimal[] Posted = pending ? [] : [.. legs.Select(l => l.Amount)];
    }

    public Dictionary<string, ModelAccount> Accounts { get; } = [];
    public Dictionary<Guid, ModelTransfer> Transfers { get; } = [];
    public long Postings { get; private set; }

    public void Open(string id, bool fund) => Accounts[id] = new ModelAccount(fund);

    private static bool ValidAmount(decimal a) => a > 0 && a <= 1_000_000_000m && decimal.Round(a, 2) == a;

    /// <summary>"accepted", "already", "invalid" or "refused:&lt;code&gt;[:&lt;field or account&gt;]".</summary>
    public string Transfer(Guid id, ModelLeg[] legs, bool pending, string? memo)
    {
        if (legs.Length is < 1 or > 16 || legs.Any(l => l.Debit == l.Credit || !ValidAmount(l.Amount)))
            return "invalid";
        if (Transfers.TryGetValue(id, out var existing))
        {
            string? field = null;
            if (existing.Legs.Length != legs.Length)
                field = "legs";
            for (var i = 0; field is null && i < legs.Length; i++)
                field = existing.Legs[i].Debit != legs[i].Debit ? $"legs[{i}].debit"
                    : existing.Legs[i].Credit != legs[i].Credit ? $"legs[{i}].credit"
                    : existing.Legs[i].Amount != legs[i].Amount ? $"legs[{i}].amount" : null;
            field ??= existing.Pending != pending ? "pending" : existing.Memo != memo ? "memo" : null;
            return field is null ? "already" : $"refused:existe-avec-champ-different:{field}";
        }
        foreach (var leg in legs)
            foreach (var account in new[] { leg.Debit, leg.Credit })
                if (!Accounts.ContainsKey(account))
                    return $"refused:compte-inconnu:{account}";
        // Leg by leg on a copy of the available balances: a fund may never go below zero, reservations included.
        var available = Accounts.ToDictionary(a => a.Key, a => a.Value.Available);
        foreach (var leg in legs)
        {
            available[leg.Debit] -= leg.Amount;
            if (!pending)
                available[leg.Credit] += leg.Amount;
            if (Accounts[leg.Debit].Fund && available[leg.Debit] < 0)
                return $"refused:solde-insuffisant:{leg.Debit}";
        }
        foreach (var leg in legs)
            if (pending)
            {
                Accounts[leg.Debit].DebitsPending += leg.Amount;
                Accounts[leg.Credit].CreditsPending += leg.Amount;
            }
            else
                Post(leg.Debit, leg.Credit, leg.Amount);
        Transfers[id] = new ModelTransfer(legs, pending, memo);
        return "accepted";
    }

    public string PostPending(Guid id, decimal? amount)
    {
        if (amount is { } a && !ValidAmount(a))
            return "invalid";
        if (!Transfers.TryGetValue(id, out var t))
            return "refused:introuvable";
        if (!t.Pending)
            return "refused:pas-en-attente";
        if (amount is not null && t.Legs.Length > 1)
            return "invalid";
        var amounts = t.Legs.Select(l => amount ?? l.Amount).ToArray();
        if (t.Status == "posted-from-pending")
            return t.Posted.SequenceEqual(amounts) ? "already" : "refused:deja-resolu";
        if (t.Status == "voided")
            return "refused:deja-resolu";
        if (amounts[0] > t.Legs[0].Amount)
            return "invalid";
        Release(t);
        for (var i = 0; i < t.Legs.Length; i++)
            Post(t.Legs[i].Debit, t.Legs[i].Credit, amounts[i]);
        t.Status = "posted-from-pending";
        t.Posted = amounts;
        return "accepted";
    }

    public string Void(Guid id)
    {
        if (!Transfers.TryGetValue(id, out var t))
            return "refused:introuvable";
        switch (t.Status)
        {
            case "voided":
                return "already";
            case "pending":
                Release(t);
                t.Status = "voided";
                return "accepted";
            case "posted-from-pending":
                return "refused:deja-resolu";
            default:
                return "refused:pas-en-attente";
        }
    }

    private void Post(string debit, string credit, decimal amount)
    {
        Accounts[debit].Debits += amount;
        Accounts[credit].Credits += amount;
        Postings++;
    }

    private void Release(ModelTransfer t)
    {
        foreach (var leg in t.Legs)
        {
            Accounts[leg.Debit].DebitsPending -= leg.Amount;
            Accounts[leg.Credit].CreditsPending -= leg.Amount;
        }
    }
}
