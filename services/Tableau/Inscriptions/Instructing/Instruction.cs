using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Tableau.Inscriptions.Instructing;

/// <summary>The council asked for missing documents: the dossier is incomplete and the 3-month clock stops.</summary>
public sealed record DocumentsRequested(Guid InscriptionId, IReadOnlyList<string> Missing, DateOnly On, string By);

/// <summary>The dossier is complete: the council must decide by <paramref name="DecisionDueOn"/>, or its silence is a rejection.</summary>
public sealed record DossierCompleted(Guid InscriptionId, DateOnly On, bool InvestigationAbroad, DateOnly DecisionDueOn, string By);

public sealed record RapporteurAppointed(Guid InscriptionId, string Rapporteur, DateOnly On, string By);

/// <summary>On serious doubt about competence or health, the council refers the applicant to the regional council for an expertise (R.4112-2).</summary>
public sealed record ExpertiseRequested(Guid InscriptionId, string Reason, DateOnly On, string By);

public sealed record ExpertReportReceived(Guid InscriptionId, string Conclusion, DateOnly On, string By);

public sealed record RequestDocuments([property: MaxItems(TextLimits.Items, TextLimits.Line)] IReadOnlyList<string>? Missing);
public sealed record CompleteDossier(bool InvestigationAbroad);
public sealed record AppointRapporteur([property: MaxText(TextLimits.Name)] string? Rapporteur);
public sealed record RequestExpertise([property: MaxText(TextLimits.Text)] string? Reason);
public sealed record RecordExpertReport([property: MaxText(TextLimits.Text)] string? Conclusion);

/// <summary>The instruction of a dossier by its departmental council, before the decision.</summary>
public static class InstructionEndpoints
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> RequestDocuments(
        Guid id, RequestDocuments command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier,
            d => DecideDocuments(d, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CompleteDossier command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier,
            d => DecideCompletion(d, command, ParisCalendar.Today(clock), user.Actor()), ct);

    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> AppointRapporteur(
        Guid id, AppointRapporteur command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d =>
            string.IsNullOrWhiteSpace(command.Rapporteur) || command.Rapporteur.Length > 150
                ? Outcome.Field("rapporteur", "Indiquez le conseiller rapporteur (150 caractères au plus).")
                : d.IsDecided || d.Status == InscriptionStatus.Withdrawn
                    ? new Outcome.NotAllowed("Ce dossier a déjà été tranché.")
                    : new Outcome.Accepted(new RapporteurAppointed(d.Id, command.Rapporteur.Trim(), ParisCalendar.Today(clock), user.Actor())), ct);

    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> RequestExpertise(
        Guid id, RequestExpertise command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d =>
            string.IsNullOrWhiteSpace(command.Reason)
                ? Outcome.Field("reason", "Indiquez le doute sérieux qui justifie l'expertise.")
                : d.Status != InscriptionStatus.Complete || d.Expertise != ExpertiseState.None
                    ? new Outcome.NotAllowed("Une expertise se demande une fois, sur un dossier complet non encore tranché.")
                    : new Outcome.Accepted(new ExpertiseRequested(d.Id, command.Reason.Trim(), ParisCalendar.Today(clock), user.Actor())), ct);

    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> RecordExpertReport(
        Guid id, RecordExpertReport command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier, d =>
            string.IsNullOrWhiteSpace(command.Conclusion)
                ? Outcome.Field("conclusion", "Indiquez la conclusion du rapport d'expertise.")
                : d.Expertise != ExpertiseState.Requested
                    ? new Outcome.NotAllowed("Aucune expertise n'est en attente pour ce dossier.")
                    : new Outcome.Accepted(new ExpertReportReceived(d.Id, command.Conclusion.Trim(), ParisCalendar.Today(clock), user.Actor())), ct);

    public static Outcome DecideDocuments(Inscription dossier, RequestDocuments command, DateOnly today, string by)
    {
        var missing = (command.Missing ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (missing.Count == 0)
            return Outcome.Field("missing", "Indiquez au moins une pièce manquante.");
        if (dossier.Status is not (InscriptionStatus.Incomplete or InscriptionStatus.Complete))
            return new Outcome.NotAllowed("Ce dossier a déjà été tranché.");
        return new Outcome.Accepted(new DocumentsRequested(dossier.Id, missing, today, by));
    }

    public static Outcome DecideCompletion(Inscription dossier, CompleteDossier command, DateOnly today, string by) =>
        dossier.Status == InscriptionStatus.Incomplete
            ? new Outcome.Accepted(new DossierCompleted(dossier.Id, today, command.InvestigationAbroad,
                InscriptionRules.DecisionDue(today, command.InvestigationAbroad), by))
            : new Outcome.NotAllowed("Seul un dossier incomplet peut être déclaré complet.");
}
