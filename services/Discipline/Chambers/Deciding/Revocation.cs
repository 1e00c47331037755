using Marten;

namespace Ordre.Discipline.Chambers.Deciding;

/// <summary>
/// L.4124-6: a new ban (3° or 4°) for acts committed within 5 years of the notification of a suspended sanction may
/// make that suspended part enforceable; the first-instance and the national chamber apply the same rule.
/// </summary>
public static class Revocation
{
    /// <summary>The earlier case whose suspended part a decision would revoke, and whether another decision already revoked it.</summary>
    public static async Task<(ChamberCase? Earlier, bool AlreadyRevoked)> EarlierCaseAsync(IQuerySession session, Guid caseId, Guid? earlierId, CancellationToken ct)
    {
        if (earlierId is not { } wanted)
            return (null, false);
        var earlier = await session.LoadAsync<ChamberCase>(wanted, ct);
        var revoked = await session.Query<ChamberCase>().AnyAsync(c => c.Id != caseId && c.Decision!.RevokesSuspendedPartOf == wanted, ct);
        return (earlier, revoked);
    }

    /// <summary>The case and months revoked (none when the decision revokes nothing), or null when the revocation is refused.</summary>
    public static (Guid? Case, int Months)? Of(ChamberCase chamberCase, RenderDecision command, ChamberCase? earlier, bool alreadyRevoked) =>
        command.RevokeSuspendedPartOf is null ? (null, 0)
        : Refusal(chamberCase, command, earlier, alreadyRevoked) is null ? (earlier!.Id, earlier.Decision!.SuspendedMonths)
        : null;

    public static Outcome? Refusal(ChamberCase chamberCase, RenderDecision command, ChamberCase? earlier, bool alreadyRevoked)
    {
        if (command.RevokeSuspendedPartOf is null)
            return null;
        if (command.Outcome is not (DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan))
            return Outcome.Field("revokeSuspendedPartOf", "Seule une nouvelle interdiction (fonctions publiques ou exercice) peut révoquer un sursis.");
        if (command.ActsCommittedOn is not { } acts)
            return Outcome.Field("actsCommittedOn", "Indiquez la date des faits nouveaux.");
        if (earlier is null || earlier.Rpps != chamberCase.Rpps || earlier.Id == chamberCase.Id)
            return Outcome.Field("revokeSuspendedPartOf", "Aucune affaire antérieure de ce médecin ne porte ce numéro.");
        if (earlier is not { Status: CaseStatus.Final, Decision.SuspendedMonths: > 0, NotifiedOn: { } notified } || earlier.Cassation == CassationOutcome.Annulled)
            return Outcome.Field("revokeSuspendedPartOf", "L'affaire antérieure ne comporte pas de sanction définitive assortie du sursis.");
        if (earlier.Decision.Outcome != command.Outcome)
            return Outcome.Field("revokeSuspendedPartOf", "Le sursis révoqué doit assortir une sanction de même nature que la nouvelle.");
        if (alreadyRevoked)
            return Outcome.Field("revokeSuspendedPartOf", "Ce sursis a déjà été révoqué par une autre décision.");
        // The period in force when the suspended sanction was notified (L.4124-6: 5 years).
        return acts >= notified && acts <= DisciplineRules.Book.After(DisciplineRules.SursisRevocation, notified)
            ? null
            : Outcome.Field("actsCommittedOn", $"Le sursis ne peut être révoqué que pour des faits commis dans les {DisciplineRules.Book.Value(DisciplineRules.SursisRevocation, notified)} ans suivant la notification de la sanction ({notified:dd/MM/yyyy}).");
    }
}
