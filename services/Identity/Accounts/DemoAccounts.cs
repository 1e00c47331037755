namespace Ordre.Identity.Accounts;

/// <summary>
/// Demonstration accounts (section "DemoAccounts"): one per kind of user, with the claims the
/// services' policies read. Development only; real users come from the national providers.
/// </summary>
public sealed class DemoAccount
{
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public required string DisplayName { get; init; }
    public string[] Roles { get; init; } = [];
    public string? Department { get; init; }
    public string? Region { get; init; }
    public string? CompanyId { get; init; }
}

public sealed class DemoAccounts
{
    public List<DemoAccount> Accounts { get; init; } = [];

    public DemoAccount? Find(string? userName, string? password) =>
        Accounts.FirstOrDefault(a => a.UserName == userName
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(a.Password), System.Text.Encoding.UTF8.GetBytes(password ?? "")));
}
