using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;

namespace Ordre.Tableau.Inscriptions.Deciding;

public enum InscriptionOutcome { Granted, Refused }

/// <summary>The body of POST /inscriptions/{id}/decision.</summary>
/// <param name="Outcome">Granted or Refused.</param>
/// <param name="Motives">Required when refused: the reasons given to the applicant.</param>
/// <param name="DecidedOn">Day of the decision (Europe/Paris); today when omitted.</param>
/// <param name="TrainingObligations">When refused for incompetence: the training required before a new application.</param>
public sealed record DecideInscription(
    InscriptionOutcome? Outcome, [property: MaxItems(TextLimits.Items, TextLimits.Text)] IReadOnlyList<string>? Motives, DateOnly? DecidedOn,
    [property: MaxItems(TextLimits.Items, TextLimits.Text)] IReadOnlyList<string>? TrainingObligations = null);

public static class DecideInscriptionEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideInscription command, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        long? expectedVersion = null;
        if (ifMatch is not null)
        {
            if (!ETags.TryParse(ifMatch, out var parsed))
                return Task.FromResult<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>>(
                    TypedResults.ValidationProblem(new Dictionary<string, string[]>
                        { ["If-Match"] = ["L'en-tête If-Match doit contenir la version du dossier, par exemple \"1\"."] }));
            expectedVersion = parsed;
        }
        return InscriptionChange.Apply(id, user, session, InscriptionChange.CouncilOfTheDossier,
            dossier => Decide(dossier, command, today, user.Actor()), ct, Consequences, expectedVersion);
    }

    /// <summary>The rules of a council's decision on an inscription, as a pure function.</summary>
    public static Outcome Decide(Inscription dossier, DecideInscription command, DateOnly today, string decidedBy)
    {
        var errors = new Dictionary<string, string[]>();
        var motives = Clean(command.Motives);
        var decidedOn = command.DecidedOn ?? today;

        if (command.Outcome is null)
            errors["outcome"] = ["La décision doit être « Granted » (inscription accordée) ou « Refused » (refus motivé)."];
        if (command.Outcome == InscriptionOutcome.Refused && motives.Count == 0)
            errors["motives"] = ["Un refus d'inscription doit être motivé : indiquez au moins un motif."];
        if (decidedOn > today)
            errors["decidedOn"] = ["La date de décision ne peut pas être dans le futur."];
        else if (decidedOn < (dossier.CompletedOn ?? dossier.RequestedOn))
            errors["decidedOn"] = ["La date de décision ne peut pas précéder la date à laquelle le dossier est devenu complet."];
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        if (dossier.Status == InscriptionStatus.Incomplete)
            return new Outcome.NotAllowed("Le dossier est incomplet : il doit être complet avant toute décision.");
        if (dossier.Status != InscriptionStatus.Complete)
            return new Outcome.NotAllowed($"Ce dossier a déjà été tranché ({Describe(dossier.Status)}).");
        if (dossier.Expertise == ExpertiseState.Requested)
            return new Outcome.NotAllowed("Une expertise est en cours : le conseil statue au vu du rapport.");

        return new Outcome.Accepted(command.Outcome == InscriptionOutcome.Granted
            ? new InscriptionGranted(dossier.Id, dossier.Rpps, dossier.Department, dossier.LastName,
                dossier.FirstName, dossier.Specialty, decidedOn, decidedBy)
            : new InscriptionRefused(dossier.Id, dossier.Rpps, dossier.Department, motives, decidedOn, decidedBy, Clean(command.TrainingObligations)));
    }

    private static List<string> Clean(IReadOnlyList<string>? lines) =>
        [.. (lines ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim())];

    private static async Task<string?> Consequences(IDocumentSession session, Inscription dossier, IReadOnlyList<object> events, CancellationToken ct)
    {
        foreach (var e in events)
            switch (e)
            {
                case InscriptionGranted granted when await PutOnTheTableau(session, granted, ct) is { } refusal:
                    return refusal;
                case InscriptionRefused:
                    session.Delete<RppsClaim>(dossier.Rpps);
                    break;
            }
        return null;
    }

    /// <summary>
    /// Opens the doctor's register entry, or reopens it after a non-disciplinary striking-off, in the
    /// same transaction as the grant. Returns why not when the doctor cannot be registered.
    /// </summary>
    public static async Task<string?> PutOnTheTableau(IDocumentSession session, InscriptionGranted granted, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(granted.Rpps), ct);
        switch (entry.Aggregate)
        {
            case null:
                entry.AppendOne(new RegisteredOnTableau(entry.Id, granted.Rpps, granted.Department, granted.LastName,
                    granted.FirstName, granted.Specialty, granted.GrantedOn, granted.InscriptionId));
                return null;
            case { Status: RegisterStatus.StruckOff, StruckOffFor: not StrikingOffReason.Disciplinary }:
                entry.AppendOne(new Reregistered(entry.Id, granted.Rpps, granted.Department, granted.GrantedOn, granted.InscriptionId));
                return null;
            case { Status: RegisterStatus.StruckOff }:
                return "Ce médecin a été radié par une juridiction disciplinaire : il ne peut être inscrit à nouveau.";
            case { Status: RegisterStatus.Deceased }:
                return "Ce numéro RPPS est celui d'un médecin décédé.";
            default:
                return "Ce médecin est déjà inscrit au Tableau.";
        }
    }

    private static string Describe(InscriptionStatus status) => status switch
    {
        InscriptionStatus.Granted => "inscription accordée",
        InscriptionStatus.Refused => "inscription refusée",
        InscriptionStatus.ImplicitlyRejected => "rejet implicite",
        InscriptionStatus.Withdrawn => "inscription retirée",
        _ => "en cours",
    };
}
