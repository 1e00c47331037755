using Microsoft.EntityFrameworkCore;

namespace Ordre.Identity.Storage;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, plus the provider's keys.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<StoredKey> Keys => Set<StoredKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema("identity");
        builder.UseOpenIddict();
        builder.Entity<StoredKey>(key =>
        {
            key.ToTable("keys");
            key.HasKey(k => k.Purpose);
        });
    }
}

/// <summary>An RSA key of the provider, PEM-encoded (PKCS#8). One row per purpose.</summary>
public sealed class StoredKey
{
    public required string Purpose { get; init; }
    public required string Pem { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
