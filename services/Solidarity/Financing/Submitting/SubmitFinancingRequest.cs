using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Financing.Submitting;

/// <summary>
/// Body of POST /financing-requests: the requesting council's account, the amount asked, what for, the examining
/// commission, and optionally the request's id chosen by the caller: a retry with the same id and fields answers the
/// request; with another field, 409 naming it.
/// </summary>
public sealed record SubmitFinancingRequest(string? Council, decimal Amount, string? Purpose, string? Commission = null, Guid? Id = null);

public static class SubmitFinancingRequestEndpoint
{
    public const string SolidarityCommission = "solidarite-financiere";
    public const string HarmonisationCommission = "harmonisation-des-charges";

    /// <summary>A council files for its own account (403 hors-ressort otherwise); the national council for any council.</summary>
    public static async Task<Results<Ok<FinancingRequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        SubmitFinancingRequest command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        FinancingRequest? created = null;
        var result = await ledger.Apply(async (session, l, at, token) =>
        {
            var outcome = Decide(l, command, user, at);
            if (outcome is not LedgerOutcome.Accepted { Events: [FinancingRequestSubmitted submitted] })
                return outcome;
            if (command.Id is { } id && await session.LoadAsync<FinancingRequest>(id, token) is { } existing)
            {
                created = existing;
                var different = existing.Council != submitted.Council ? "council" : existing.Amount != submitted.Amount ? "amount"
                    : existing.Purpose != submitted.Purpose ? "purpose" : existing.Commission != submitted.Commission ? "commission" : null;
                return different is null
                    ? new LedgerOutcome.Already()
                    : new LedgerOutcome.Refused($"La demande {id} existe déjà avec un autre champ « {different} ».", "existe-avec-champ-different", Field: different);
            }
            session.Events.StartStream<FinancingRequest>(submitted.RequestId, submitted);
            created = FinancingRequest.Create(submitted);
            return new LedgerOutcome.Accepted();
        }, ct);
        if (result.Outcome is LedgerOutcome.Refused { Code: "hors-ressort" } refused)
            return Ordre.ServiceDefaults.Problems.Problems.OutsideJurisdiction(refused.Reason);
        return LedgerChange.Answer(result, _ => FinancingRequestView.Of(created!));
    }

    public static LedgerOutcome Decide(Ledger.Ledger ledger, SubmitFinancingRequest command, ClaimsPrincipal user, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(command.Council))
            errors["council"] = ["Compte du conseil demandeur manquant."];
        if (Money.Invalid(command.Amount) is { } wrong)
            errors["amount"] = [wrong];
        if (string.IsNullOrWhiteSpace(command.Purpose) || command.Purpose.Length > 500)
            errors["purpose"] = ["Objet de 1 à 500 caractères."];
        if (command.Commission is not (null or SolidarityCommission or HarmonisationCommission))
            errors["commission"] = [$"Commission : {SolidarityCommission} ou {HarmonisationCommission}."];
        if (command.Id == Guid.Empty)
            errors["id"] = ["Identifiant non nul, ou absent."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        if (!ledger.Accounts.TryGetValue(command.Council!, out var account) || account.Kind != AccountKind.Council)
            return new LedgerOutcome.Refused($"Aucun compte de conseil « {command.Council} ».", "compte-inconnu", Field: "council", Account: command.Council);
        if (LedgerModule.OutsideOf(account, user) is { } outside)
            return new LedgerOutcome.Refused(outside, "hors-ressort");
        return new LedgerOutcome.Accepted(new FinancingRequestSubmitted(command.Id ?? Guid.CreateVersion7(), account.Id, command.Amount, command.Purpose!,
            command.Commission ?? SolidarityCommission, at, user.Actor()));
    }
}
