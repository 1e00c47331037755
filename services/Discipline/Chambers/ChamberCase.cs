namespace Ordre.Discipline.Chambers;

/// <summary>Collegial decision or presidential order [S4: 238 collegial decisions, 88 orders].</summary>
public enum DecisionForm { Collegial, PresidentialOrder }

/// <summary>Dismissal or one of the five sanctions of L.4124-6.</summary>
public enum DecisionOutcome { Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan, StrikingOff }

public enum CaseStatus { Registered, Decided, Notified, Appealed, Final }

public enum AppealRuling { Confirmed, Replaced }

/// <summary>The Conseil d'État's outcome on a cassation appeal [S4: 61% not admitted, 5 annulled in 2019].</summary>
public enum CassationOutcome { NotAdmitted, Rejected, Annulled }

public sealed record Decision(DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly DecidedOn)
{
    /// <summary>L.4124-6-1: training the doctor must follow, when the case revealed a lack of competence.</summary>
    public bool TrainingOrdered { get; init; }
    /// <summary>L.4124-6: the earlier case whose suspended part this decision makes enforceable, and that part's months.</summary>
    public Guid? RevokesSuspendedPartOf { get; init; }
    public int RevokedMonths { get; init; }
}

public sealed record Hearing(DateOnly On, DateOnly? HeldOn);

/// <summary>
/// A case at the first-instance chamber, opened when a departmental council transmits a complaint. The decision
/// becomes final when the 30-day appeal window passes without an admissible appeal (raised by the clock).
/// </summary>
public sealed record ChamberCase(
    Guid Id, Guid ComplaintId, string Rpps, string Department, DateOnly RegisteredOn, DateOnly DecisionDueOn, CaseStatus Status)
{
    public Decision? Decision { get; init; }
    public DateOnly? NotifiedOn { get; init; }
    public DateOnly? AppealDeadline { get; init; }
    public bool AppealedAdmissibly { get; init; }
    /// <summary>L.4113-14: referred by the regional health agency after an emergency suspension; 2 months to decide, appeal not suspensive.</summary>
    public bool EmergencySuspension { get; init; }
    /// <summary>The ARS's emergency suspension lapsed for want of a decision in time (raised once).</summary>
    public bool EmergencyLapsed { get; init; }
    /// <summary>The first-instance sanction was published as enforceable on notification (an emergency case's appeal does not suspend it).</summary>
    public bool EnforcedPendingAppeal { get; init; }
    /// <summary>The id under which the Tableau knows the case's sanction: the case's, or the national chamber's replacement.</summary>
    public Guid SanctionId { get; init; } = Id;
    /// <summary>The day the decision became final (cassation may be lodged within 2 months of it).</summary>
    public DateOnly? FinalOn { get; init; }
    public DateOnly? CassationLodgedOn { get; init; }
    public CassationOutcome? Cassation { get; init; }
    /// <summary>The national chamber's decision on appeal (the case-law base publishes sheets of these).</summary>
    public DateOnly? NationalDecisionOn { get; init; }
    public string? Rapporteur { get; init; }
    public Hearing? Hearing { get; init; }
    /// <summary>The case was moved by the national chamber's president to the chamber of this region.</summary>
    public string? MovedToRegion { get; init; }
    /// <summary>The 6 months to decide have passed (L.4124-1): the national chamber's president may move the case.</summary>
    public bool DecisionOverdue { get; init; }

    /// <summary>The region whose first-instance chamber judges the case: the doctor's, unless the case was moved.</summary>
    public string Chamber => MovedToRegion ?? DepartmentCode.RegionOf(Department) ?? Department;

    /// <summary>The next day the clock acts on this case: the day after the appeal window, or after the 6 months to decide.</summary>
    public DateOnly? NextDeadline => Status switch
    {
        CaseStatus.Notified => AppealDeadline?.AddDays(1),
        CaseStatus.Registered when !DecisionOverdue => DecisionDueOn.AddDays(1),
        _ => null,
    };

    public static ChamberCase Create(ChamberCaseRegistered e) =>
        new(e.CaseId, e.ComplaintId, e.Rpps, e.Department, e.RegisteredOn, e.DecisionDueOn, CaseStatus.Registered) { EmergencySuspension = e.EmergencySuspension };

    public ChamberCase Apply(RapporteurAppointed e) => this with { Rapporteur = e.Rapporteur };
    public ChamberCase Apply(HearingScheduled e) => this with { Hearing = new Hearing(e.HearingOn, null) };
    public ChamberCase Apply(HearingHeld e) => this with { Hearing = new Hearing(e.On, e.On) };
    public ChamberCase Apply(DecisionDeadlinePassed e) => this with { DecisionOverdue = true };
    public ChamberCase Apply(CaseMovedToAnotherChamber e) => this with
    {
        MovedToRegion = e.ToRegion, DecisionOverdue = false, DecisionDueOn = e.DecisionDueOn, Rapporteur = null, Hearing = null,
    };

    public ChamberCase Apply(DecisionRendered e) => this with
    {
        Status = CaseStatus.Decided,
        Decision = new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On)
        {
            TrainingOrdered = e.TrainingOrdered, RevokesSuspendedPartOf = e.RevokesSuspendedPartOf, RevokedMonths = e.RevokedMonths,
        },
    };

    public ChamberCase Apply(CaseDecisionNotified e) => this with { Status = CaseStatus.Notified, NotifiedOn = e.On, AppealDeadline = e.AppealDeadline };

    public ChamberCase Apply(AppealToNationalChamberLodged e) =>
        e.Admissible ? this with { Status = CaseStatus.Appealed, AppealedAdmissibly = true } : this;

    public ChamberCase Apply(NationalChamberDecided e) => this with
    {
        NationalDecisionOn = e.On,
        Decision = e.Ruling == AppealRuling.Replaced
            ? new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On)
            {
                TrainingOrdered = e.TrainingOrdered, RevokesSuspendedPartOf = e.RevokesSuspendedPartOf, RevokedMonths = e.RevokedMonths,
            }
            : Decision,
    };

    public ChamberCase Apply(DecisionBecameFinal e) => this with { Status = CaseStatus.Final, FinalOn = e.On, SanctionId = e.SanctionId ?? SanctionId };
    public ChamberCase Apply(DecisionEnforceablePendingAppeal e) => this with { EnforcedPendingAppeal = true };
    public ChamberCase Apply(ProvisionalSanctionEnded e) => this with { EnforcedPendingAppeal = false };
    public ChamberCase Apply(EmergencyCaseUndecidedInTime e) => this with { EmergencyLapsed = true };

    public ChamberCase Apply(CassationAppealLodged e) => this with { CassationLodgedOn = e.LodgedOn };

    public ChamberCase Apply(CassationDecided e) => this with { Cassation = e.Outcome };
}

public sealed record ChamberCaseRegistered(
    Guid CaseId, Guid ComplaintId, string Rpps, string Department, DateOnly RegisteredOn, DateOnly DecisionDueOn, bool EmergencySuspension = false);

/// <summary>L.4113-14: in an emergency case the appeal does not suspend the first-instance sanction, enforceable from the day after notification.</summary>
public sealed record DecisionEnforceablePendingAppeal(Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths);

/// <summary>The national chamber replaced a first-instance sanction already enforced: that one ends (published as SanctionEnded).</summary>
public sealed record ProvisionalSanctionEnded(Guid CaseId, string Rpps, DateOnly On);

/// <summary>L.4113-14: the chamber did not rule within 2 months on an emergency case; the ARS's suspension lapses (published).</summary>
public sealed record EmergencyCaseUndecidedInTime(Guid CaseId, string Rpps, DateOnly DueOn, DateOnly On);

public sealed record RapporteurAppointed(Guid CaseId, string Rapporteur, DateOnly On, string By);

/// <summary>The hearing is set for <paramref name="HearingOn"/>, after the case's registration.</summary>
public sealed record HearingScheduled(Guid CaseId, DateOnly HearingOn, DateOnly On, string By);

public sealed record HearingHeld(Guid CaseId, DateOnly On, string By);

/// <summary>Raised by the clock: the first-instance chamber did not decide within 6 months (L.4124-1).</summary>
public sealed record DecisionDeadlinePassed(Guid CaseId, DateOnly DueOn, DateOnly On);

/// <summary>The national chamber's president moved an overdue case to another region's chamber, which has 6 new months.</summary>
public sealed record CaseMovedToAnotherChamber(Guid CaseId, string FromRegion, string ToRegion, DateOnly DecisionDueOn, DateOnly On, string By);

public sealed record DecisionRendered(
    Guid CaseId, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By,
    bool TrainingOrdered = false, Guid? RevokesSuspendedPartOf = null, int RevokedMonths = 0);

public sealed record CaseDecisionNotified(Guid CaseId, DateOnly On, DateOnly AppealDeadline, string By);

/// <summary>An appeal to the national chamber: registered even when late, then flagged inadmissible (DOMAIN §3.2).</summary>
public sealed record AppealToNationalChamberLodged(Guid CaseId, DateOnly LodgedOn, bool Admissible, string By);

/// <summary>A cassation appeal before the Conseil d'État, within 2 months of the final decision; it does not suspend the sanction.</summary>
public sealed record CassationAppealLodged(Guid CaseId, DateOnly LodgedOn, string By);

/// <summary>The Conseil d'État ruled; an annulment ends the sanction (published as SanctionEnded).</summary>
public sealed record CassationDecided(Guid CaseId, string Rpps, CassationOutcome Outcome, DateOnly On, string By, Guid? SanctionId = null);

/// <summary>The national chamber confirmed the first decision or replaced it; its decision is final (cassation does not suspend it).</summary>
public sealed record NationalChamberDecided(
    Guid CaseId, AppealRuling Ruling, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By,
    bool TrainingOrdered = false, Guid? RevokesSuspendedPartOf = null, int RevokedMonths = 0);

/// <summary>
/// The decision is final; for a sanction, it is enforceable from From to To (the ban's last day, after its suspended
/// part), R.4126-30. SanctionId: when the national chamber replaced a sanction already enforced, the new sanction's own
/// id. AlreadyEnforced: the same sanction was published on notification (an emergency case); nothing more to publish.
/// </summary>
public sealed record DecisionBecameFinal(
    Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths,
    Guid? SanctionId = null, bool AlreadyEnforced = false);

public static class ChamberRules
{
    /// <summary>L.4124-6 4°: a temporary ban on practising is at most 3 years.</summary>
    public const int MaxBanMonths = 36;
    /// <summary>(A) The code sets no limit to a temporary ban from public functions; 10 years keeps dates sane.</summary>
    public const int MaxPublicFunctionsBanMonths = 120;
    /// <summary>(A) How far a decision may defer its sanction's start.</summary>
    public const int MaxDeferralYears = 5;
    /// <summary>R.4126-44: 30 days to appeal to the national chamber.</summary>
    public const int AppealDays = 30;
    /// <summary>L.4124-1 (K): the first-instance chamber decides within 6 months.</summary>
    public const int DecisionMonths = 6;
    /// <summary>L.4113-14: on a case referred after an ARS emergency suspension, 2 months, else the suspension lapses.</summary>
    public const int EmergencyDecisionMonths = 2;

    /// <summary>The id of the sanction a national decision puts in place of a first-instance one already enforced.</summary>
    public static Guid ReplacementSanctionId(Guid caseId)
    {
        var bytes = caseId.ToByteArray();
        bytes[0] ^= 0xFF; // deterministic and distinct from the case id; the Tableau keys sanctions by id
        return new Guid(bytes);
    }


    public static Outcome AppointRapporteur(ChamberCase chamberCase, string? rapporteur, DateOnly today, string by)
    {
        if (string.IsNullOrWhiteSpace(rapporteur) || rapporteur.Length > 200)
            return Outcome.Field("rapporteur", "Nommez le rapporteur.");
        return chamberCase.Status == CaseStatus.Registered
            ? new Outcome.Accepted(new RapporteurAppointed(chamberCase.Id, rapporteur.Trim(), today, by))
            : new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
    }

    /// <summary>DOMAIN §3.2: a hearing is set after the case's registration, once a rapporteur is appointed.</summary>
    public static Outcome ScheduleHearing(ChamberCase chamberCase, DateOnly? hearingOn, DateOnly today, string by)
    {
        if (hearingOn is not { } on || on <= chamberCase.RegisteredOn || on < today)
            return Outcome.Field("hearingOn", "L'audience se tient après l'enregistrement de l'affaire, à une date à venir.");
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        return chamberCase.Rapporteur is null
            ? new Outcome.NotAllowed("Désignez d'abord un rapporteur.")
            : new Outcome.Accepted(new HearingScheduled(chamberCase.Id, on, today, by));
    }

    public static Outcome HoldHearing(ChamberCase chamberCase, DateOnly today, string by) => chamberCase switch
    {
        { Status: not CaseStatus.Registered } => new Outcome.NotAllowed("Cette affaire a déjà été jugée."),
        { Hearing: null } => new Outcome.NotAllowed("Aucune audience n'est prévue."),
        { Hearing.HeldOn: not null } => new Outcome.NotAllowed("L'audience a déjà eu lieu."),
        { Hearing.On: var on } when on > today => new Outcome.NotAllowed($"L'audience est prévue le {on:dd/MM/yyyy}."),
        _ => new Outcome.Accepted(new HearingHeld(chamberCase.Id, today, by)),
    };

    /// <summary>
    /// The first-instance decision: a collegial decision comes after the hearing, a presidential order needs none.
    /// <paramref name="earlier"/> is the case named by <see cref="RenderDecision.RevokeSuspendedPartOf"/>, if any.
    /// </summary>
    public static Outcome Decide(ChamberCase chamberCase, RenderDecision command, DateOnly today, string by, ChamberCase? earlier = null, bool earlierAlreadyRevoked = false)
    {
        if (Validate(command, today) is { } invalid)
            return invalid;
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        if (command.Form == DecisionForm.Collegial && chamberCase.Hearing?.HeldOn is null)
            return new Outcome.NotAllowed("Une décision collégiale est rendue après l'audience : tenez d'abord l'audience.");
        if (Revocation(chamberCase, command, earlier, earlierAlreadyRevoked) is not (var revokes, var revokedMonths))
            return RevocationRefusal(chamberCase, command, earlier, earlierAlreadyRevoked)!;
        return new Outcome.Accepted(new DecisionRendered(chamberCase.Id, command.Form!.Value, command.Outcome!.Value,
            command.BanMonths ?? 0, command.SuspendedMonths ?? 0, command.From, today, by, command.TrainingOrdered ?? false, revokes, revokedMonths));
    }

    /// <summary>L.4124-6: a new ban (3° or 4°) for acts committed within 5 years of the notification of a suspended sanction may make that suspended part enforceable.</summary>
    public const int RevocationYears = 5;

    private static (Guid? Case, int Months)? Revocation(ChamberCase chamberCase, RenderDecision command, ChamberCase? earlier, bool alreadyRevoked) =>
        command.RevokeSuspendedPartOf is null ? (null, 0)
        : RevocationRefusal(chamberCase, command, earlier, alreadyRevoked) is null ? (earlier!.Id, earlier.Decision!.SuspendedMonths)
        : null;

    private static Outcome? RevocationRefusal(ChamberCase chamberCase, RenderDecision command, ChamberCase? earlier, bool alreadyRevoked)
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
        return acts >= notified && acts <= notified.AddYears(RevocationYears)
            ? null
            : Outcome.Field("actsCommittedOn", $"Le sursis ne peut être révoqué que pour des faits commis dans les {RevocationYears} ans suivant la notification de la sanction ({notified:dd/MM/yyyy}).");
    }

    /// <summary>
    /// L.4124-1: after 6 months without a decision, the national chamber's president may move the case to another
    /// region's first-instance chamber, which then has 6 months of its own.
    /// </summary>
    public static Outcome Move(ChamberCase chamberCase, string? toRegion, DateOnly today, string by)
    {
        if (toRegion is null || !RegionCode.All.Contains(toRegion))
            return Outcome.Field("toRegion", $"Région de la chambre : {string.Join(", ", RegionCode.All)}.");
        if (toRegion == chamberCase.Chamber)
            return Outcome.Field("toRegion", "L'affaire est déjà devant cette chambre.");
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        return chamberCase.DecisionOverdue
            ? new Outcome.Accepted(new CaseMovedToAnotherChamber(chamberCase.Id, chamberCase.Chamber, toRegion, today.AddMonths(DecisionMonths), today, by))
            : new Outcome.NotAllowed($"La chambre a jusqu'au {chamberCase.DecisionDueOn:dd/MM/yyyy} pour statuer ; l'affaire ne peut être dépaysée avant.");
    }

    /// <summary>
    /// The national chamber rules on an admissible appeal: it confirms the decision or replaces it. Its decision is
    /// final at once (a cassation appeal does not suspend it), so the sanction becomes enforceable.
    /// </summary>
    public static Outcome DecideAppeal(ChamberCase chamberCase, DecideNationalAppeal command, DateOnly today, string by, ChamberCase? earlier = null, bool earlierAlreadyRevoked = false)
    {
        if (command.Ruling is not { } ruling)
            return Outcome.Field("ruling", "Confirmed (la décision est confirmée) ou Replaced (une nouvelle décision la remplace).");
        if (ruling == AppealRuling.Replaced && (command.Decision is null || Validate(command.Decision, today) is not null))
            return Validate(command.Decision ?? new RenderDecision(null, null, null, null, null), today)!;
        if (chamberCase is not { Status: CaseStatus.Appealed, Decision: { } first })
            return new Outcome.NotAllowed("Aucun appel recevable n'est pendant devant la chambre nationale.");
        var d = command.Decision;
        NationalChamberDecided decided;
        if (ruling == AppealRuling.Replaced)
        {
            if (Revocation(chamberCase, d!, earlier, earlierAlreadyRevoked) is not (var revokes, var revokedMonths))
                return RevocationRefusal(chamberCase, d!, earlier, earlierAlreadyRevoked)!;
            decided = new NationalChamberDecided(chamberCase.Id, ruling, d!.Form!.Value, d.Outcome!.Value, d.BanMonths ?? 0, d.SuspendedMonths ?? 0,
                d.From, today, by, d.TrainingOrdered ?? false, revokes, revokedMonths);
        }
        else
            decided = new NationalChamberDecided(chamberCase.Id, ruling, first.Form, first.Outcome, first.BanMonths, first.SuspendedMonths, first.From,
                today, by, first.TrainingOrdered, first.RevokesSuspendedPartOf, first.RevokedMonths);
        var (from, to) = Enforcement(decided.Outcome, decided.BanMonths, decided.SuspendedMonths, decided.From, finalOn: today, decided.RevokedMonths);
        if (!chamberCase.EnforcedPendingAppeal)
            return new Outcome.Accepted(decided,
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths));
        // An emergency case whose first sanction already runs: confirmed, it simply stays; replaced, it ends and the new one starts.
        return ruling == AppealRuling.Confirmed
            ? new Outcome.Accepted(decided,
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths, AlreadyEnforced: true))
            : new Outcome.Accepted(decided, new ProvisionalSanctionEnded(chamberCase.Id, chamberCase.Rpps, today),
                new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths,
                    SanctionId: ReplacementSanctionId(chamberCase.Id)));
    }

    private static Outcome.Invalid? Validate(RenderDecision command, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Form is null)
            errors["form"] = ["Collegial ou PresidentialOrder."];
        if (command.Outcome is not { } outcome)
            return new Outcome.Invalid(new(errors) { ["outcome"] = ["Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan ou StrikingOff."] });
        var months = command.BanMonths ?? 0;
        var suspended = command.SuspendedMonths ?? 0;
        if (outcome is DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan)
        {
            if (outcome == DecisionOutcome.PracticeBan && months is < 1 or > MaxBanMonths)
                errors["banMonths"] = [$"L'interdiction d'exercer est temporaire : de 1 à {MaxBanMonths} mois."];
            if (outcome == DecisionOutcome.PublicFunctionsBan && months is < 0 or > MaxPublicFunctionsBanMonths)
                errors["banMonths"] = [$"Interdiction de fonctions publiques : de 0 (définitive) à {MaxPublicFunctionsBanMonths} mois."];
            if (suspended < 0 || suspended > months)
                errors["suspendedMonths"] = ["La partie assortie du sursis ne peut dépasser la durée de l'interdiction."];
        }
        else if (months != 0 || suspended != 0)
            errors["banMonths"] = ["Seule une interdiction a une durée et un sursis."];
        if (command.From is { } from && (from < today || from > today.AddYears(MaxDeferralYears)))
            errors["from"] = [$"La date d'effet suit la décision, de {MaxDeferralYears} ans au plus."];
        return errors.Count > 0 ? new Outcome.Invalid(errors) : null;
    }

    /// <summary>
    /// R.4126-30: the sanction runs from the date the decision fixed, or the day after it became final; a ban lasts
    /// its months less the part under sursis (none to enforce when all of it is suspended).
    /// </summary>
    public static (DateOnly From, DateOnly? To) Enforcement(
        DecisionOutcome outcome, int banMonths, int suspendedMonths, DateOnly? fixedFrom, DateOnly finalOn, int revokedMonths = 0)
    {
        var from = fixedFrom is { } fixedDay && fixedDay > finalOn ? fixedDay : finalOn.AddDays(1);
        // A revoked suspended part of an earlier sanction runs on after the new ban.
        var enforcedMonths = banMonths - suspendedMonths + revokedMonths;
        DateOnly? to = outcome is DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan && enforcedMonths > 0
            ? from.AddMonths(enforcedMonths).AddDays(-1)
            : null;
        return (from, to);
    }

    /// <summary>Opens the appeal window; in an emergency case the sanction is enforceable at once, the appeal not suspending it (L.4113-14).</summary>
    public static Outcome Notify(ChamberCase chamberCase, DateOnly today, string by)
    {
        if (chamberCase is not { Status: CaseStatus.Decided, Decision: { } decision })
            return new Outcome.NotAllowed("Seule une décision rendue et non encore notifiée se notifie.");
        var notified = new CaseDecisionNotified(chamberCase.Id, today, today.AddDays(AppealDays), by);
        // A striking-off cannot be undone on the Tableau if the appeal replaces it: it waits for finality.
        if (!chamberCase.EmergencySuspension || decision.Outcome == DecisionOutcome.StrikingOff)
            return new Outcome.Accepted(notified);
        var (from, to) = Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn: today, decision.RevokedMonths);
        return new Outcome.Accepted(notified,
            new DecisionEnforceablePendingAppeal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, today, from, to, decision.SuspendedMonths));
    }

    public static Outcome LodgeAppeal(ChamberCase chamberCase, DateOnly lodgedOn, string by) => chamberCase.Status switch
    {
        CaseStatus.Notified or CaseStatus.Final when chamberCase.AppealDeadline is { } deadline =>
            new Outcome.Accepted(new AppealToNationalChamberLodged(chamberCase.Id, lodgedOn, Admissible: lodgedOn <= deadline, by)),
        _ => new Outcome.NotAllowed("Aucune décision notifiée n'est susceptible d'appel dans cette affaire."),
    };

    /// <summary>R.4126-48: cassation within 2 months of the final decision.</summary>
    public const int CassationMonths = 2;

    public static Outcome LodgeCassation(ChamberCase chamberCase, DateOnly lodgedOn, string by)
    {
        if (chamberCase is not { Status: CaseStatus.Final, FinalOn: { } finalOn })
            return new Outcome.NotAllowed("Seule une décision définitive peut faire l'objet d'un pourvoi en cassation.");
        if (chamberCase.CassationLodgedOn is not null)
            return new Outcome.NotAllowed("Un pourvoi a déjà été formé.");
        if (lodgedOn > finalOn.AddMonths(CassationMonths))
            return new Outcome.NotAllowed($"Le délai de pourvoi de {CassationMonths} mois a expiré le {finalOn.AddMonths(CassationMonths):dd/MM/yyyy}.");
        return new Outcome.Accepted(new CassationAppealLodged(chamberCase.Id, lodgedOn, by));
    }

    public static Outcome DecideCassation(ChamberCase chamberCase, CassationOutcome? outcome, DateOnly today, string by)
    {
        if (outcome is not { } ruling)
            return Outcome.Field("outcome", "NotAdmitted, Rejected ou Annulled.");
        if (chamberCase.CassationLodgedOn is null || chamberCase.Cassation is not null)
            return new Outcome.NotAllowed("Aucun pourvoi n'est pendant dans cette affaire.");
        return new Outcome.Accepted(new CassationDecided(chamberCase.Id, chamberCase.Rpps, ruling, today, by, chamberCase.SanctionId));
    }

    /// <summary>
    /// What the clock does on <paramref name="today"/>: the 6 months to decide run out; the decision becomes final
    /// after an unappealed window.
    /// </summary>
    public static IReadOnlyList<object> DueOn(ChamberCase chamberCase, DateOnly today)
    {
        if (chamberCase is { Status: CaseStatus.Registered, DecisionOverdue: false } && today > chamberCase.DecisionDueOn)
            return chamberCase is { EmergencySuspension: true, EmergencyLapsed: false }
                ? [new DecisionDeadlinePassed(chamberCase.Id, chamberCase.DecisionDueOn, today),
                    new EmergencyCaseUndecidedInTime(chamberCase.Id, chamberCase.Rpps, chamberCase.DecisionDueOn, today)]
                : [new DecisionDeadlinePassed(chamberCase.Id, chamberCase.DecisionDueOn, today)];
        if (chamberCase is not { Status: CaseStatus.Notified, AppealDeadline: { } deadline, Decision: { } decision } || deadline >= today)
            return [];
        var finalOn = deadline.AddDays(1);
        var (from, to) = Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn, decision.RevokedMonths);
        return [new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, finalOn, from, to, decision.SuspendedMonths,
            AlreadyEnforced: chamberCase.EnforcedPendingAppeal)];
    }
}

/// <summary>
/// Body of a decision. <see cref="RevokeSuspendedPartOf"/> names an earlier case of the same doctor whose suspended part
/// the new ban makes enforceable, for acts committed (<see cref="ActsCommittedOn"/>) within 5 years of its notification.
/// </summary>
public sealed record RenderDecision(
    DecisionForm? Form, DecisionOutcome? Outcome, int? BanMonths, int? SuspendedMonths, DateOnly? From,
    bool? TrainingOrdered = null, Guid? RevokeSuspendedPartOf = null, DateOnly? ActsCommittedOn = null);

/// <summary>Body of POST /cases/{id}/appeal/decision: Confirmed, or Replaced with the national chamber's own decision.</summary>
public sealed record DecideNationalAppeal(AppealRuling? Ruling, RenderDecision? Decision);
