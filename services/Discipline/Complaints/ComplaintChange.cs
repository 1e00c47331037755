using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;
using Ordre.Contracts.Access;

namespace Ordre.Discipline.Complaints;

public sealed record ComplaintChanged(Guid Id, ComplaintStatus Status, long Version, Guid? CaseId = null);

/// <summary>The write path every act on a complaint shares: load, check the council's jurisdiction and who acts, decide, append.</summary>
public static class ComplaintChange
{
    /// <summary>Who does an act: the departmental council handling the complaint, the national council's president, or either.</summary>
    public enum Handler { Council, NationalCouncil, CouncilOrNationalCouncil }

    public static async Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Func<Complaint, Outcome> decide, CancellationToken ct,
        Handler who = Handler.Council, Action<Complaint, IReadOnlyList<object>>? alsoInTheSameTransaction = null)
    {
        var stream = await session.Events.FetchForWriting<Complaint>(id, ct);
        if (stream.Aggregate is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        if (OutsideJurisdiction(complaint, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (Refusal(user, who) is { } refusal)
            return Problems.Forbidden(refusal);
        return await StreamChange.DecideAndAppend(stream, complaint, session, decide,
            (after, version) => new ComplaintChanged(id, after.Status, version, after.CaseId), ct,
            alsoInTheSameTransaction is null ? null : events =>
            {
                alsoInTheSameTransaction(complaint, events);
                return Task.FromResult<string?>(null);
            });
    }

    /// <summary>
    /// A complaint is in the jurisdiction of the council that handles it (after a referral, the other council) and of the
    /// national council. Asked during authorization (ComplaintsModule) and again by every handler.
    /// </summary>
    public static string? OutsideJurisdiction(Complaint complaint, ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalCouncil) || user.IsCouncilOf(complaint.HandlingDepartment)
            ? null
            : "Cette plainte relève d'un autre conseil départemental.";

    /// <summary>Why this caller, within its jurisdiction, may not do this act: some acts are the national council's, others the departmental council's.</summary>
    public static string? Refusal(ClaimsPrincipal user, Handler who)
    {
        if (user.IsInRole(Roles.NationalCouncil))
            return who == Handler.Council ? "Cet acte relève du conseil départemental qui traite la plainte." : null;
        return who == Handler.NationalCouncil ? "Cet acte relève du président du Conseil national." : null;
    }
}
