using Marten;
using Ordre.Contracts.Discipline;
using Ordre.Discipline.Chambers.Appealing;
using Ordre.Discipline.Chambers.AppointingRapporteur;
using Ordre.Discipline.Chambers.Clock;
using Ordre.Discipline.Chambers.Deciding;
using Ordre.Discipline.Chambers.HoldingHearing;
using Ordre.Discipline.Chambers.LodgingCassation;
using Ordre.Discipline.Chambers.MovingCase;
using Ordre.Discipline.Chambers.Notifying;
using Ordre.Discipline.Chambers.NotifyingNationalDecision;
using Ordre.Discipline.Chambers.Opening;
using Ordre.Discipline.Chambers.Reading;
using Ordre.Discipline.Chambers.RulingOnAppeal;
using Ordre.Discipline.Chambers.RulingOnCassation;
using Ordre.Discipline.Chambers.SchedulingHearing;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Discipline.Chambers;

public static class ChambersModule
{
    public static StoreOptions AddChambers(this StoreOptions options)
    {
        options.AddAggregateStream<ChamberCase>();
        options.Schema.For<ChamberCase>().Index(c => c.NextDeadline);
        return options;
    }

    /// <summary>
    /// A final sanction becomes enforceable on the Tableau (in an emergency case, already on notification); a dismissal
    /// or a fully suspended ban publishes nothing; a permanent ban from public functions is published with no end date. Annulment in cassation, or replacement of a sanction already
    /// enforced, ends it; an emergency case undecided in time makes the ARS's suspension lapse.
    /// </summary>
    public static void PublishSanctions(IntegrationEventMap map) => map
        .Map<DecisionBecameFinal>((e, committed) => e.AlreadyEnforced || !Enforceable(e.Outcome, e.To, e.SuspendedMonths)
            ? null
            : new SanctionEnforceable(e.SanctionId ?? e.CaseId, e.Rpps, SanctionOf(e.Outcome).Name(), e.From, e.To, e.SuspendedMonths, committed.Timestamp))
        .Map<DecisionEnforceablePendingAppeal>((e, committed) => Enforceable(e.Outcome, e.To, e.SuspendedMonths)
            ? new SanctionEnforceable(e.CaseId, e.Rpps, SanctionOf(e.Outcome).Name(), e.From, e.To, e.SuspendedMonths, committed.Timestamp)
            : null)
        .Map<ProvisionalSanctionEnded>((e, committed) => new SanctionEnded(e.CaseId, e.Rpps, e.On, committed.Timestamp))
        .Map<CassationDecided>((e, committed) => e.Outcome == CassationOutcome.Annulled
            ? new SanctionEnded(e.SanctionId ?? e.CaseId, e.Rpps, e.On, committed.Timestamp)
            : null)
        .Map<EmergencyCaseUndecidedInTime>((e, committed) => new EmergencySuspensionLapsed(e.CaseId, e.Rpps, e.On, committed.Timestamp));

    /// <summary>
    /// The pipeline's counts for the national dashboard (issue 14): a case opened at the first-instance chamber, an appeal
    /// opened at the national chamber, a decision of either with the day its case opened there (for the average time to
    /// judgment; null for decisions recorded before the domain events carried it). No RPPS, no party.
    /// </summary>
    public static void PublishPipeline(IntegrationEventMap map) => map
        .Map<ChamberCaseRegistered>((e, committed) => new DisciplinaryCaseOpened(e.CaseId, DisciplinaryChambers.FirstInstance, e.Department, e.RegisteredOn, committed.Timestamp))
        .Map<AppealToNationalChamberLodged>((e, committed) => e.Admissible
            ? new DisciplinaryCaseOpened(e.CaseId, DisciplinaryChambers.National, null, e.LodgedOn, committed.Timestamp)
            : null)
        .Map<DecisionRendered>((e, committed) => new DisciplinaryCaseJudged(e.CaseId,
            e.ByNationalChamber ? DisciplinaryChambers.National : DisciplinaryChambers.FirstInstance, e.Outcome.ToString(), e.On, committed.Timestamp,
            e.CaseOpenedOn))
        .Map<NationalChamberDecided>((e, committed) => new DisciplinaryCaseJudged(e.CaseId, DisciplinaryChambers.National, e.Outcome.ToString(), e.On, committed.Timestamp,
            e.AppealLodgedOn));

    /// <summary>The sanction a decision imposes, as it crosses to the Tableau (a dismissal imposes none and publishes nothing).</summary>
    public static SanctionKind SanctionOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Warning => SanctionKind.Warning,
        DecisionOutcome.Reprimand => SanctionKind.Reprimand,
        DecisionOutcome.PublicFunctionsBan => SanctionKind.PublicFunctionsBan,
        DecisionOutcome.PracticeBan => SanctionKind.PracticeBan,
        DecisionOutcome.StrikingOff => SanctionKind.StrikingOff,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A dismissal imposes no sanction."),
    };

    /// <summary>
    /// Whether a decision puts a sanction in force on the Tableau. A ban with no last day is either wholly under sursis
    /// (its suspended part is its whole length: nothing to enforce) or, for public functions only, permanent (L.4124-6 3°:
    /// "temporaire ou permanente"; 0 months, no sursis), which is enforced with no end. A ban on practising is always
    /// temporary (L.4124-6 4°), so one with no last day is wholly suspended.
    /// </summary>
    public static bool Enforceable(DecisionOutcome outcome, DateOnly? to, int suspendedMonths) => outcome switch
    {
        DecisionOutcome.Dismissed => false,
        DecisionOutcome.PracticeBan => to is not null,
        DecisionOutcome.PublicFunctionsBan => to is not null || suspendedMonths == 0,
        _ => true,
    };

    /// <summary>A case is in the jurisdiction of its region's first-instance chamber (or the one it was moved to) and of the national bodies.</summary>
    public static IServiceCollection AddCaseJurisdiction(this IServiceCollection services) =>
        services.AddRecordJurisdiction(CaseRecord, async (http, user) =>
            Guid.TryParse(http.GetRouteValue("id") as string, out var id) && id != Guid.Empty
            && await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<ChamberCase>(id, http.RequestAborted) is { } chamberCase
                ? CaseChange.OtherChamber(chamberCase, user)
                : null);

    private const string CaseRecord = "case";

    public static IEndpointRouteBuilder MapChambers(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/cases").WithTags("Chambres disciplinaires")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/", ListCasesEndpoint.Handle).RequireAuthorization(DisciplinePolicies.DisciplinaryCaseReaders)
            .WithName("ListCases").Audited("case").WithSummary("Lister les affaires (la chambre de première instance : celles de sa région), par page")
            .ProducesValidationProblem();
        cases.MapGet("/{id:guid}", GetCaseEndpoint.Handle).RequireAuthorization(DisciplinePolicies.DisciplinaryCaseReaders).RequireJurisdiction(CaseRecord)
            .WithName("GetCase").Audited("case").WithSummary("Lire une affaire (chambre de la région, chambre nationale, Conseil national)");
        var chamber = cases.MapGroup("/{id:guid}").RequireAuthorization(OrdrePolicies.DisciplinaryChamber).RequireJurisdiction(CaseRecord)
            .ProducesProblem(StatusCodes.Status409Conflict);
        chamber.MapPost("/rapporteur", AppointRapporteurEndpoint.Handle).WithName("AppointRapporteur")
            .WithSummary("Désigner le rapporteur").WithDescription("Chambre disciplinaire de première instance de la région.");
        chamber.MapPost("/hearing", ScheduleHearingEndpoint.Handle).WithName("ScheduleHearing")
            .WithSummary("Fixer l'audience (après l'enregistrement de l'affaire)").WithDescription("Chambre disciplinaire de première instance de la région.");
        chamber.MapPost("/hearing/held", HoldHearingEndpoint.Handle).WithName("HoldHearing")
            .WithSummary("Constater que l'audience s'est tenue").WithDescription("Chambre disciplinaire de première instance de la région.");
        chamber.MapPost("/decision", RenderDecisionEndpoint.Handle).WithName("RenderDecision")
            .WithSummary("Rendre la décision : rejet ou sanction (interdiction d'exercer de 1 à 36 mois, sursis au plus égal)")
            .WithDescription("Chambre disciplinaire de première instance de la région. Une décision collégiale suit l'audience ; " +
                "une nouvelle interdiction peut révoquer le sursis d'une sanction antérieure (faits commis dans les 5 ans de sa notification).");
        chamber.MapPost("/move", MoveCaseEndpoint.Handle).WithName("MoveCase")
            .WithSummary("Dépayser une affaire non jugée dans les 6 mois vers la chambre d'une autre région")
            .WithDescription("Président de la chambre disciplinaire nationale.");
        chamber.MapPost("/notification", NotifyDecisionEndpoint.Handle).WithName("NotifyCaseDecision")
            .WithSummary("Notifier la décision (ouvre 30 jours d'appel, suspensif)");
        chamber.MapPost("/appeal", LodgeAppealEndpoint.Handle).WithName("LodgeAppealToNationalChamber")
            .WithSummary("Enregistrer un appel devant la chambre nationale (hors délai : enregistré mais irrecevable)")
            .WithDescription("Chambre disciplinaire nationale.");
        chamber.MapPost("/appeal/decision", DecideNationalAppealEndpoint.Handle).WithName("DecideNationalAppeal")
            .WithSummary("Statuer en appel : confirmer, ou remplacer la décision ; la décision est alors définitive")
            .WithDescription("Chambre disciplinaire nationale. Le pourvoi en cassation n'étant pas suspensif, la sanction devient exécutoire.");
        chamber.MapPost("/appeal/decision/notification", NotifyNationalDecisionEndpoint.Handle).WithName("NotifyNationalDecision")
            .WithSummary("Notifier la décision de la chambre nationale (ouvre 2 mois de pourvoi en cassation)")
            .WithDescription("Chambre disciplinaire nationale.");
        chamber.MapPost("/cassation", LodgeCassationEndpoint.Handle).WithName("LodgeCassation")
            .WithSummary("Enregistrer un pourvoi en cassation contre une décision de la chambre nationale (2 mois après sa notification, non suspensif)").WithDescription("Chambre disciplinaire nationale.");
        chamber.MapPost("/cassation/decision", RecordCassationOutcomeEndpoint.Handle).WithName("RecordCassationOutcome")
            .WithSummary("Enregistrer l'issue du pourvoi : une annulation met fin à la sanction").WithDescription("Chambre disciplinaire nationale.");
        return app;
    }
}
