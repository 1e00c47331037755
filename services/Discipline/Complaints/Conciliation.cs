using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Queries;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Complaints;

public sealed record AppointConciliators([property: MaxItems(TextLimits.Items, TextLimits.Name)] IReadOnlyList<string>? Conciliators);
public sealed record ConveneConciliation(DateOnly? MeetingOn);
public sealed record HoldConciliation(ConciliationOutcome? Outcome);
public sealed record ReferComplaint([property: MaxText(TextLimits.Code)] string? ToDepartment, [property: MaxText(TextLimits.Text)] string? Reason);
public sealed record TransmitComplaint([property: MaxText(TextLimits.Text)] string? Opinion, bool CouncilJoins);
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

    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Convene(
        Guid id, ConveneConciliation command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideConvening(c, command.MeetingOn, ParisCalendar.Today(clock), user.Actor()), ct);

    /// <summary>The complainant's recourse to the national council's president when the council did not transmit in 3 months.</summary>
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> ReportDefault(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideRecourse(c, ParisCalendar.Today(clock), user.Actor()), ct, Handler.NationalCouncil);

    /// <summary>The national council's president names another council when the complaint implicates a member of the first.</summary>
    public static Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Refer(
        Guid id, ReferComplaint command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Change(id, user, session, c => DecideReferral(c, command, ParisCalendar.Today(clock), user.Actor()), ct, Handler.NationalCouncil);

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
        Change(id, user, session, c => DecideTransmission(c, command, ParisCalendar.Today(clock), user.Actor(), Guid.CreateVersion7(clock.GetUtcNow()),
                byNationalCouncil: user.IsInRole(OrdreClaims.Roles.NationalCouncil)), ct, Handler.CouncilOrNationalCouncil,
            // The chamber's case opens in the same transaction as the transmission.
            (complaint, events) =>
            {
                if (events.OfType<ComplaintTransmittedToChamber>().SingleOrDefault() is { CaseId: { } caseId } sent)
                    session.Events.StartStream<Chambers.ChamberCase>(caseId, new Chambers.ChamberCaseRegistered(
                        caseId, complaint.Id, complaint.Rpps, complaint.Department, sent.On,
                        sent.On.AddMonths(complaint.EmergencySuspension ? Chambers.ChamberRules.EmergencyDecisionMonths : Chambers.ChamberRules.DecisionMonths),
                        complaint.EmergencySuspension));
            });

    /// <summary>R.4123-19: no conciliator may be implicated in the complaint (neither party).</summary>
    public static Outcome DecideConciliators(Complaint complaint, AppointConciliators command, DateOnly today, string by)
    {
        var names = (command.Conciliators ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (names.Count == 0)
            return Outcome.Field("conciliators", "Désignez au moins un conciliateur.");
        if (names.Any(n => IsParty(n, complaint)))
            return Outcome.Field("conciliators", "Un conciliateur ne peut être mis en cause dans la plainte.");
        return complaint.IsOpen
            ? new Outcome.Accepted(new ConciliatorsAppointed(complaint.Id, names, today, by))
            : new Outcome.NotAllowed("Cette plainte n'est plus en conciliation.");
    }

    /// <summary>L.4123-2: both parties are summoned within a month of the complaint (later is recorded, flagged late).</summary>
    public static Outcome DecideConvening(Complaint complaint, DateOnly? meetingOn, DateOnly today, string by)
    {
        if (meetingOn is not { } on || on < today)
            return Outcome.Field("meetingOn", "Indiquez la date, à venir, de la réunion de conciliation.");
        if (!complaint.IsOpen || complaint.ConciliationOutcome is not null)
            return new Outcome.NotAllowed("La conciliation de cette plainte a déjà eu lieu ou n'est plus possible.");
        return complaint.Conciliators.Count == 0
            ? new Outcome.NotAllowed("Désignez d'abord les conciliateurs.")
            : new Outcome.Accepted(new ConciliationConvened(complaint.Id, on, today, Late: today > complaint.ConciliationDueOn, by));
    }

    /// <summary>The complainant or the doctor complained about, whatever the title written before the name.</summary>
    private static bool IsParty(string conciliator, Complaint complaint)
    {
        static string Bare(string name) => System.Text.RegularExpressions.Regex.Replace(name.Trim(), @"^(Dr\.?|Docteur|Pr\.?|Professeur|M\.|Mme|Madame|Monsieur)\s+", "",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return string.Equals(Bare(conciliator), Bare(complaint.Complainant.Name), StringComparison.OrdinalIgnoreCase)
            || (complaint.DoctorName is { Length: > 0 } doctor && string.Equals(Bare(conciliator), Bare(doctor), StringComparison.OrdinalIgnoreCase));
    }

    public static Outcome DecideConciliation(Complaint complaint, HoldConciliation command, DateOnly today, string by)
    {
        if (command.Outcome is not { } outcome)
            return Outcome.Field("outcome", "Issue de la conciliation : Total, Partial, Failed ou Absent.");
        if (!complaint.IsOpen || complaint.ConciliationOutcome is not null)
            return new Outcome.NotAllowed("La conciliation de cette plainte a déjà eu lieu ou n'est plus possible.");
        if (complaint.ConciliationMeetingOn is not { } meeting)
            return new Outcome.NotAllowed("Convoquez d'abord les parties devant les conciliateurs.");
        return meeting > today
            ? new Outcome.NotAllowed($"La réunion de conciliation est prévue le {meeting:dd/MM/yyyy}.")
            : new Outcome.Accepted(new ConciliationHeld(complaint.Id, outcome, today, by));
    }

    public static Outcome DecideRecourse(Complaint complaint, DateOnly today, string by)
    {
        if (!complaint.IsOpen)
            return new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
        if (complaint.NationalTransmissionDueOn is not null)
            return new Outcome.NotAllowed("Le président du Conseil national est déjà saisi.");
        return complaint.TransmissionOverdue
            ? new Outcome.Accepted(new CouncilDefaultReported(complaint.Id, today, today.AddMonths(ComplaintRules.NationalTransmissionMonths), by))
            : new Outcome.NotAllowed($"Le conseil départemental a jusqu'au {complaint.TransmissionDueOn:dd/MM/yyyy} pour transmettre la plainte.");
    }

    public static Outcome DecideReferral(Complaint complaint, ReferComplaint command, DateOnly today, string by)
    {
        var to = command.ToDepartment?.Trim().ToUpperInvariant();
        if (to is null || !DepartmentCode.IsValid(to))
            return Outcome.Field("toDepartment", "Indiquez le département du conseil désigné (ex. 92, 2A, 971).");
        if (to == complaint.HandlingDepartment)
            return Outcome.Field("toDepartment", "Ce conseil traite déjà la plainte.");
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", "Indiquez le membre du conseil mis en cause.");
        return complaint.IsOpen
            ? new Outcome.Accepted(new ComplaintReferredToAnotherCouncil(complaint.Id, complaint.HandlingDepartment, to, command.Reason.Trim(), today, by))
            : new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
    }

    /// <summary>
    /// After a conciliation that did not settle everything, or directly for a complaint by an authority; or by the
    /// national council's president once seized by the complainant (within a month).
    /// </summary>
    public static Outcome DecideTransmission(Complaint complaint, TransmitComplaint command, DateOnly today, string by, Guid caseId, bool byNationalCouncil = false)
    {
        if (string.IsNullOrWhiteSpace(command.Opinion))
            return Outcome.Field("opinion", "La transmission à la chambre est accompagnée de l'avis motivé du conseil.");
        if (!complaint.IsOpen)
            return new Outcome.NotAllowed("Cette plainte a été conciliée, retirée ou déjà transmise.");
        if (byNationalCouncil)
            return complaint.NationalTransmissionDueOn is { } due
                ? new Outcome.Accepted(new ComplaintTransmittedToChamber(complaint.Id, command.Opinion.Trim(), command.CouncilJoins, today, Late: today > due, by, caseId))
                : new Outcome.NotAllowed("Le président du Conseil national transmet une plainte lorsque le plaignant l'a saisi de la carence du conseil départemental.");
        if (complaint.ConciliationOutcome is null && complaint.Complainant.Kind != ComplainantKind.Authority)
            return new Outcome.NotAllowed("La conciliation doit avoir eu lieu avant la transmission à la chambre.");
        return new Outcome.Accepted(new ComplaintTransmittedToChamber(complaint.Id, command.Opinion.Trim(), command.CouncilJoins, today,
            Late: today > complaint.TransmissionDueOn, by, caseId));
    }

    public static async Task<Results<Ok<Complaint>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Complaint>(id, ct) is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        if (OutsideJurisdiction(complaint, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        return Refusal(complaint, user, Handler.CouncilOrNationalCouncil) is { } refusal ? Problems.Forbidden(refusal) : TypedResults.Ok(complaint);
    }

    /// <summary>The complaints a council handles (the national council: all), newest first.</summary>
    public static async Task<Results<Ok<Paged<Complaint>>, ValidationProblem>> List(
        ClaimsPrincipal user, HttpContext http, IQuerySession session, CancellationToken ct, ComplaintStatus? status = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        var query = session.Query<Complaint>().AsQueryable();
        if (!user.IsInRole(OrdreClaims.Roles.NationalCouncil))
        {
            var department = user.FindFirst(OrdreClaims.Department)?.Value ?? "";
            query = query.Where(c => c.ReferredTo == department || (c.ReferredTo == null && c.Department == department));
        }
        if (status is { } wanted)
            query = query.Where(c => c.Status == wanted);
        var found = await query.ToPageAsync(q => q.OrderByDescending(c => c.RegisteredOn).ThenBy(c => c.Id), page, pageSize, ct);
        AuditSetup.Name(http, found.Items.Select(c => c.Id.ToString()));
        return TypedResults.Ok(found);
    }

    private enum Handler { Council, NationalCouncil, CouncilOrNationalCouncil }

    private static async Task<Results<Ok<ComplaintChanged>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, ClaimsPrincipal user, IDocumentSession session, Func<Complaint, Outcome> decide, CancellationToken ct,
        Handler who = Handler.Council, Action<Complaint, IReadOnlyList<object>>? alsoInTheSameTransaction = null)
    {
        var stream = await session.Events.FetchForWriting<Complaint>(id, ct);
        if (stream.Aggregate is not { } complaint)
            return Problems.NotFound($"Aucune plainte {id}.");
        if (OutsideJurisdiction(complaint, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (Refusal(complaint, user, who) is { } refusal)
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
        user.IsInRole(OrdreClaims.Roles.NationalCouncil) || user.IsCouncilOf(complaint.HandlingDepartment)
            ? null
            : "Cette plainte relève d'un autre conseil départemental.";

    /// <summary>Why this caller, within its jurisdiction, may not do this act: some acts are the national council's, others the departmental council's.</summary>
    private static string? Refusal(Complaint complaint, ClaimsPrincipal user, Handler who)
    {
        if (user.IsInRole(OrdreClaims.Roles.NationalCouncil))
            return who == Handler.Council ? "Cet acte relève du conseil départemental qui traite la plainte." : null;
        return who == Handler.NationalCouncil ? "Cet acte relève du président du Conseil national." : null;
    }
}
