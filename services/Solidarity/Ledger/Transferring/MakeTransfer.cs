using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Solidarity.Ledger.Transferring;

/// <summary>One leg of a transfer request: debit one account, credit another, a strictly positive amount with at most 2 decimals.</summary>
public sealed record LegRequest(string? Debit, string? Credit, decimal Amount);

/// <summary>
/// Body of POST /transfers. <paramref name="TransferId"/> is chosen by the caller, so a retry is safe: the same id with
/// the same fields answers the first result, with any other field 409 naming it. Several <paramref name="Legs"/> are
/// linked: all are applied or none. <paramref name="Pending"/>: reserve only; post or void it later.
/// </summary>
public sealed record MakeTransfer(Guid TransferId, IReadOnlyList<LegRequest>? Legs, bool Pending = false, string? Memo = null);

public static class MakeTransferEndpoint
{
    /// <summary>Legs one transfer may link.</summary>
    public const int MaxLegs = 16;

    public static async Task<Results<Ok<TransferView>, ValidationProblem, ProblemHttpResult>> Handle(
        MakeTransfer command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        var result = await ledger.Apply(command.TransferId, (l, at) => Decide(l, command, at, user.Actor()), ct);
        return LedgerChange.Answer(result, l => TransferView.Of(l.Transfers[command.TransferId]));
    }

    public static LedgerOutcome Decide(Ledger ledger, MakeTransfer command, DateTimeOffset at, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.TransferId == Guid.Empty)
            errors["transferId"] = ["Identifiant du virement choisi par l'appelant (GUID non nul) : il rend les nouvelles tentatives sans effet."];
        if (command.Legs is not { Count: >= 1 and <= MaxLegs } legs)
        {
            errors["legs"] = [$"De 1 à {MaxLegs} écritures, appliquées toutes ou aucune."];
            legs = [];
        }
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (leg is null)
            {
                errors[$"legs[{i}]"] = ["Écriture manquante."];
                continue;
            }
            if (string.IsNullOrEmpty(leg.Debit))
                errors[$"legs[{i}].debit"] = ["Compte débité manquant."];
            if (string.IsNullOrEmpty(leg.Credit))
                errors[$"legs[{i}].credit"] = ["Compte crédité manquant."];
            else if (leg.Credit == leg.Debit)
                errors[$"legs[{i}].credit"] = ["Le compte crédité doit différer du compte débité."];
            if (Money.Invalid(leg.Amount) is { } wrong)
                errors[$"legs[{i}].amount"] = [wrong];
        }
        if (command.Memo is { Length: > 500 })
            errors["memo"] = ["Libellé de 500 caractères au plus."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);

        if (ledger.Transfers.TryGetValue(command.TransferId, out var existing))
            return Different(existing, command) is { } field
                ? new LedgerOutcome.Refused($"Le virement {command.TransferId} existe déjà avec un autre champ « {field} » : un nouvel identifiant est nécessaire pour un autre virement.",
                    "existe-avec-champ-different", Field: field)
                : new LedgerOutcome.Already();

        for (var i = 0; i < legs.Count; i++)
            foreach (var (side, account) in new[] { ("debit", legs[i].Debit!), ("credit", legs[i].Credit!) })
                if (!ledger.Accounts.ContainsKey(account))
                    return new LedgerOutcome.Refused($"Compte inconnu : « {account} ».", "compte-inconnu", Field: $"legs[{i}].{side}", Account: account);

        var draft = new LedgerDraft(ledger, at);
        var recorded = legs.Select(l => new Leg(l.Debit!, l.Credit!, l.Amount)).ToList();
        for (var i = 0; i < recorded.Count; i++)
        {
            if (command.Pending)
                draft.Reserve(recorded[i]);
            else
                draft.Post(command.TransferId, i, recorded[i].Debit, recorded[i].Credit, recorded[i].Amount);
            if (draft.Overdrawn(recorded[i].Debit, recorded[i].Amount) is { } refused)
                return refused;
        }
        return new LedgerOutcome.Accepted(new TransferRecorded(Ledger.SolidarityFund, command.TransferId, recorded, command.Pending, command.Memo,
            draft.Postings, at, by));
    }

    /// <summary>The first field in which a retry differs from the transfer recorded under its id, or null when it is the same.</summary>
    public static string? Different(Transfer existing, MakeTransfer command)
    {
        var legs = command.Legs!;
        if (existing.Legs.Count != legs.Count)
            return "legs";
        for (var i = 0; i < legs.Count; i++)
        {
            if (existing.Legs[i].Debit != legs[i].Debit)
                return $"legs[{i}].debit";
            if (existing.Legs[i].Credit != legs[i].Credit)
                return $"legs[{i}].credit";
            if (existing.Legs[i].Amount != legs[i].Amount)
                return $"legs[{i}].amount";
        }
        if (existing.Pending != command.Pending)
            return "pending";
        return existing.Memo != command.Memo ? "memo" : null;
    }
}
