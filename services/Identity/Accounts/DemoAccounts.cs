namespace Ordre.Identity.Accounts;

/// <summary>
/// Demonstration accounts (section "DemoAccounts", from Accounts/demo-accounts.json): one per kind of user, with
/// the claims the services' policies read, each role in two places so that jurisdiction can be shown. Loaded in demo
/// mode only (<see cref="Hosting.DemoMode"/>); real users come from the national providers.
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
    public const string Section = "DemoAccounts";

    public List<DemoAccount> Accounts { get; init; } = [];

    public DemoAccount? Find(string? userName, string? password) =>
        Accounts.FirstOrDefault(a => a.UserName == userName
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(a.Password), System.Text.Encoding.UTF8.GetBytes(password ?? "")));

    /// <summary>The account of this user name, without a password check (the authorization code already proved it).</summary>
    public DemoAccount? Named(string userName) => Accounts.FirstOrDefault(a => a.UserName == userName);
}
