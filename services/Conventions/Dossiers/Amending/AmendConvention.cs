using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.ServiceDefaults.Requests;

namespace Ordre.Conventions.Dossiers.Amending;

/// <summary>Body of POST /dossiers/{id}/amended-convention: the convention as amended after the refusal (its purpose and benefits).</summary>
public sealed record AmendConvention(
    [property: MaxText(TextLimits.Text)] string? Purpose, [property: System.ComponentModel.DataAnnotations.MaxLength(TextLimits.Items)] IReadOnlyList<BenefitRequest>? Benefits);

/// <summary>The amended convention received: the Ordre decides again by <paramref name="DecisionDueOn"/> (15 days, 1 week if urgent); silence authorises.</summary>
public sealed record AmendedConventionSubmitted(
    Guid DossierId, string Purpose, IReadOnlyList<Benefit> Benefits, DateOnly On, DateOnly DecisionDueOn, string By) : IChanges<Dossier>;

public static class AmendConventionEndpoint
{
    public static Task<Results<Ok<DossierChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AmendConvention request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return DossierChange.Apply(id, user, session, dossier => Decide(dossier, request, today, user.Actor()), ct);
    }

    /// <summary>R.1453-18: once, within 15 days of the refusal; the request stays an authorisation request.</summary>
    public static Outcome Decide(Dossier dossier, AmendConvention request, DateOnly today, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Purpose))
            errors["purpose"] = ["Indiquez l'objet précis de la convention modifiée."];
        SubmitDossierEndpoint.ValidateBenefits(request.Benefits, errors);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (dossier.Status != DossierStatus.Refused)
            return new Outcome.NotAllowed("Une convention modifiée répond à un refus d'autorisation.");
        if (dossier.AmendmentDueOn is not { } due)
            return new Outcome.NotAllowed("La convention a déjà été modifiée une fois après refus.");
        if (today > due)
            return new Outcome.NotAllowed($"Le délai de quinze jours pour envoyer une convention modifiée a pris fin le {due:dd/MM/yyyy}.");
        var benefits = request.Benefits!.Select(b => new Benefit(b.Nature!.Value, b.Description?.Trim() ?? "", b.Amount!.Value)).ToList();
        return new Outcome.Accepted(new AmendedConventionSubmitted(dossier.Id, request.Purpose!.Trim(), benefits, today,
            ConventionsRules.AmendedDecisionDueOn(today, dossier.Urgent && !dossier.UrgencyRejected), by));
    }
}
