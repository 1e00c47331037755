using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Solidarity.Ledger;

namespace Ordre.Solidarity.Entraide.Assigning;

/// <summary>Body of PUT /aid-requests/{id}/members: the national commission's members handling the case (their account names), 1 to 10.</summary>
public sealed record AssignMembers(IReadOnlyList<string>? Members);

public static class AssignMembersEndpoint
{
    public const int MaxMembers = 10;

    /// <summary>The national council names who handles the case: only they (and the doctor's council) will see its details.</summary>
    public static Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, AssignMembers command, ClaimsPrincipal user,
        LedgerChange ledger, IQuerySession read, CancellationToken ct) =>
        AidChange.Apply(id, user, EntraideAccess.Knows, ledger, read, (request, _, at) => Decide(request, command, at, user.Actor()), ct);

    public static LedgerOutcome Decide(AidRequest request, AssignMembers command, DateTimeOffset at, string by)
    {
        if (command.Members is not { Count: >= 1 and <= MaxMembers } members
            || members.Any(m => m is not { Length: >= 2 and <= 64 } || !m.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')))
            return LedgerOutcome.InvalidField("members", $"De 1 à {MaxMembers} membres de la commission nationale d'entraide, par leur identifiant de compte.");
        var distinct = members.Distinct(StringComparer.Ordinal).ToArray();
        if (request.Status is AidStatus.Refused or AidStatus.Paid)
            return new LedgerOutcome.Refused("La demande est close : ses membres ne changent plus.", "demande-close");
        return distinct.SequenceEqual(request.Members)
            ? new LedgerOutcome.Already()
            : new LedgerOutcome.Accepted(new AidMembersAssigned(request.Id, distinct, at, by));
    }
}
