using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Complaints;

public sealed record AppointConciliators(IReadOnlyList<string>? Conciliators);
public sealed record HoldConciliation(ConciliationOutcome? Outcome);
public sealed record TransmitComplaint(string? Opinion, bool CouncilJoins);
public sealed record ComplaintChanged(Guid Id, ComplaintStatus Status, long Version, Guid? CaseId = null);

/// <summary>The departmental council's handling of a complaint, from acknowledgement to transmission.</summary>
public static class ConciliationEndpoints
{
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => c.Status == ComplaintStatus.Registered
            ? new Outcome.Accepted(new ComplaintAcknowledged(c.Id, ParisCalendar.Today(clock), user.Actor()))
            : new Outcome.NotAllowed("Cette plainte a déjà été enregistrée et accusée."), ct);

    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Appoint(
        Guid id, AppointConciliators command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideConciliators(c, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Hold(
        Guid id, HoldConciliation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideConciliation(c, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => c.IsOpen
            ? new Outcome.Accepted(new ComplaintWithdrawn(c.Id, ParisCalendar.Today(clock), user.Actor()))
            : new Outcome.NotAllowed("Une plainte conciliée, retirée ou transmise ne peut plus être retirée."), ct);

    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Transmit(
        Guid id, TransmitComplaint command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideTransmission(c, command, ParisCalendar.Today(clock), user.Actor(), Guid.CreateVersion7(clock.GetUtcNow())), ct,
            // The chamber's case opens in the same transaction as the transmission.
            (complaint, events) =>
            {
                if (events.OfType<ComplaintTransmittedToChamber>().SingleOrDefault() is { CaseId: { } caseId } sent)
                    session.Events.StartStream<Chambers.ChamberCase>(caseId, new Chambers.ChamberCaseRegistered(
                        caseId, complaint.Id, complaint.Rpps, complaint.Department, sent.On, sent.On.AddMonths(Chambers.ChamberRules.DecisionMonths)));
            });

    /// <summary>R.4123-19: no conciliator may be implicated in the complaint (neither party).</summary>
    public static Outcome DecideConciliators(Complaint complaint, AppointConciliators command, DateOnly today, string by)
    {
        var names = (command.Conciliators ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (names.Count == 0)
            return Outcome.Field("conciliators", "Désignez au moins un conciliateur.");
        if (names.Any(n => string.Equals(n, complaint.Complainant.Name, StringComparison.OrdinalIgnoreCase)))
            return Outcome.Field("conciliators", "Un conciliateur ne peut être mis en cause dans la plainte.");
        return complaint.IsOpen
            ? new Outcome.Accepted(new ConciliatorsAppointed(complaint.Id, names, today, by))
            : new Outcome.NotAllowed("Cette plainte n'est plus en conciliation.");
    }

    public static Outcome DecideConciliation(Complaint complaint, HoldConciliation command, DateOnly today, string by)
    {
        if (command.Outcome is not { } outcome)
            return Outcome.Field("outcome", "Issue de la conciliation : Total, Partial, Failed ou Absent.");
        if (!complaint.IsOpen || complaint.ConciliationOutcome is not null)
            return new Outcome.NotAllowed("La conciliation de cette plainte a déjà eu lieu ou n'est plus possible.");
        if (complaint.Conciliators.Count == 0)
            return new Outcome.NotAllowed("Désignez d'abord les conciliateurs.");
        return new Outcome.Accepted(new ConciliationHeld(complaint.Id, outcome, today, by));
    }

    /// <summary>After a conciliation that did not settle everything, or directly for a complaint by an authority.</summary>
    public static Outcome DecideTransmission(Complaint complaint, TransmitComplaint command, DateOnly today, string by, Guid caseId)
    {
        if (string.IsNullOrWhiteSpace(command.Opinion))
            return Outcome.Field("opinion", "La transmission à la chambre est accompagnée de l'avis motivé du conseil.");
        if (!complaint.IsOpen)
            return new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
        if (complaint.ConciliationOutcome is null && complaint.Complainant.Kind != ComplainantKind.Authority)
            return new Outcome.NotAllowed("La conciliation doit avoir eu lieu avant la transmission à la chambre.");
        return new Outcome.Accepted(new ComplaintTransmittedToChamber(complaint.Id, command.Opinion.Trim(), command.CouncilJoins, today,
            Late: today > complaint.TransmissionDueOn, by, caseId));
    }

    public static async Task<Results<Ok<Complaint>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Complaint>(id, ct) is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        return user.IsInRole(OrdreClaims.Roles.NationalCouncil) || CouncilOf(complaint, user) is null
            ? TypedResults.Ok(complaint)
            : Problems.Forbidden(CouncilOf(complaint, user)!);
    }

    private static async Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Func<Complaint, Outcome> decide, CancellationToken ct,
        Action<Complaint, IReadOnlyList<object>>? alsoInTheSameTransaction = null)
    {
        var stream = await session.Events.FetchForWriting<Complaint>(id, ct);
        if (stream.Aggregate is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        if (CouncilOf(complaint, user) is { } refusal)
            return Problems.Forbidden(refusal);
        return await StreamChange.DecideAndAppend(stream, complaint, session, decide, ComplaintRules.Evolve,
            (after, version) => new ComplaintChanged(id, after.Status, version, after.CaseId), ct,
            alsoInTheSameTransaction is null ? null : events =>
            {
                alsoInTheSameTransaction(complaint, events);
                return Task.FromResult<string?>(null);
            });
    }

    private static string? CouncilOf(Complaint complaint, ClaimsPrincipal user) =>
        user.IsInRole(OrdreClaims.Roles.DepartmentalCouncil) && user.FindFirst(OrdreClaims.Department)?.Value == complaint.Department
            ? null
            : "Cette plainte relève d'un autre conseil départemental.";
}
