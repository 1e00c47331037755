using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Ordre.Identity.Storage;

/// <summary>
/// Prepares the provider's database before the host starts: creates the tables, then loads the
/// signing and encryption keys, creating them on first start. Keeping keys in PostgreSQL means a
/// restart (or a second instance) issues tokens the services already trust.
/// </summary>
public static class IdentityStore
{
    public const string SigningPurpose = "signing";
    public const string EncryptionPurpose = "encryption";

    public static DbContextOptions<IdentityDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql(connectionString).UseOpenIddict().Options;

    public static async Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)> PrepareAsync(
        string connectionString, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = new IdentityDbContext(Options(connectionString));
        await CreateTablesAsync(db, ct);
        return (await LoadOrCreateAsync(db, SigningPurpose, clock, ct),
                await LoadOrCreateAsync(db, EncryptionPurpose, clock, ct));
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
