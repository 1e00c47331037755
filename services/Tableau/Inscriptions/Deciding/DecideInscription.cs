using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ordre.ServiceDefaults.Auth;
using Ordre.Tableau.Identifiers;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.StrikingOff;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Tableau.Inscriptions.Deciding;

public enum InscriptionOutcome { Granted, Refused }

/// <summary>The body of POST /inscriptions/{id}/decision.</summary>
/// <param name="Outcome">Granted or Refused.</param>
/// <param name="Motives">Required when refused: the reasons given to the applicant.</param>
/// <param name="DecidedOn">Day of the decision (Europe/Paris); today when omitted.</param>
public sealed record DecideInscription(InscriptionOutcome? Outcome, IReadOnlyList<string>? Motives, DateOnly? DecidedOn);

public sealed record InscriptionDecisionRecorded(Guid Id, InscriptionStatus Status, long Version);

public static class DecideInscriptionEndpoint
{
    public static async Task<Results<Ok<InscriptionDecisionRecorded>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideInscription command, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        long? expectedVersion = null;
        if (ifMatch is not null)
        {
            if (!ETags.TryParse(ifMatch, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    { ["If-Match"] = ["L'en-tête If-Match doit contenir la version du dossier, par exemple \"1\"."] });
            expectedVersion = parsed;
        }

        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Inscription>(id, version, ct)
            : await session.Events.FetchForWriting<Inscription>(id, ct);
        if (stream.Aggregate is not { } inscription)
            return Problems.NotFound($"Aucun dossier d'inscription {id}.");
        if (user.FindFirst(OrdreClaims.Department)?.Value != inscription.Department)
            return Problems.Forbidden("Ce dossier relève d'un autre conseil départemental.");

        var today = ParisCalendar.Today(clock);
        var decision = Decide(inscription, command, today, user.FindFirst(OrdreClaims.Subject)?.Value ?? "inconnu");
        if (decision.Errors is { } errors)
            return TypedResults.ValidationProblem(errors, title: "Décision invalide");
        if (decision.Refusal is { } refusal)
            return Problems.Conflict(refusal);

        if (decision.Event is InscriptionGranted granted && await PutOnTheTableau(session, granted, ct) is { } refusal2)
            return Problems.Conflict(refusal2);
        stream.AppendOne(decision.Event!);
        if (decision.Event is InscriptionRefused)
            session.Delete<RppsClaim>(inscription.Rpps);
        await session.SaveChangesAsync(ct);

        var newVersion = (stream.StartingVersion ?? 0) + 1;
        http.Response.Headers.ETag = ETags.Format(newVersion);
        var status = decision.Event is InscriptionGranted ? InscriptionStatus.Granted : InscriptionStatus.Refused;
        return TypedResults.Ok(new InscriptionDecisionRecorded(id, status, newVersion));
    }

    /// <summary>
    /// Opens the doctor's register entry, or reopens it after an administrative striking-off, in the
    /// same transaction as the grant. Returns why not when the doctor cannot be registered.
    /// </summary>
    private static async Task<string?> PutOnTheTableau(IDocumentSession session, InscriptionGranted granted, CancellationToken ct)
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

    public sealed record Decision(object? Event, Dictionary<string, string[]>? Errors, string? Refusal);

    /// <summary>The rules of a council's decision on an inscription, as a pure function.</summary>
    public static Decision Decide(Inscription inscription, DecideInscription command, DateOnly today, string decidedBy)
    {
        var errors = new Dictionary<string, string[]>();
        var motives = (command.Motives ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        var decidedOn = command.DecidedOn ?? today;

        if (command.Outcome is null)
            errors["outcome"] = ["La décision doit être « Granted » (inscription accordée) ou « Refused » (refus motivé)."];
        if (command.Outcome == InscriptionOutcome.Refused && motives.Count == 0)
            errors["motives"] = ["Un refus d'inscription doit être motivé : indiquez au moins un motif."];
        if (decidedOn > today)
            errors["decidedOn"] = ["La date de décision ne peut pas être dans le futur."];
        else if (decidedOn < inscription.RequestedOn)
            errors["decidedOn"] = ["La date de décision ne peut pas précéder le dépôt du dossier."];
        if (errors.Count > 0)
            return new Decision(null, errors, null);

        if (inscription.Status != InscriptionStatus.Requested)
            return new Decision(null, null, $"Ce dossier a déjà été tranché ({Describe(inscription.Status)}).");

        object decided = command.Outcome == InscriptionOutcome.Granted
            ? new InscriptionGranted(inscription.Id, inscription.Rpps, inscription.Department, inscription.LastName,
                inscription.FirstName, inscription.Specialty, decidedOn, decidedBy)
            : new InscriptionRefused(inscription.Id, inscription.Rpps, inscription.Department, motives, decidedOn, decidedBy);
        return new Decision(decided, null, null);
    }

    private static string Describe(InscriptionStatus status) => status switch
    {
        InscriptionStatus.Granted => "inscription accordée",
        InscriptionStatus.Refused => "inscription refusée",
        _ => "en attente",
    };
}
