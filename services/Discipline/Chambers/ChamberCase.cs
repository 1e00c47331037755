namespace Ordre.Discipline.Chambers;

/// <summary>Collegial decision or presidential order [S4: 238 collegial decisions, 88 orders].</summary>
public enum DecisionForm { Collegial, PresidentialOrder }

/// <summary>Dismissal or one of the five sanctions of L.4124-6.</summary>
public enum DecisionOutcome { Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan, StrikingOff }

public enum CaseStatus { Registered, Decided, Notified, Appealed, Final }

public enum AppealRuling { Confirmed, Replaced }

/// <summary>The Conseil d'État's outcome on a cassation appeal [S4: 61% not admitted, 5 annulled in 2019].</summary>
public enum CassationOutcome { NotAdmitted, Rejected, Annulled }

public sealed record Decision(DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly DecidedOn);

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
    /// <summary>The day the decision became final (cassation may be lodged within 2 months of it).</summary>
    public DateOnly? FinalOn { get; init; }
    public DateOnly? CassationLodgedOn { get; init; }
    public CassationOutcome? Cassation { get; init; }

    /// <summary>The day the clock makes the decision final: the day after the appeal window.</summary>
    public DateOnly? NextDeadline => Status == CaseStatus.Notified ? AppealDeadline?.AddDays(1) : null;

    public static ChamberCase Create(ChamberCaseRegistered e) =>
        new(e.CaseId, e.ComplaintId, e.Rpps, e.Department, e.RegisteredOn, e.DecisionDueOn, CaseStatus.Registered);

    public ChamberCase Apply(DecisionRendered e) => this with
    {
        Status = CaseStatus.Decided, Decision = new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On),
    };

    public ChamberCase Apply(CaseDecisionNotified e) => this with { Status = CaseStatus.Notified, NotifiedOn = e.On, AppealDeadline = e.AppealDeadline };

    public ChamberCase Apply(AppealToNationalChamberLodged e) =>
        e.Admissible ? this with { Status = CaseStatus.Appealed, AppealedAdmissibly = true } : this;

    public ChamberCase Apply(NationalChamberDecided e) => this with
    {
        Decision = e.Ruling == AppealRuling.Replaced
            ? new Decision(e.Form, e.Outcome, e.BanMonths, e.SuspendedMonths, e.From, e.On)
            : Decision,
    };

    public ChamberCase Apply(DecisionBecameFinal e) => this with { Status = CaseStatus.Final, FinalOn = e.On };

    public ChamberCase Apply(CassationAppealLodged e) => this with { CassationLodgedOn = e.LodgedOn };

    public ChamberCase Apply(CassationDecided e) => this with { Cassation = e.Outcome };
}

public sealed record ChamberCaseRegistered(Guid CaseId, Guid ComplaintId, string Rpps, string Department, DateOnly RegisteredOn, DateOnly DecisionDueOn);

public sealed record DecisionRendered(
    Guid CaseId, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By);

public sealed record CaseDecisionNotified(Guid CaseId, DateOnly On, DateOnly AppealDeadline, string By);

/// <summary>An appeal to the national chamber: registered even when late, then flagged inadmissible (DOMAIN §3.2).</summary>
public sealed record AppealToNationalChamberLodged(Guid CaseId, DateOnly LodgedOn, bool Admissible, string By);

/// <summary>A cassation appeal before the Conseil d'État, within 2 months of the final decision; it does not suspend the sanction.</summary>
public sealed record CassationAppealLodged(Guid CaseId, DateOnly LodgedOn, string By);

/// <summary>The Conseil d'État ruled; an annulment ends the sanction (published as SanctionEnded).</summary>
public sealed record CassationDecided(Guid CaseId, string Rpps, CassationOutcome Outcome, DateOnly On, string By);

/// <summary>The national chamber confirmed the first decision or replaced it; its decision is final (cassation does not suspend it).</summary>
public sealed record NationalChamberDecided(
    Guid CaseId, AppealRuling Ruling, DecisionForm Form, DecisionOutcome Outcome, int BanMonths, int SuspendedMonths, DateOnly? From, DateOnly On, string By);

/// <summary>
/// The decision is final; for a sanction, it is enforceable from <paramref name="From"/> to <paramref name="To"/>
/// (the ban's last day, after its suspended part), R.4126-30.
/// </summary>
public sealed record DecisionBecameFinal(Guid CaseId, string Rpps, DecisionOutcome Outcome, DateOnly On, DateOnly From, DateOnly? To, int SuspendedMonths);

public static class ChamberRules
{
    /// <summary>L.4124-6 4°: a temporary ban on practising is at most 3 years.</summary>
    public const int MaxBanMonths = 36;
    /// <summary>R.4126-44: 30 days to appeal to the national chamber.</summary>
    public const int AppealDays = 30;
    /// <summary>L.4124-1 (K): the first-instance chamber decides within 6 months.</summary>
    public const int DecisionMonths = 6;

    public static ChamberCase Evolve(ChamberCase chamberCase, object e) => e switch
    {
        DecisionRendered x => chamberCase.Apply(x),
        CaseDecisionNotified x => chamberCase.Apply(x),
        AppealToNationalChamberLodged x => chamberCase.Apply(x),
        NationalChamberDecided x => chamberCase.Apply(x),
        DecisionBecameFinal x => chamberCase.Apply(x),
        CassationAppealLodged x => chamberCase.Apply(x),
        CassationDecided x => chamberCase.Apply(x),
        _ => throw new ArgumentException($"{e.GetType().Name} does not change a case", nameof(e)),
    };

    public static Outcome Decide(ChamberCase chamberCase, RenderDecision command, DateOnly today, string by)
    {
        if (Validate(command, today) is { } invalid)
            return invalid;
        if (chamberCase.Status != CaseStatus.Registered)
            return new Outcome.NotAllowed("Cette affaire a déjà été jugée.");
        return new Outcome.Accepted(new DecisionRendered(chamberCase.Id, command.Form!.Value, command.Outcome!.Value,
            command.BanMonths ?? 0, command.SuspendedMonths ?? 0, command.From, today, by));
    }

    /// <summary>
    /// The national chamber rules on an admissible appeal: it confirms the decision or replaces it. Its decision is
    /// final at once (a cassation appeal does not suspend it), so the sanction becomes enforceable.
    /// </summary>
    public static Outcome DecideAppeal(ChamberCase chamberCase, DecideNationalAppeal command, DateOnly today, string by)
    {
        if (command.Ruling is not { } ruling)
            return Outcome.Field("ruling", "Confirmed (la décision est confirmée) ou Replaced (une nouvelle décision la remplace).");
        if (ruling == AppealRuling.Replaced && (command.Decision is null || Validate(command.Decision, today) is not null))
            return Validate(command.Decision ?? new RenderDecision(null, null, null, null, null), today)!;
        if (chamberCase is not { Status: CaseStatus.Appealed, Decision: { } first })
            return new Outcome.NotAllowed("Aucun appel recevable n'est pendant devant la chambre nationale.");
        var d = command.Decision;
        var decided = ruling == AppealRuling.Replaced
            ? new NationalChamberDecided(chamberCase.Id, ruling, d!.Form!.Value, d.Outcome!.Value, d.BanMonths ?? 0, d.SuspendedMonths ?? 0, d.From, today, by)
            : new NationalChamberDecided(chamberCase.Id, ruling, first.Form, first.Outcome, first.BanMonths, first.SuspendedMonths, first.From, today, by);
        var (from, to) = Enforcement(decided.Outcome, decided.BanMonths, decided.SuspendedMonths, decided.From, finalOn: today);
        return new Outcome.Accepted(decided,
            new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decided.Outcome, today, from, to, decided.SuspendedMonths));
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
            if (suspended < 0 || suspended > months)
                errors["suspendedMonths"] = ["La partie assortie du sursis ne peut dépasser la durée de l'interdiction."];
        }
        else if (months != 0 || suspended != 0)
            errors["banMonths"] = ["Seule une interdiction a une durée et un sursis."];
        if (command.From is { } from && from < today)
            errors["from"] = ["La date d'effet ne peut précéder la décision."];
        return errors.Count > 0 ? new Outcome.Invalid(errors) : null;
    }

    /// <summary>
    /// R.4126-30: the sanction runs from the date the decision fixed, or the day after it became final; a ban lasts
    /// its months less the part under sursis (none to enforce when all of it is suspended).
    /// </summary>
    public static (DateOnly From, DateOnly? To) Enforcement(DecisionOutcome outcome, int banMonths, int suspendedMonths, DateOnly? fixedFrom, DateOnly finalOn)
    {
        var from = fixedFrom is { } fixedDay && fixedDay > finalOn ? fixedDay : finalOn.AddDays(1);
        var enforcedMonths = banMonths - suspendedMonths;
        DateOnly? to = outcome is DecisionOutcome.PracticeBan or DecisionOutcome.PublicFunctionsBan && enforcedMonths > 0
            ? from.AddMonths(enforcedMonths).AddDays(-1)
            : null;
        return (from, to);
    }

    public static Outcome Notify(ChamberCase chamberCase, DateOnly today, string by) => chamberCase.Status == CaseStatus.Decided
        ? new Outcome.Accepted(new CaseDecisionNotified(chamberCase.Id, today, today.AddDays(AppealDays), by))
        : new Outcome.NotAllowed("Seule une décision rendue et non encore notifiée se notifie.");

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
        return new Outcome.Accepted(new CassationDecided(chamberCase.Id, chamberCase.Rpps, ruling, today, by));
    }

    /// <summary>What the clock does on <paramref name="today"/>: the decision becomes final after an unappealed window.</summary>
    public static IReadOnlyList<object> DueOn(ChamberCase chamberCase, DateOnly today)
    {
        if (chamberCase is not { Status: CaseStatus.Notified, AppealDeadline: { } deadline, Decision: { } decision } || deadline >= today)
            return [];
        var finalOn = deadline.AddDays(1);
        var (from, to) = Enforcement(decision.Outcome, decision.BanMonths, decision.SuspendedMonths, decision.From, finalOn);
        return [new DecisionBecameFinal(chamberCase.Id, chamberCase.Rpps, decision.Outcome, finalOn, from, to, decision.SuspendedMonths)];
    }
}

public sealed record RenderDecision(DecisionForm? Form, DecisionOutcome? Outcome, int? BanMonths, int? SuspendedMonths, DateOnly? From);

/// <summary>Body of POST /cases/{id}/appeal/decision: Confirmed, or Replaced with the national chamber's own decision.</summary>
public sealed record DecideNationalAppeal(AppealRuling? Ruling, RenderDecision? Decision);
