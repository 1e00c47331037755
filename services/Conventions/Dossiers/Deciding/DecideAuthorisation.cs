using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.Deciding;

/// <summary>Body of POST /dossiers/{id}/refusal: the reasons, required (R.1453-18).</summary>
public sealed record RefuseAuthorisation([property: MaxText(TextLimits.Text)] string? Reasons);

/// <summary><paramref name="Category"/>: the dossier's, repeated for the national figures (also on the refusal).</summary>
public sealed record AuthorisationGranted(Guid DossierId, DateOnly On, string By, ConventionCategory Category) : IChanges<Dossier>;

/// <summary><paramref name="AmendmentDueOn"/>: the last day the company may send an amended convention (none after a second refusal).</summary>
public sealed record AuthorisationRefused(Guid DossierId, string Reasons, DateOnly On, string By, ConventionCategory Category, DateOnly? AmendmentDueOn = null) : IChanges<Dossier>;

/// <summary>The national council's decision on an authorisation request: POST /dossiers/{id}/authorisation and /refusal.</summary>
public static class DecideAuthorisationEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Grant(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => DecideGrant(dossier, today, user.Actor()), ct);
    }

    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Refuse(
        Guid id, RefuseAuthorisation request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => DecideRefusal(dossier, request, today, user.Actor()), ct);
    }

    public static Outcome DecideGrant(Dossier dossier, DateOnly today, string by) =>
        WhyNoDecision(dossier, today) is { } why ? new Outcome.NotAllowed(why) : new Outcome.Accepted(new AuthorisationGranted(dossier.Id, today, by, dossier.Category));

    public static Outcome DecideRefusal(Dossier dossier, RefuseAuthorisation request, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(request.Reasons))
            return Outcome.Field("reasons", "Un refus est motivé : indiquez ses motifs.");
        return WhyNoDecision(dossier, today) is { } why
            ? new Outcome.NotAllowed(why)
            : new Outcome.Accepted(new AuthorisationRefused(dossier.Id, request.Reasons.Trim(), today, by, dossier.Category,
                dossier.Amended ? null : ConventionsRules.AmendedConventionDueOn(today)));
    }

    /// <summary>
    /// A decision is taken on an authorisation request under review, up to and including the last day to decide; from the
    /// next day silence has authorised it (L.1453-8), even before the clock's sweep records it.
    /// </summary>
    public static string? WhyNoDecision(Dossier dossier, DateOnly today) =>
        dossier.Regime != Regime.Authorisation ? "Une déclaration n'appelle pas de décision d'autorisation (une recommandation, au plus)."
        : dossier.Status == DossierStatus.AwaitingDocuments ? "Le dossier est incomplet : les pièces demandées n'ont pas été reçues."
        : dossier.Status != DossierStatus.UnderReview ? "Il a déjà été statué sur cette demande d'autorisation."
        : today > dossier.DecisionDueOn ? $"Le délai pour statuer a pris fin le {dossier.DecisionDueOn:dd/MM/yyyy} : le silence vaut autorisation."
        : null;
}
