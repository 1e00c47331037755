using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Donations.Pledging;

/// <summary>
/// Body of POST /donations: the giving council's account, the fund it goes to, the amount pledged, and optionally the
/// donation's id chosen by the caller: a retry with the same id and fields answers the pledge; with another field, 409 naming it.
/// </summary>
public sealed record PledgeDonation(string? Council, string? Fund, decimal Amount, Guid? Id = null);

/// <summary>A donation as read: pledged, or received (with its ledger transfer).</summary>
public sealed record DonationView(Guid Id, string Council, string Fund, decimal Amount, string Status, Guid? Transfer)
{
    public static DonationView Of(Donation d) => new(d.Id, d.Council, d.Fund, d.Amount, d.Received ? "received" : "pledged", d.Transfer);
}

public static class PledgeDonationEndpoint
{
    /// <summary>A council pledges for its own account (403 hors-ressort otherwise); the national council records any pledge.</summary>
    public static async Task<Results<Ok<DonationView>, ValidationProblem, ProblemHttpResult>> Handle(
        PledgeDonation command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        Donation? created = null;
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var outcome = Decide(l, command, user, at);
            if (outcome is not LedgerOutcome.Accepted { Events: [DonationPledged pledged] })
                return outcome;
            if (command.Id is { } id && await session.LoadAsync<Donation>(id, token) is { } existing)
            {
                created = existing;
                var different = existing.Council != pledged.Council ? "council" : existing.Fund != pledged.Fund ? "fund"
                    : existing.Amount != pledged.Amount ? "amount" : null;
                return different is null
                    ? new LedgerOutcome.Already()
                    : new LedgerOutcome.Refused($"Le don {id} existe déjà avec un autre champ « {different} ».", "existe-avec-champ-different", Field: different);
            }
            session.Events.StartStream<Donation>(pledged.DonationId, pledged);
            created = Donation.Create(pledged);
            return new LedgerOutcome.Accepted();
        }, ct);
        if (result.Outcome is LedgerOutcome.Refused { Code: "hors-ressort" } refused)
            return Ordre.ServiceDefaults.Problems.Problems.OutsideJurisdiction(refused.Reason);
        return LedgerChange.Answer(result, _ => DonationView.Of(created!));
    }

    public static LedgerOutcome Decide(Ledger.Ledger ledger, PledgeDonation command, ClaimsPrincipal user, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(command.Council))
            errors["council"] = ["Compte du conseil donateur manquant."];
        if (string.IsNullOrEmpty(command.Fund))
            errors["fund"] = ["Fonds bénéficiaire manquant."];
        if (Money.Invalid(command.Amount) is { } wrong)
            errors["amount"] = [wrong];
        if (command.Id == Guid.Empty)
            errors["id"] = ["Identifiant non nul, ou absent."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        if (!ledger.Accounts.TryGetValue(command.Council!, out var council) || council.Kind != AccountKind.Council)
            return new LedgerOutcome.Refused($"Aucun compte de conseil « {command.Council} ».", "compte-inconnu", Field: "council", Account: command.Council);
        if (LedgerModule.OutsideOf(council, user) is { } outside)
            return new LedgerOutcome.Refused(outside, "hors-ressort");
        if (!ledger.Accounts.TryGetValue(command.Fund!, out var fund) || fund.Kind != AccountKind.Fund)
            return new LedgerOutcome.Refused($"Aucun fonds « {command.Fund} ».", "compte-inconnu", Field: "fund", Account: command.Fund);
        return new LedgerOutcome.Accepted(new DonationPledged(command.Id ?? Guid.CreateVersion7(), council.Id, fund.Id, command.Amount, at, user.Actor()));
    }

    /// <summary>The ledger transfer of a donation's receipt (the same on every retry).</summary>
    public static Guid ReceiptTransfer(Guid donation) => FinancingRequest.TransferIdFor("donation", donation);
}
