using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Solidarity.Ledger.OpeningAccount;

/// <summary>
/// Body of POST /accounts: the account's id (lower case letters, digits and dashes, e.g. <c>fonds-solidarite</c>,
/// <c>cdom-75</c>), its kind (<c>fund</c> or <c>council</c>), its name, and for a council's account its department
/// (departmental council) or its region (regional council).
/// </summary>
public sealed record OpenAccount(string? Id, string? Kind, string? Name, string? Department = null, string? Region = null);

public static class OpenAccountEndpoint
{
    public static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> Handle(
        OpenAccount command, ClaimsPrincipal user, LedgerChange ledger, CancellationToken ct)
    {
        var result = await ledger.Apply((l, at) => Decide(l, command, at, user.Actor()), ct);
        return LedgerChange.Answer(result, l => AccountView.Of(l.Accounts[command.Id!]));
    }

    /// <summary>Opening an account twice with the same fields answers the account; with other fields, 409 naming the field.</summary>
    public static LedgerOutcome Decide(Ledger ledger, OpenAccount command, DateTimeOffset at, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Id is not { Length: >= 2 and <= 64 } id || !id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            errors["id"] = ["Identifiant de 2 à 64 caractères : minuscules, chiffres et tirets."];
        var kind = command.Kind switch
        {
            "fund" => AccountKind.Fund, "council" => AccountKind.Council, "beneficiaries" => AccountKind.Beneficiaries, _ => (AccountKind?)null,
        };
        if (kind is null)
            errors["kind"] = ["Nature du compte : fund (fonds), council (conseil) ou beneficiaries (aides versées de l'entraide)."];
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > 200)
            errors["name"] = ["Libellé de 1 à 200 caractères."];
        if (command.Department is not null && !DepartmentCode.IsValid(command.Department))
            errors["department"] = ["Code de département inconnu."];
        if (command.Region is not null && !RegionCode.IsValid(command.Region))
            errors["region"] = ["Code de région inconnu."];
        if (command.Department is not null && command.Region is not null)
            errors["region"] = ["Un compte est celui d'un conseil départemental ou d'un conseil régional, pas des deux."];
        if (kind is AccountKind.Fund or AccountKind.Beneficiaries && (command.Department is not null || command.Region is not null))
            errors["kind"] = ["Un fonds, ou le compte des aides versées, est national : ni département ni région."];
        if (kind == AccountKind.Council && command.Department is null && command.Region is null)
            errors["department"] = ["Le compte d'un conseil nomme son département (ou sa région)."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        if (ledger.Accounts.TryGetValue(command.Id!, out var existing))
        {
            var different = existing.Kind != kind ? "kind" : existing.Name != command.Name ? "name"
                : existing.Department != command.Department ? "department" : existing.Region != command.Region ? "region" : null;
            return different is null
                ? new LedgerOutcome.Already()
                : new LedgerOutcome.Refused($"Le compte « {command.Id} » existe déjà avec un autre champ « {different} ».", "existe-avec-" + different, Field: different, Account: command.Id);
        }
        return new LedgerOutcome.Accepted(new AccountOpened(Ledger.SolidarityFund, command.Id!, kind!.Value, command.Name!,
            command.Department, command.Region, at, by));
    }
}
