using System.Security.Claims;
using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Tableau;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.ServiceDefaults.Requests;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Discipline.Complaints.Registering;

/// <summary>
/// Body of POST /complaints. EmergencySuspension: the regional health agency refers a doctor it suspended in an
/// emergency (L.4113-14); the chamber then has 2 months.
/// </summary>
public sealed record RegisterComplaint(
    [property: MaxText(TextLimits.Code)] string? Rpps, Complainant? Complainant, [property: MaxItems(TextLimits.Items, TextLimits.Text)] IReadOnlyList<string>? Grounds, bool EmergencySuspension = false);

/// <summary><paramref name="DoctorName"/>: the names on the Tableau when the complaint was lodged (kept to pseudonymise case-law sheets).</summary>
public sealed record ComplaintRegistered(
    Guid ComplaintId, string Rpps, string Department, Complainant Complainant, IReadOnlyList<string> Grounds,
    DateOnly RegisteredOn, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn, string By, string? DoctorName = null, bool EmergencySuspension = false,
    DateOnly? EmergencyHearingDueOn = null)
    : IChanges<Complaint>;

public sealed record ComplaintCreated(Guid Id, DateOnly ConciliationDueOn, DateOnly TransmissionDueOn);

public static class RegisterComplaintEndpoint
{
    public static async Task<Results<Created<ComplaintCreated>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterComplaint request, ClaimsPrincipal user, HttpContext http, IDocumentSession session, PractitionerLookup.PractitionerLookupClient tableau,
        TimeProvider clock, CancellationToken ct)
    {
        // The doctor's department decides who may lodge: jurisdiction is checked before the rest of the body.
        var errors = Validate(request);
        if (errors.ContainsKey("rpps"))
            return TypedResults.ValidationProblem(errors, title: "Plainte invalide");

        PractitionerStatus doctor;
        try
        {
            doctor = await DoctorAsync(http, tableau, request.Rpps!, ct);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return TypedResults.Problem("Le Tableau ne répond pas : la plainte n'a pas été enregistrée, réessayez.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service indisponible");
        }
        if (OutsideJurisdiction(doctor, user) is { } outside)
            return Problems.OutsideJurisdiction(outside);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Plainte invalide");
        if (WhyNot(doctor) is { } refusal)
            return Problems.Unprocessable(refusal);
        if (request.EmergencySuspension && !doctor.IsUnderArsEmergencySuspension())
            return Problems.Unprocessable("Le Tableau ne porte aucune suspension d'urgence de l'ARS en cours pour ce médecin.");

        var today = ParisCalendar.Today(clock);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var registered = new ComplaintRegistered(id, request.Rpps!, doctor.Department,
            request.Complainant! with { Name = request.Complainant.Name.Trim() },
            [.. request.Grounds!.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim())],
            today, DisciplineRules.Book.After(DisciplineRules.Conciliation, today), DisciplineRules.Book.After(DisciplineRules.Transmission, today), user.Actor(),
            $"{doctor.FirstName} {doctor.LastName}".Trim(), request.EmergencySuspension,
            request.EmergencySuspension ? EmergencyHearingDue(doctor, today) : null);
        session.Events.StartStream<Complaint>(id, registered);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/complaints/{id}", new ComplaintCreated(id, registered.ConciliationDueOn, registered.TransmissionDueOn));
    }

    /// <summary>
    /// The Tableau's answer for the complained-of doctor, asked once per request: the jurisdiction check during
    /// authorization (ComplaintsModule) and the handler share it.
    /// </summary>
    public static async Task<PractitionerStatus> DoctorAsync(HttpContext http, PractitionerLookup.PractitionerLookupClient tableau, string rpps, CancellationToken ct)
    {
        if (http.Items[typeof(PractitionerStatus)] is PractitionerStatus known && known.Rpps == rpps)
            return known;
        var doctor = await tableau.GetStatusAsync(new PractitionerStatusRequest { Rpps = rpps }, cancellationToken: ct);
        http.Items[typeof(PractitionerStatus)] = doctor;
        return doctor;
    }

    /// <summary>
    /// L.4113-14: the DG ARS hears the doctor within 3 days of the suspension, whose first day the Tableau gives
    /// (<c>not_allowed_from</c>); the day the complaint is registered when the Tableau gives none.
    /// </summary>
    public static DateOnly EmergencyHearingDue(PractitionerStatus doctor, DateOnly today) =>
        DisciplineRules.Book.After(DisciplineRules.EmergencyHearing,
            DateOnly.TryParseExact(doctor.NotAllowedFrom, "yyyy-MM-dd", out var suspendedOn) && suspendedOn <= today ? suspendedOn : today);

    /// <summary>A complaint is lodged at the council of the department where the doctor is registered.</summary>
    public static string? OutsideJurisdiction(PractitionerStatus doctor, ClaimsPrincipal user) =>
        doctor.Known && !user.IsCouncilOf(doctor.Department)
            ? $"Une plainte se dépose auprès du conseil départemental où le médecin est inscrit ({doctor.Department})."
            : null;

    public static Dictionary<string, string[]> Validate(RegisterComplaint request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Rpps.IsValid(request.Rpps))
            errors["rpps"] = ["Le numéro RPPS du médecin mis en cause doit comporter 11 chiffres et une clé de contrôle valide."];
        if (request.Complainant is null || string.IsNullOrWhiteSpace(request.Complainant.Name) || request.Complainant.Name.Length > 200)
            errors["complainant"] = ["Indiquez le plaignant : sa qualité (Patient, InsuranceFund, Association, Doctor, Authority, Other) et son nom."];
        if (request.Grounds is null || !request.Grounds.Any(g => !string.IsNullOrWhiteSpace(g)))
            errors["grounds"] = ["Indiquez au moins un grief."];
        if (request.EmergencySuspension && request.Complainant?.Kind != ComplainantKind.Authority)
            errors["emergencySuspension"] = ["Seule l'autorité (le directeur général de l'ARS) saisit la chambre après une suspension d'urgence."];
        return errors;
    }

    /// <summary>Why no complaint can be lodged against this RPPS, from the Tableau's answer; null when it can.</summary>
    public static string? WhyNot(PractitionerStatus doctor) => doctor.Known
        ? doctor.RegisterStatusOf() switch
        {
            RegisterStatus.Deceased => "Le médecin mis en cause est décédé.",
            RegisterStatus.StruckOff => "Le médecin mis en cause a été radié du Tableau : la plainte ne peut être enregistrée.",
            _ => null,
        }
        : $"Le numéro RPPS {doctor.Rpps} ne correspond à aucun médecin inscrit au Tableau.";
}
