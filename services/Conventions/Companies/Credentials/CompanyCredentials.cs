using System.Security.Cryptography;
using System.Text;
using Ordre.Contracts.Access;
using Refit;

namespace Ordre.Conventions.Companies;

/// <summary>What the identity provider keeps for a company's client: its secret, its company and its roles.</summary>
public sealed record CompanyClient(string Secret, string CompanyId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>The identity provider's internal endpoint for company clients (services/Identity, a service token only).</summary>
public interface IIdentityCompanyClients
{
    /// <summary>Creates or replaces the client (idempotent by client id).</summary>
    [Put("/company-clients/{clientId}")]
    Task PutAsync(string clientId, [Body] CompanyClient client, CancellationToken ct);

    /// <summary>Deletes the client; an unknown one is already deleted.</summary>
    [Delete("/company-clients/{clientId}")]
    Task DeleteAsync(string clientId, CancellationToken ct);
}

/// <summary>
/// The credentials of a company's people at the identity provider. The event is appended first, then the provider is
/// called: if it fails the caller gets 503 and the same request again provisions the same client (a PUT by client id,
/// with a new secret), so nothing is lost and no secret is ever stored here.
/// </summary>
public static class CompanyCredentials
{
    public const string ClientIdPrefix = "company-";

    public static string ClientIdOf(Guid userId) => ClientIdPrefix + userId.ToString("N");

    /// <summary>A random secret (256 bits), handed over once and kept only (hashed) by the identity provider.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A random one-time activation code (128 bits), of which the event keeps only the hash.</summary>
    public static string NewActivationCode() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string HashOf(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    public static bool Matches(string? code, string hash) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 100
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(code)), Encoding.ASCII.GetBytes(hash));

    public static CompanyClient ClientFor(Company company, CompanyUser user, string secret) => new(
        secret, company.Identifier, $"{company.LegalName} — {user.Name}",
        user.Administrator ? [Roles.Company, Roles.CompanyAdministrator] : [Roles.Company]);

    /// <summary>The provider did not answer or refused: nothing more to say than "try again".</summary>
    public static bool IsProviderFailure(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException };

    public static IServiceCollection AddCompanyCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceTokens();
        services.AddRefitGeneratedClient<IIdentityCompanyClients>()
            .ConfigureHttpClient(c =>
            {
                c.BaseAddress = new Uri(configuration["Identity:Authority"] ?? throw new InvalidOperationException("Configuration 'Identity:Authority' is required."));
                c.Timeout = TimeSpan.FromSeconds(10);
            })
            .AddHttpMessageHandler<ServiceTokenHandler>();
        return services;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
