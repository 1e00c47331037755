using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Register.Transfers;

/// <summary>Body of POST /register/{rpps}/transfer: the department the doctor moves to.</summary>
public sealed record RequestTransfer([property: MaxText(TextLimits.Code)] string? ToDepartment);

/// <summary>
/// The doctor asked to leave the department's roll for another: hidden from the directory meanwhile. The new council
/// decides by <paramref name="DecisionDueOn"/> (3 months, R.4112-3; null in events recorded before the rule, read as 3 months).
/// </summary>
public sealed record TransferRequested(Guid PractitionerId, string Rpps, string FromDepartment, string ToDepartment, DateOnly On, string By, DateOnly? DecisionDueOn = null)
    : IChanges<Practitioner>;

public static class RequestTransferEndpoint
{
    public static Task<Results<Ok<RegisterEntryChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        string rpps, RequestTransfer command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return RegisterChange.Apply(rpps, user, session, RegisterChange.CouncilOfTheDepartment, entry => Decide(entry, command, today, user.Actor()), ct);
    }

    public static Outcome Decide(Practitioner entry, RequestTransfer command, DateOnly today, string by)
    {
        if (!DepartmentCode.IsValid(command.ToDepartment))
            return Outcome.Field("toDepartment", "Code de département inconnu (01 à 95 sauf 20, 2A, 2B, 971 à 974, 976).");
        if (command.ToDepartment == entry.Department)
            return Outcome.Field("toDepartment", "Le médecin est déjà inscrit dans ce département.");
        if (entry.Status != RegisterStatus.Registered)
            return new Outcome.NotAllowed("Un transfert ne se demande que pour un médecin inscrit, ni suspendu, ni déjà en transfert, ni radié.");
        return new Outcome.Accepted(new TransferRequested(entry.Id, entry.Rpps, entry.Department, command.ToDepartment!, today, by,
            TableauRules.Book.After(TableauRules.TransferDecision, today)));
    }
}
