using Ordre.Identity.Accounts;

namespace Ordre.Identity.Hosting;

/// <summary>
/// Whether demo data is asked for (DESIGN.md: "Demo identities and the password grant exist only where demo data is
/// asked for"): in Development, or where <c>Identity:Demo:Enabled=true</c> says so, and never in Production.
/// Only then are the demo accounts (Accounts/demo-accounts.json) loaded, the password grant registered and the
/// public demo client seeded.
/// </summary>
public static class DemoMode
{
    public const string EnabledKey = "Identity:Demo:Enabled";
    public const string AccountsFile = "Accounts/demo-accounts.json";

    /// <summary>Decides the mode and, in demo mode, loads the demo accounts. Throws <see cref="StartupRefused"/>.</summary>
    public static bool Resolve(IHostEnvironment environment, IConfigurationManager configuration)
    {
        var demo = configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();
        if (demo && environment.IsProduction())
            throw new StartupRefused(
                $"demo accounts and the password grant are forbidden in Production ({EnabledKey} is true). " +
                $"Remove {EnabledKey}, or run the demo in another environment (Development, or e.g. Demo with {EnabledKey}=true).");
        if (!demo && configuration.GetSection(DemoAccounts.Section).GetSection("Accounts").GetChildren().Any())
            throw new StartupRefused(
                $"demo accounts are configured (section '{DemoAccounts.Section}') but demo mode is off " +
                $"(environment {environment.EnvironmentName}, {EnabledKey} not true). Remove them from the configuration.");
        if (demo)
            configuration.AddJsonFile(AccountsFile, optional: false, reloadOnChange: false);
        return demo;
    }
}
