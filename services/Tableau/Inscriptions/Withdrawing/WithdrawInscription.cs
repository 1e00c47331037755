using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Inscriptions.Withdrawing;

/// <summary>MaterialError: a material inaccuracy or manifest error (L.4112-4); Illegal: an illegal registration (L.4112-1).</summary>
public enum WithdrawalGround { MaterialError, Illegal }

/// <summary>Body of POST /inscriptions/{id}/withdrawal: the ground (MaterialError when omitted) and what was found.</summary>
public sealed record WithdrawInscription([property: MaxText(TextLimits.Text)] string? Reason, WithdrawalGround? Ground = null);

/// <summary>The registration was annulled (withdrawn by the national council, or reversed on appeal): the doctor leaves the Tableau.</summary>
public sealed record InscriptionAnnulled(Guid InscriptionId, string Rpps, string Reason, DateOnly On, string By) : IChanges<Inscription>;

public static class WithdrawInscriptionEndpoint
{
    public static Task<Results<Ok<InscriptionChanged>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, WithdrawInscription command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = ParisCalendar.Today(clock);
        return InscriptionChange.Apply(id, user, session,
            (_, caller) => caller.IsInRole(Roles.NationalCouncil) ? null : "Seul le Conseil national retire une inscription.",
            d => Decide(d, command, today, user.Actor()), ct, LeaveTheTableau);
    }

    /// <summary>
    /// L.4112-4: an unappealed registration, within 3 months after the appeal deadline, for a material inaccuracy or a
    /// manifest error; otherwise (L.4112-1) only an illegal registration, within 4 months of its decision. With a reason.
    /// </summary>
    public static Outcome Decide(Inscription dossier, WithdrawInscription command, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Outcome.Field("reason", command.Ground == WithdrawalGround.Illegal
                ? "Indiquez l'illégalité qui motive le retrait."
                : "Indiquez l'inexactitude matérielle ou l'erreur manifeste qui motive le retrait.");
        if (command.Ground == WithdrawalGround.Illegal)
        {
            if (dossier.Status != InscriptionStatus.Granted || dossier.DecidedOn is not { } decidedOn)
                return new Outcome.NotAllowed("Seule une inscription accordée peut être retirée.");
            var illegalLastDay = TableauRules.Book.After(TableauRules.IllegalInscriptionWithdrawal, decidedOn);
            if (today > illegalLastDay)
                return new Outcome.NotAllowed($"Une inscription illégale ne peut être retirée que dans les 4 mois de la décision, soit jusqu'au {illegalLastDay:dd/MM/yyyy}.");
            return new Outcome.Accepted(new InscriptionAnnulled(dossier.Id, dossier.Rpps, $"Inscription illégale : {command.Reason.Trim()}", today, by));
        }
        if (dossier.Status != InscriptionStatus.Granted || dossier.AppealDeadline is not { } deadline)
            return new Outcome.NotAllowed("Seule une inscription accordée et notifiée peut être retirée.");
        if (dossier.Appeals.Count > 0)
            return new Outcome.NotAllowed("Cette inscription a fait l'objet d'un recours : elle ne peut être retirée.");
        var lastDay = InscriptionRules.WithdrawalLastDay(deadline);
        if (today <= deadline || today > lastDay)
            return new Outcome.NotAllowed($"Le retrait n'est possible qu'après la fin du délai de recours ({deadline:dd/MM/yyyy}) et jusqu'au {lastDay:dd/MM/yyyy}.");
        return new Outcome.Accepted(new InscriptionAnnulled(dossier.Id, dossier.Rpps, command.Reason.Trim(), today, by));
    }

    /// <summary>Strikes the doctor off in the same transaction when a registration is annulled.</summary>
    public static async Task<string?> LeaveTheTableau(IDocumentSession session, Inscription dossier, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.OfType<InscriptionAnnulled>().FirstOrDefault() is not { } annulled)
            return null;
        var entry = await session.Events.FetchForWriting<Practitioner>(PractitionerStream.IdOf(dossier.Rpps), ct);
        if (entry.Aggregate is { IsClosed: false })
            entry.AppendOne(new PractitionerStruckOff(entry.Id, dossier.Rpps, StrikingOffReason.InscriptionAnnulled, annulled.On, annulled.By));
        session.Delete<RppsClaim>(dossier.Rpps);
        return null;
    }
}
