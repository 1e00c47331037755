using Microsoft.IdentityModel.Tokens;
using Ordre.Identity.Keys;
using Ordre.Identity.Storage;
using Ordre.Identity.Tokens;

namespace Ordre.Identity.Hosting;

/// <summary>
/// What the provider may do in this environment, decided before the host starts: demo mode or not
/// (<see cref="DemoMode"/>), the access-token lifetime, and the signing and encryption keys. Anything unsafe for
/// the environment is a <see cref="StartupRefused"/>: demo accounts or the demo client outside demo mode, demo mode
/// in Production, no configured key outside demo mode (keys are never created silently there), a token lifetime
/// above <see cref="MaximumAccessTokenLifetime"/>.
/// </summary>
public sealed class ProviderSetup
{
    public const string AccessTokenLifetimeKey = "Identity:AccessTokenLifetime";
    public static readonly TimeSpan MaximumAccessTokenLifetime = TimeSpan.FromMinutes(15);

    public required bool Demo { get; init; }
    public required TimeSpan AccessTokenLifetime { get; init; }
    public required IReadOnlyList<SecurityKey> SigningKeys { get; init; }
    public required IReadOnlyList<SecurityKey> EncryptionKeys { get; init; }
    /// <summary>What the log should say about this setup (e.g. keys kept in PostgreSQL in demo mode).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static async Task<ProviderSetup> PrepareAsync(WebApplicationBuilder builder, string connectionString)
    {
        var configuration = builder.Configuration;
        var demo = DemoMode.Resolve(builder.Environment, configuration);
        var lifetime = AccessTokenLifetimeOf(configuration);
        var signing = ConfiguredKeys.Read(configuration, ConfiguredKeys.SigningKeysKey, signing: true);
        var encryption = ConfiguredKeys.Read(configuration, ConfiguredKeys.EncryptionKeysKey, signing: false);
        if (!demo && signing.Count == 0)
            throw new StartupRefused($"no signing key is configured ({ConfiguredKeys.SigningKeysKey}: a PEM file path, " +
                "a PEM or base64 secret). Outside demo mode the provider never creates keys itself (docs/security.md, \"Keys and secrets\").");
        if (!demo && encryption.Count == 0)
            throw new StartupRefused($"no encryption key is configured ({ConfiguredKeys.EncryptionKeysKey}: a PEM file path, " +
                "a PEM or base64 secret). Outside demo mode the provider never creates keys itself (docs/security.md, \"Keys and secrets\").");

        await IdentityStore.CreateTablesAsync(connectionString);
        var notes = new List<string>();
        if (!demo && await IdentityStore.PasswordGrantClientsAsync(connectionString) is [_, ..] clients)
            throw new StartupRefused($"the database holds client(s) allowed to use the password grant ({string.Join(", ", clients)}), " +
                "left by a demo run. Demo mode is off: delete them (identity.\"OpenIddictApplications\") or use a database of its own.");
        if (signing.Count == 0)
        {
            signing = [await IdentityStore.LoadOrCreateKeyAsync(connectionString, IdentityStore.SigningPurpose, TimeProvider.System)];
            notes.Add($"Demo mode: no {ConfiguredKeys.SigningKeysKey} configured, the signing key is kept in PostgreSQL (identity.keys).");
        }
        if (encryption.Count == 0)
        {
            encryption = [await IdentityStore.LoadOrCreateKeyAsync(connectionString, IdentityStore.EncryptionPurpose, TimeProvider.System)];
            notes.Add($"Demo mode: no {ConfiguredKeys.EncryptionKeysKey} configured, the encryption key is kept in PostgreSQL (identity.keys).");
        }
        return new ProviderSetup { Demo = demo, AccessTokenLifetime = lifetime, SigningKeys = signing, EncryptionKeys = encryption, Notes = notes };
    }

    /// <summary>
    /// The OpenIddict server as this setup allows: the password grant and the browser sign-in only in demo mode, the
    /// only mode with people's accounts (the demo accounts); services' client credentials always.
    /// </summary>
    public void Configure(OpenIddictServerBuilder server)
    {
        server.SetTokenEndpointUris("connect/token");
        server.AllowClientCredentialsFlow();
        if (Demo)
        {
            server.AllowPasswordFlow();
            // Browser clients (the national council's dashboard): authorization code with PKCE, S256 only (issue 14).
            server.SetAuthorizationEndpointUris("connect/authorize");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.Configure(options =>
            {
                options.CodeChallengeMethods.Clear();
                options.CodeChallengeMethods.Add(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Sha256);
            });
        }
        server.RegisterScopes(ClientSeeder.ApiScope);
        server.SetAccessTokenLifetime(AccessTokenLifetime);
        // The first key signs (or encrypts); the others are published in the JWKS during a rotation.
        server.AddSigningKeys(SigningKeys).AddEncryptionKeys(EncryptionKeys);
    }

    public void Log(ILogger logger)
    {
        logger.LogInformation("Identity provider: demo mode {Demo}, access tokens live {Lifetime}, signing key {KeyId}, {Published} key(s) published in the JWKS.",
            Demo ? "on (demo accounts, password grant, browser sign-in)" : "off", AccessTokenLifetime, SigningKeys[0].KeyId, SigningKeys.Count);
        foreach (var note in Notes)
            logger.LogWarning("{Note}", note);
    }

    private static TimeSpan AccessTokenLifetimeOf(IConfiguration configuration)
    {
        var raw = configuration[AccessTokenLifetimeKey];
        if (string.IsNullOrWhiteSpace(raw)) return MaximumAccessTokenLifetime;
        if (!TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var lifetime)
            || lifetime <= TimeSpan.Zero || lifetime > MaximumAccessTokenLifetime)
            throw new StartupRefused($"{AccessTokenLifetimeKey} must be a duration above zero and at most " +
                $"{MaximumAccessTokenLifetime:hh\\:mm\\:ss} (e.g. 00:10:00); it is '{raw}'.");
        return lifetime;
    }
}
