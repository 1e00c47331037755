using System.Globalization;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Commands;

namespace Ordre.Dashboard.Figures;

/// <summary>
/// What each stored integration event counts for (docs/dashboard.md, "Figures"). Pure: an event in, its contribution
/// out. The day that places an event in a civil year and a month is the business day the event carries (the day a
/// registration was granted, a transfer completed, the month a convention was received); an event that carries none is
/// placed by the instant it happened, as a calendar day in Europe/Paris (31 December 23:30 UTC is 1 January in Paris).
/// </summary>
public static class FigureRules
{
    public const string Inscriptions = "inscriptions";
    public const string InscriptionsRefusees = "inscriptions-refusees";
    public const string RejetsImplicites = "rejets-implicites";
    public const string InscriptionsAnnulees = "inscriptions-annulees";
    public const string DemandesTransfert = "demandes-transfert";
    public const string Transferts = "transferts";
    public const string TransfertsEntrants = "transferts-entrants";
    public const string DemandesLps = "demandes-lps";
    public const string DeclarationsLpsAcceptees = "declarations-lps-acceptees";
    public const string DeclarationsLpsParEtape = "declarations-lps-par-etape";
    public const string Suspensions = "suspensions";
    public const string Radiations = "radiations";
    public const string RadiationsParMotif = "radiations-par-motif";
    public const string Deces = "deces";
    public const string Sanctions = "sanctions";
    public const string SanctionsParNature = "sanctions-par-nature";
    public const string RadiationsDisciplinaires = "radiations-disciplinaires";
    public const string FichesJurisprudence = "fiches-jurisprudence";
    public const string Plaintes = "plaintes";
    public const string Conciliations = "conciliations";
    public const string ConciliationsParIssue = "conciliations-par-issue";
    public const string DisciplineEtapes = "discipline-etapes";
    public const string AffairesCdpiOuvertes = "affaires-cdpi-ouvertes";
    public const string AffairesCdpiJugees = "affaires-cdpi-jugees";
    public const string AffairesCdnOuvertes = "affaires-cdn-ouvertes";
    public const string AffairesCdnJugees = "affaires-cdn-jugees";
    /// <summary>Per chamber, the days from opening to judgment summed over the judgments that carry their opening day, and how many do.</summary>
    public const string JoursJusquAuJugementCdpi = "jours-jusqu-au-jugement-cdpi";
    public const string JugementsDatesCdpi = "jugements-dates-cdpi";
    public const string JoursJusquAuJugementCdn = "jours-jusqu-au-jugement-cdn";
    public const string JugementsDatesCdn = "jugements-dates-cdn";
    public const string Conventions = "conventions";
    public const string ConventionsParRegime = "conventions-par-regime";
    public const string ConventionsParCategorie = "conventions-par-categorie";
    public const string ConventionsTardives = "conventions-tardives";
    public const string AutorisationsDecidees = "autorisations-decidees";
    public const string AutorisationsRefusees = "autorisations-refusees";
    public const string AutorisationsTacites = "autorisations-tacites";
    public const string DemandesAide = "demandes-aide";
    public const string AidesAccordees = "aides-accordees";
    public const string MontantAidesAccordees = "montant-aides-accordees";
    public const string MontantAidesVersees = "montant-aides-versees";
    public const string AppelsEcoute = "appels-ecoute";
    public const string AppelsParProfession = "appels-par-profession";
    public const string DonsConseils = "dons-conseils";
    public const string DemandesFinancement = "demandes-financement";
    public const string DemandesFinancementParDecision = "demandes-financement-par-decision";
    public const string MontantFinancementsAccordes = "montant-financements-accordes";

    public static Contribution? Of(object @event) => @event switch
    {
        PractitionerRegistered e => new(e.RegisteredOn, e.Department, [new(Inscriptions)]),
        InscriptionRefused e => new(e.RefusedOn, e.Department, [new(InscriptionsRefusees)]),
        InscriptionImplicitlyRejected e => new(e.On, e.Department, [new(RejetsImplicites)]),
        InscriptionAnnulled e => new(e.On, null, [new(InscriptionsAnnulees)]),
        PractitionerStatusChanged { Status: nameof(RegisterStatus.InTransfer) } e => new(e.On, null, [new(DemandesTransfert)]),
        PractitionerTransferred e => new(e.On, e.ToDepartment, [new(Transferts)]),
        LpsDeclarationRecorded { Step: "Received" } e => new(e.On, null, [new(DemandesLps)]),
        LpsDeclarationRecorded e => new(e.On, null, [new(DeclarationsLpsAcceptees), new(DeclarationsLpsParEtape, 1, e.Step)]),
        PractitionerSuspended e => new(e.From, null, [new(Suspensions)]),
        PractitionerStruckOff e => new(e.EffectiveOn, null, [new(Radiations), new(RadiationsParMotif, 1, e.Reason)]),
        PractitionerDeceased e => new(e.DiedOn, null, [new(Deces)]),

        SanctionEnforceable e => new(ParisCalendar.DayOf(e.OccurredAt), null, e.Kind == nameof(SanctionKind.StrikingOff)
            ? [new(Sanctions), new(SanctionsParNature, 1, e.Kind), new(RadiationsDisciplinaires)]
            : [new(Sanctions), new(SanctionsParNature, 1, e.Kind)]),
        JurisprudenceFichePublished e => new(ParisCalendar.DayOf(e.OccurredAt), null, [new(FichesJurisprudence)]),

        ComplaintLodged e => new(e.RegisteredOn, e.Department, [new(Plaintes), new(DisciplineEtapes, 1, "plaintes")]),
        ConciliationEnded e => new(e.On, null, [new(Conciliations), new(ConciliationsParIssue, 1, e.Outcome)]),
        DisciplinaryCaseOpened { Chamber: DisciplinaryChambers.National } e => new(e.On, null, [new(AffairesCdnOuvertes), new(DisciplineEtapes, 1, "cdn")]),
        DisciplinaryCaseOpened e => new(e.On, e.Department, [new(AffairesCdpiOuvertes), new(DisciplineEtapes, 1, "cdpi")]),
        DisciplinaryCaseJudged { Chamber: DisciplinaryChambers.National } e => new(e.On, null,
            Judged(AffairesCdnJugees, JoursJusquAuJugementCdn, JugementsDatesCdn, e.OpenedOn, e.On)),
        DisciplinaryCaseJudged e => new(e.On, null, Judged(AffairesCdpiJugees, JoursJusquAuJugementCdpi, JugementsDatesCdpi, e.OpenedOn, e.On)),

        ConventionDossierSubmitted e => new(DayOfMonth(e.Month, e.OccurredAt), null, Submitted(e.Regime, e.Category, e.Late, 1)),
        ConventionDossiersSubmitted e => new(DayOfMonth(e.Month, e.OccurredAt), null,
            [.. e.Counts.SelectMany(c => Submitted(c.Regime, c.Category, c.Late, c.Dossiers))]),
        ConventionDossierDecided { Regime: "Authorisation" } e => new(DayOfMonth(e.Month, e.OccurredAt), null, e.Decision == "Refused"
            ? [new(AutorisationsDecidees), new(AutorisationsRefusees)]
            : [new(AutorisationsDecidees)]),
        ConventionAuthorisationDeemedGranted e => new(DayOfMonth(e.Month, e.OccurredAt), null,
            [new(AutorisationsDecidees), new(AutorisationsTacites)]),

        AidRequested e => new(ParisCalendar.DayOf(e.OccurredAt), null, [new(DemandesAide)]),
        AidRuled { Decision: "grant" or "loan" } e => new(ParisCalendar.DayOf(e.OccurredAt), null,
            [new(AidesAccordees), new(MontantAidesAccordees, e.Amount)]),
        AidPaidOut e => new(ParisCalendar.DayOf(e.OccurredAt), null, [new(MontantAidesVersees, e.Amount)]),
        HelplineCallsRecorded e => new(e.Day, null, [new(AppelsEcoute, e.Calls), new(AppelsParProfession, e.Calls, e.Profession)]),
        DonationToTheFundPledged e => new(ParisCalendar.DayOf(e.OccurredAt), null, [new(DonsConseils, e.Amount)]),
        FinancingRequestFiled e => new(ParisCalendar.DayOf(e.OccurredAt), null, [new(DemandesFinancement)]),
        FinancingRequestRuled e => new(ParisCalendar.DayOf(e.OccurredAt), null,
            [new(DemandesFinancementParDecision, 1, e.Decision), new(MontantFinancementsAccordes, e.Amount)]),
        _ => null,
    };

    /// <summary>The civil year a headcount belongs to: the Paris calendar day it was counted (a stock is not added up, see <see cref="YearTally.Keep"/>).</summary>
    public static int YearOf(TableauHeadcountCounted headcount) => ParisCalendar.DayOf(headcount.CountedAt).Year;

    /// <summary>
    /// A judgment counts once; with its case's opening day (events published before it was added carry none, and one after
    /// the judgment is not believed), its days to judgment count toward the chamber's average.
    /// </summary>
    private static Count[] Judged(string judged, string days, string dated, DateOnly? openedOn, DateOnly on) =>
        openedOn is { } opened && opened <= on
            ? [new(judged), new(days, on.DayNumber - opened.DayNumber), new(dated)]
            : [new(judged)];

    private static Count[] Submitted(string regime, string category, bool late, int dossiers) => late
        ? [new(Conventions, dossiers), new(ConventionsParRegime, dossiers, regime), new(ConventionsParCategorie, dossiers, category), new(ConventionsTardives, dossiers)]
        : [new(Conventions, dossiers), new(ConventionsParRegime, dossiers, regime), new(ConventionsParCategorie, dossiers, category)];

    /// <summary>The first day of a "yyyy-MM" month; the event's Paris day when the month cannot be read.</summary>
    private static DateOnly DayOfMonth(string month, DateTimeOffset occurredAt) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : ParisCalendar.DayOf(occurredAt);
}
