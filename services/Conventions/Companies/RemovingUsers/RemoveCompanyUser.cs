using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Companies.RemovingUsers;

public sealed record CompanyUserRemoved(Guid CompanyId, Guid UserId, string ClientId, DateOnly On, string By) : IChanges<Company>;

/// <summary>
/// DELETE /companies/{id}/users/{userId}: the administrator removes a user; the user's client is deleted at the identity
/// provider, so its next token request fails (a token already issued lives out its lifetime, 15 minutes at most).
/// </summary>
public static class RemoveCompanyUserEndpoint
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Guid userId, ClaimsPrincipal user, IDocumentSession session, IIdentityCompanyClients identity, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Company>(id, ct);
        if (stream.Aggregate is not { } company || !CompanyChange.MayAdminister(company, user))
            return CompanyChange.NotFound(id);
        switch (Decide(company, userId, ParisCalendar.Today(clock), user.Actor()))
        {
            case Outcome.NotAllowed { Reason: var reason } when reason == UnknownUser:
                return Problems.NotFound($"Aucun utilisateur {userId} dans ce compte.");
            case Outcome.NotAllowed notAllowed:
                return Problems.Conflict(notAllowed.Reason);
            case Outcome.Accepted accepted:
                if (accepted.Events.Length > 0)
                {
                    stream.AppendMany(accepted.Events);
                    await session.SaveChangesAsync(ct);
                }
                try
                {
                    // Also when the user was already removed: a retry after the provider failed deletes the client then.
                    await identity.DeleteAsync(company.Users.First(u => u.UserId == userId).ClientId, ct);
                }
                catch (Exception e) when (CompanyCredentials.IsProviderFailure(e) && !ct.IsCancellationRequested)
                {
                    return CompanyChange.ProviderUnavailable("Le fournisseur d'identité ne répond pas : l'utilisateur est retiré du compte, " +
                                                             "ses identifiants pas encore. Renvoyez la même requête dans quelques instants.");
                }
                return TypedResults.NoContent();
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    public const string UnknownUser = "unknown-user";

    /// <summary>A user of the account is removed once (again: nothing more); the administrator is not removed.</summary>
    public static Outcome Decide(Company company, Guid userId, DateOnly today, string by) =>
        company.Users.FirstOrDefault(u => u.UserId == userId) switch
        {
            null => new Outcome.NotAllowed(UnknownUser),
            { Administrator: true } => new Outcome.NotAllowed("L'administrateur du compte ne peut être retiré."),
            { Removed: true } => new Outcome.Accepted(),
            var removed => new Outcome.Accepted(new CompanyUserRemoved(company.Id, removed.UserId, removed.ClientId, today, by)),
        };
}
