using Marten;

namespace Ordre.Conventions.Companies;

/// <summary>The identity provider holds the person's credentials and they were handed over (once).</summary>
public sealed record CompanyCredentialsIssued(Guid CompanyId, Guid UserId, string ClientId, DateOnly On) : IChanges<Company>;

/// <summary>The credentials handed over once, in the answer that provisioned them.</summary>
public sealed record IssuedCredentials(Guid UserId, string ClientId, string ClientSecret);

public static class CredentialsIssuing
{
    /// <summary>
    /// Provisions <paramref name="user"/>'s client at the identity provider with a new secret (idempotent by client id),
    /// then records that the credentials were issued. Null when the provider failed: the caller answers 503, and the same
    /// request again provisions again (its event is already appended).
    /// </summary>
    public static async Task<IssuedCredentials?> IssueAsync(
        Company company, CompanyUser user, IIdentityCompanyClients identity, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var secret = CompanyCredentials.NewSecret();
        try
        {
            await identity.PutAsync(user.ClientId, CompanyCredentials.ClientFor(company, user, secret), ct);
        }
        catch (Exception e) when (CompanyCredentials.IsProviderFailure(e) && !ct.IsCancellationRequested)
        {
            return null;
        }
        session.Events.Append(company.Id, new CompanyCredentialsIssued(company.Id, user.UserId, user.ClientId, ParisCalendar.Today(clock)));
        await session.SaveChangesAsync(ct);
        return new IssuedCredentials(user.UserId, user.ClientId, secret);
    }

    public const string ProviderDown =
        "Le fournisseur d'identité ne répond pas : les identifiants n'ont pas été créés. Renvoyez la même requête dans quelques instants.";
}
