using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Register.Transfers;

/// <summary>The new department's council completed the transfer: the doctor is on its Tableau.</summary>
public sealed record TransferCompleted(Guid PractitionerId, string Rpps, string PreviousDepartment, string NewDepartment, DateOnly On, string By) : IChanges<Practitioner>;

public static class CompleteTransferEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, CouncilOfTheNewDepartment, entry => Decide(entry, today, user.Actor()), ct);
    }

    /// <summary>By the new council, while the transfer is pending (within its deadline: after it, the clock has refused it).</summary>
    public static Outcome Decide(Practitioner entry, DateOnly today, string by) =>
        entry is { Status: RegisterStatus.InTransfer, TransferTo: { } to }
            ? new Outcome.Accepted(new TransferCompleted(entry.Id, entry.Rpps, entry.Department, to, today, by))
            : new Outcome.NotAllowed("Aucun transfert n'est en cours pour ce médecin.");

    public static string? CouncilOfTheNewDepartment(Practitioner entry, ClaimsPrincipal user) =>
        user.IsInRole(Roles.DepartmentalCouncil)
        && entry.TransferTo is { } to && user.FindFirst(OrdreClaims.Department)?.Value == to
            ? null
            : "Seul le conseil départemental d'accueil achève un transfert.";
}
