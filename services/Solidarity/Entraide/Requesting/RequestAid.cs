using System.Security.Claims;
using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Solidarity.Ledger;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Entraide.Requesting;

/// <summary>
/// Body of POST /aid-requests. <paramref name="Channel"/>: helpline, cdom or direct; <paramref name="Applicant"/>: doctor
/// (its <paramref name="Rpps"/>, checked on the Tableau, which gives the department) or family (no RPPS of its own; the
/// doctor's RPPS if known, and the <paramref name="Department"/> whose council follows the case). The applicant's name,
/// contact, situation and relationship are need-to-know. <paramref name="Id"/>: optional, chosen by the caller (a retry is safe).
/// </summary>
public sealed record RequestAid(string? Channel, string? Applicant, string? Rpps, string? Department, decimal AmountAsked,
    string? ApplicantName, string? Contact, string? Situation, string? Relationship = null, Guid? Id = null);

/// <summary>What the Tableau says of the doctor: known or not, and the department of its inscription.</summary>
public sealed record DoctorOnTableau(bool Known, string? Department);

public static class RequestAidEndpoint
{
    /// <summary>
    /// A departmental council files for a doctor of its department (403 otherwise); a member of the national commission
    /// files any request (helpline, direct) and is assigned to it. A doctor's RPPS is checked on the Tableau's lookup.
    /// </summary>
    public static async Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Handle(RequestAid command, ClaimsPrincipal user,
        PractitionerLookup.PractitionerLookupClient tableau, LedgerChange ledger, IQuerySession read, CancellationToken ct)
    {
        DoctorOnTableau? doctor = null;
        if (command.Rpps is { } rpps && Rpps.IsValid(rpps))
        {
            try
            {
                var request = new PractitionerStatusBatchRequest();
                request.Rpps.Add(rpps);
                var status = (await tableau.GetStatusesAsync(request, cancellationToken: ct)).Statuses.FirstOrDefault(s => s.Rpps == rpps);
                doctor = new DoctorOnTableau(status?.Known == true, status is { Known: true, Department.Length: > 0 } ? status.Department : null);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                return TypedResults.Problem("Le Tableau ne répond pas : la demande n'a pas été enregistrée, réessayez.", statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Service indisponible");
            }
        }
        return await Submit(command, user, doctor, ledger, read, ct);
    }

    /// <summary>The filing once the Tableau has answered (<paramref name="doctor"/>: null when no RPPS was given or it is malformed).</summary>
    public static async Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Submit(RequestAid command, ClaimsPrincipal user,
        DoctorOnTableau? doctor, LedgerChange ledger, IQuerySession read, CancellationToken ct)
    {
        Guid? id = null;
        var result = await ledger.Apply(async (session, _, at, token) =>
        {
            var outcome = Decide(command, doctor, user, at);
            if (outcome is not LedgerOutcome.Accepted { Events: [AidRequestReceived received] })
                return outcome;
            id = received.AidRequestId;
            if (command.Id is { } chosen && await session.LoadAsync<AidRequest>(chosen, token) is { } existing)
            {
                if (!EntraideAccess.Knows(existing, user))
                    return new LedgerOutcome.Refused($"La demande {chosen} existe déjà : choisissez un autre identifiant.", "existe-avec-champ-different", Field: "id");
                var different = existing.Channel != received.Channel ? "channel" : existing.Applicant != received.Applicant ? "applicant"
                    : existing.AmountAsked != received.AmountAsked ? "amountAsked" : existing.Department != received.Department ? "department"
                    : existing.Details != received.Details ? "details" : null;
                return different is null
                    ? new LedgerOutcome.Already()
                    : new LedgerOutcome.Refused($"La demande {chosen} existe déjà avec un autre champ « {different} ».", "existe-avec-champ-different", Field: different);
            }
            session.Events.StartStream<AidRequest>(received.AidRequestId, received);
            return new LedgerOutcome.Accepted();
        }, ct);
        if (result.Outcome is LedgerOutcome.Refused { Code: "hors-ressort" } refused)
            return Problems.OutsideJurisdiction(refused.Reason);
        var after = id is { } created && result.Outcome is LedgerOutcome.Accepted or LedgerOutcome.Already ? await read.LoadAsync<AidRequest>(created, ct) : null;
        return LedgerChange.Answer(result, _ => AidRequestView.Of(after!));
    }

    public static LedgerOutcome Decide(RequestAid command, DoctorOnTableau? doctor, ClaimsPrincipal user, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = command.Channel switch { "helpline" => AidChannel.Helpline, "cdom" => AidChannel.Cdom, "direct" => AidChannel.Direct, _ => (AidChannel?)null };
        if (channel is null)
            errors["channel"] = ["Canal : helpline (plateforme d'écoute), cdom (conseil départemental) ou direct."];
        var applicant = command.Applicant switch { "doctor" => AidApplicant.Doctor, "family" => AidApplicant.Family, _ => (AidApplicant?)null };
        if (applicant is null)
            errors["applicant"] = ["Demandeur : doctor (un médecin) ou family (un membre de sa famille)."];
        if (command.Rpps is not null && !Rpps.IsValid(command.Rpps))
            errors["rpps"] = ["RPPS invalide : 11 chiffres avec leur clé."];
        else if (applicant == AidApplicant.Doctor && command.Rpps is null)
            errors["rpps"] = ["Le RPPS du médecin demandeur est requis."];
        else if (command.Rpps is not null && doctor is { Known: false })
            errors["rpps"] = ["Ce RPPS n'est pas inscrit au Tableau."];
        if (command.Department is not null && !DepartmentCode.IsValid(command.Department))
            errors["department"] = ["Code de département inconnu."];
        var department = doctor?.Department ?? command.Department;
        if (department is null && !errors.ContainsKey("rpps") && !errors.ContainsKey("department"))
            errors["department"] = ["Le département du médecin est requis (le Tableau ne le connaît pas)."];
        if (Money.Invalid(command.AmountAsked) is { } wrong)
            errors["amountAsked"] = [wrong];
        if (string.IsNullOrWhiteSpace(command.ApplicantName) || command.ApplicantName.Length > 200)
            errors["applicantName"] = ["Nom du demandeur de 1 à 200 caractères."];
        if (command.Contact is { Length: > 200 })
            errors["contact"] = ["Coordonnées de 200 caractères au plus."];
        if (string.IsNullOrWhiteSpace(command.Situation) || command.Situation.Length > 4000)
            errors["situation"] = ["Situation de 1 à 4 000 caractères."];
        if (command.Relationship is { Length: > 100 })
            errors["relationship"] = ["Lien de parenté de 100 caractères au plus."];
        if (command.Id == Guid.Empty)
            errors["id"] = ["Identifiant non nul, ou absent."];
        if (errors.Count > 0)
            return new LedgerOutcome.Invalid(errors);
        if (user.IsInRole(Roles.DepartmentalCouncil) && !user.IsCouncilOf(department!))
            return new LedgerOutcome.Refused(Jurisdiction.OutsideJurisdiction(department!), "hors-ressort");
        string[] members = user.IsInRole(Roles.EntraideCommission) ? [user.Actor()] : [];
        return new LedgerOutcome.Accepted(new AidRequestReceived(command.Id ?? Guid.CreateVersion7(), channel!.Value, applicant!.Value, command.Rpps, department!,
            command.AmountAsked, new AidDetails(command.ApplicantName!, command.Contact, command.Situation!, command.Relationship), members,
            ParisCalendar.DayOf(at), at, user.Actor()));
    }
}
