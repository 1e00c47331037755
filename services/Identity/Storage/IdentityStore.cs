using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Ordre.Identity.Tokens;

namespace Ordre.Identity.Storage;

/// <summary>
/// The provider's database before the host starts: creates the tables, tells whether a client may use the password
/// grant (the demo client), and in demo mode only keeps the signing and encryption keys, created on first start, so
/// that a restart (or a second instance) issues tokens the services already trust. Outside demo mode the keys come
/// from configuration (Keys/ConfiguredKeys.cs) and none is ever created here.
/// </summary>
public static class IdentityStore
{
    public const string SigningPurpose = "signing";
    public const string EncryptionPurpose = "encryption";

    public static DbContextOptions<IdentityDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql(connectionString).UseOpenIddict().Options;

    public static async Task CreateTablesAsync(string connectionString, CancellationToken ct = default)
    {
        await using var db = new IdentityDbContext(Options(connectionString));
        await CreateTablesAsync(db, ct);
    }

    /// <summary>The client ids of the registered clients allowed to use the password grant (the demo client).</summary>
    public static async Task<List<string>> PasswordGrantClientsAsync(string connectionString, CancellationToken ct = default)
    {
        await using var db = new IdentityDbContext(Options(connectionString));
        var permission = OpenIddictConstants.Permissions.GrantTypes.Password;
        return await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientId == ClientSeeder.DemoClientId || (a.Permissions != null && a.Permissions.Contains(permission)))
            .Select(a => a.ClientId ?? "?")
            .ToListAsync(ct);
    }

    /// <summary>The key kept in the database for a purpose, created on first use. Demo mode only.</summary>
    public static async Task<RsaSecurityKey> LoadOrCreateKeyAsync(string connectionString, string purpose, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = new IdentityDbContext(Options(connectionString));
        return await LoadOrCreateAsync(db, purpose, clock, ct);
    }

    private static async Task CreateTablesAsync(IdentityDbContext db, CancellationToken ct)
    {
        // EnsureCreated only looks at whether the database has tables; our schema is ours alone.
        var exists = await db.Database.SqlQueryRaw<bool>(
            "select exists (select 1 from information_schema.tables where table_schema = 'identity') as \"Value\"")
            .SingleAsync(ct);
        if (exists) return;
        var script = db.Database.GenerateCreateScript();
        try
        {
            await db.Database.ExecuteSqlRawAsync(script, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created them at the same moment.
        }
    }

    private static async Task<RsaSecurityKey> LoadOrCreateAsync(IdentityDbContext db, string purpose, TimeProvider clock, CancellationToken ct)
    {
        var stored = await db.Keys.AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose, ct);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"insert into identity.keys (\"Purpose\", \"Pem\", \"CreatedAt\") values ({purpose}, {rsa.ExportPkcs8PrivateKeyPem()}, {clock.GetUtcNow()}) on conflict do nothing", ct);
            stored = await db.Keys.AsNoTracking().SingleAsync(k => k.Purpose == purpose, ct);
        }
        var key = RSA.Create();
        key.ImportFromPem(stored.Pem);
        return new RsaSecurityKey(key) { KeyId = $"{purpose}-{stored.CreatedAt.ToUnixTimeSeconds()}" };
    }
}
