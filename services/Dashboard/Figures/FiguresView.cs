using Ordre.Contracts.Discipline;
using Ordre.Contracts.Identifiers;
using static Ordre.Dashboard.Figures.FigureRules;

namespace Ordre.Dashboard.Figures;

/// <summary>A figure of the year beside its 2020 reference (<paramref name="Reference2020"/>: null when the report gives none).</summary>
public sealed record FigureView(string Key, string Group, string Label, decimal Value, decimal? Reference2020, string Unit, string Source);

public sealed record PointView(string Period, decimal Value);

public sealed record SeriesView(string Key, string Group, string Label, string Unit, IReadOnlyList<PointView> Points);

public sealed record ItemView(string Key, string Label, decimal Value);

public sealed record BreakdownView(string Key, string Group, string Label, string Unit, IReadOnlyList<ItemView> Items);

public sealed record DepartmentView(string Code, string Name, string Region, IReadOnlyDictionary<string, decimal> Values);

/// <summary>A status of the Tableau (<c>Registered</c>…) with its French label; <paramref name="OnTheRoll"/>: counted among the doctors on the Tableau.</summary>
public sealed record StatusView(string Key, string Label, bool OnTheRoll);

/// <summary>One department's headcount: per status, and per activity of the doctors on the roll; <paramref name="OnTheRoll"/> sums the statuses on the roll.</summary>
public sealed record HeadcountDepartmentView(string Code, string Name, string Region, int OnTheRoll,
    IReadOnlyDictionary<string, int> Statuses, IReadOnlyDictionary<string, int> Activities);

/// <summary>
/// The Tableau's headcount counted last in the year (docs/dashboard.md, "Headcount"): <paramref name="CountedAt"/> in
/// Europe/Paris, the statuses in display order, the departments in code order and the national totals per status.
/// </summary>
public sealed record HeadcountView(DateTimeOffset CountedAt, DateOnly KnownOn, IReadOnlyList<StatusView> Statuses,
    IReadOnlyDictionary<string, int> Totals, IReadOnlyList<HeadcountDepartmentView> Departments);

/// <summary>
/// "L'année en bref" of one civil year (docs/dashboard.md); <c>computedAt</c> in Europe/Paris; <c>headcount</c>: null when
/// no headcount was counted in the year.
/// </summary>
public sealed record YearFigures(int Year, DateTimeOffset ComputedAt, IReadOnlyList<FigureView> Figures, IReadOnlyList<SeriesView> Series,
    IReadOnlyList<BreakdownView> Breakdowns, IReadOnlyList<DepartmentView> Departments, HeadcountView? Headcount = null);

/// <summary>The catalogue of figures: what each shows, from which counters, beside which 2020 reference (DOMAIN.md §6, §7).</summary>
public static class FiguresCatalog
{
    public const string DelaiMoyenJugementCdpi = "delai-moyen-jugement-cdpi";
    public const string DelaiMoyenJugementCdn = "delai-moyen-jugement-cdn";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary><c>Value</c> reads the year's tally and the tallies of every year up to it (for what is pending at the year's end).</summary>
    private sealed record Figure(string Key, string Group, string Label, string Unit, decimal? Reference2020, Func<YearTally, IReadOnlyList<YearTally>, decimal> Value)
    {
        public Figure(string key, string group, string label, string unit, decimal? reference2020, Func<YearTally, decimal> value)
            : this(key, group, label, unit, reference2020, (tally, _) => value(tally)) { }
    }

    private static Figure Counter(string key, string group, string label, decimal? reference, string unit = "nombre") =>
        new(key, group, label, unit, reference, t => t.Total(key));

    /// <summary>Cases opened and not yet judged at the end of the year: every year's openings minus judgments, up to this one.</summary>
    private static Figure Pending(string key, string label, decimal? reference, string opened, string judged) =>
        new(key, "discipline", label, "nombre", reference, (_, upToYear) => Math.Max(0, upToYear.Sum(t => t.Total(opened) - t.Total(judged))));

    /// <summary>
    /// The average days from a case's opening before the chamber to its judgment, over the year's judgments that carry
    /// their opening day, to one decimal; 0 when none does.
    /// </summary>
    private static Figure AverageDaysToJudgment(string key, string label, decimal? reference, string days, string dated) =>
        new(key, "discipline", label, "jours", reference,
            t => t.Total(dated) == 0 ? 0 : Math.Round(t.Total(days) / t.Total(dated), 1, MidpointRounding.AwayFromZero));

    private static readonly Figure[] Figures =
    [
        new("dossiers-inscription-decides", "tableau", "Dossiers d'inscription décidés", "nombre", 16_389,
            t => t.Total(Inscriptions) + t.Total(InscriptionsRefusees) + t.Total(RejetsImplicites)),
        Counter(Inscriptions, "tableau", "Inscriptions au Tableau accordées (référence : premières inscriptions)", 8_078),
        Counter(InscriptionsRefusees, "tableau", "Inscriptions refusées", null),
        Counter(RejetsImplicites, "tableau", "Inscriptions rejetées implicitement (silence du conseil)", null),
        Counter(InscriptionsAnnulees, "tableau", "Inscriptions annulées", null),
        Counter(DemandesTransfert, "tableau", "Demandes de transfert", 10_154),
        Counter(Transferts, "tableau", "Transferts réalisés", null),
        Counter(DemandesLps, "tableau", "Demandes d'inscription en libre prestation de services (LPS)", 144),
        Counter(DeclarationsLpsAcceptees, "tableau", "Déclarations LPS acceptées (premières et renouvellements)", 111),
        Counter(Suspensions, "tableau", "Suspensions prononcées", null),
        Counter(Radiations, "tableau", "Radiations du Tableau", null),
        Counter(Deces, "tableau", "Décès", null),
        Counter(Plaintes, "discipline", "Plaintes enregistrées par les conseils départementaux", null),
        Counter(Conciliations, "discipline", "Conciliations tenues", null),
        Counter(AffairesCdpiOuvertes, "discipline", "Affaires ouvertes en chambre disciplinaire de première instance (référence : 2019)", 1_523),
        Counter(AffairesCdpiJugees, "discipline", "Affaires jugées en première instance (référence : 2019)", 1_085),
        Pending("affaires-cdpi-en-cours", "Affaires en cours en première instance en fin d'année", null, AffairesCdpiOuvertes, AffairesCdpiJugees),
        Counter(AffairesCdnOuvertes, "discipline", "Appels enregistrés à la chambre disciplinaire nationale (référence : 2019)", 365),
        Counter(AffairesCdnJugees, "discipline", "Affaires jugées par la chambre nationale (référence : 2019)", 347),
        Pending("affaires-cdn-en-cours", "Affaires en cours à la chambre nationale en fin d'année (référence : 2019)", 456, AffairesCdnOuvertes, AffairesCdnJugees),
        AverageDaysToJudgment(DelaiMoyenJugementCdpi, "Délai moyen de jugement en première instance, de l'ouverture de l'affaire à la décision",
            null, JoursJusquAuJugementCdpi, JugementsDatesCdpi),
        // DOMAIN.md §6 (CDN 2019): "1 an 7 mois 17 jours" = 365.25 + 7 × 30.4375 + 17 ≈ 595 days (average-length years and months).
        AverageDaysToJudgment(DelaiMoyenJugementCdn, "Délai moyen de jugement à la chambre nationale, de l'appel à la décision (référence : 2019, 1 an 7 mois 17 jours)",
            595, JoursJusquAuJugementCdn, JugementsDatesCdn),
        Counter(Sanctions, "discipline", "Sanctions disciplinaires devenues exécutoires", null),
        Counter(RadiationsDisciplinaires, "discipline", "Radiations disciplinaires (référence : CDN 2019)", 5),
        Counter(FichesJurisprudence, "discipline", "Fiches de jurisprudence publiées", 410),
        Counter(Conventions, "conventions", "Dossiers IDAHE reçus", 301_674),
        Counter(AutorisationsDecidees, "conventions", "Demandes d'autorisation décidées", null),
        new("taux-refus-autorisations", "conventions", "Taux de refus des demandes d'autorisation", "pourcentage", null,
            t => t.Total(AutorisationsDecidees) == 0 ? 0 : Math.Round(100 * t.Total(AutorisationsRefusees) / t.Total(AutorisationsDecidees), 1, MidpointRounding.AwayFromZero)),
        Counter(AutorisationsTacites, "conventions", "Autorisations réputées accordées (silence de l'Ordre)", null),
        Counter(ConventionsTardives, "conventions", "Déclarations tardives", null),
        Counter(DemandesAide, "solidarite", "Demandes d'aide à l'entraide", 272),
        Counter(AidesAccordees, "solidarite", "Aides accordées", null),
        Counter(MontantAidesAccordees, "solidarite", "Montant des aides accordées", 1_138_000.00m, "euros"),
        Counter(MontantAidesVersees, "solidarite", "Montant des aides versées", null, "euros"),
        Counter(AppelsEcoute, "solidarite", "Appels à la ligne d'écoute", 1_779),
        Counter(DonsConseils, "solidarite", "Dons des conseils au fonds de solidarité", 3_700_000.00m, "euros"),
        Counter(DemandesFinancement, "solidarite", "Demandes de financement des conseils", 14),
        Counter(MontantFinancementsAccordes, "solidarite", "Montant des financements accordés aux conseils", null, "euros"),
    ];

    private sealed record Series(string Key, string Group, string Label, string Counter);

    private static readonly Series[] AllSeries =
    [
        new("inscriptions-par-mois", "tableau", "Inscriptions par mois", Inscriptions),
        new("transferts-par-mois", "tableau", "Transferts par mois", Transferts),
        new("conventions-par-mois", "conventions", "Dossiers IDAHE reçus par mois", Conventions),
        new("plaintes-par-mois", "discipline", "Plaintes enregistrées par mois", Plaintes),
        new("demandes-aide-par-mois", "solidarite", "Demandes d'aide par mois", DemandesAide),
    ];

    private sealed record Breakdown(string Key, string Group, string Label, (string Key, string Label)[] Items, bool OpenList = false);

    private static readonly Breakdown[] AllBreakdowns =
    [
        new(ConventionsParRegime, "conventions", "Dossiers IDAHE par régime", [("Declaration", "Déclaration"), ("Authorisation", "Autorisation")]),
        new(ConventionsParCategorie, "conventions", "Dossiers IDAHE par catégorie", [("Hospitality", "Hospitalité et avantages"), ("Fees", "Honoraires"),
            ("Studies", "Études"), ("Miscellaneous", "Divers"), ("Simplified", "Conventions simplifiées")]),
        new(SanctionsParNature, "discipline", "Sanctions par nature", [(nameof(SanctionKind.Warning), "Avertissement"), (nameof(SanctionKind.Reprimand), "Blâme"),
            (nameof(SanctionKind.PublicFunctionsBan), "Interdiction de fonctions publiques"), (nameof(SanctionKind.PracticeBan), "Interdiction d'exercer"),
            (nameof(SanctionKind.StrikingOff), "Radiation")]),
        new(DisciplineEtapes, "discipline", "Parcours disciplinaire : de la plainte à la CDN", [("plaintes", "Plaintes"), ("cdpi", "Affaires ouvertes en CDPI"),
            ("cdn", "Appels devant la CDN")]),
        new(ConciliationsParIssue, "discipline", "Conciliations par issue", [("Total", "Conciliation totale"), ("Partial", "Conciliation partielle"),
            ("Failed", "Échec"), ("Absent", "Absence d'une partie")]),
        new(DeclarationsLpsParEtape, "tableau", "Déclarations LPS acceptées : premières et renouvellements", [("Registered", "Premières déclarations"),
            ("Renewed", "Renouvellements")]),
        new(RadiationsParMotif, "tableau", "Radiations par motif", [("CeasedPractice", "Cessation d'activité"), ("Administrative", "Administrative"),
            ("Disciplinary", "Disciplinaire")]),
        new(AppelsParProfession, "solidarite", "Appels à la ligne d'écoute par profession", [], OpenList: true),
        new(DemandesFinancementParDecision, "solidarite", "Demandes de financement par décision", [("granted", "Accordées"), ("bridge-loan", "Prêts relais"),
            ("rejected", "Rejetées")]),
    ];

    public const string EffectifTableau = "effectif-tableau";
    public const string EffectifParStatut = "effectif-par-statut";

    /// <summary>The statuses of the headcount in display order, with whether a doctor in it is on the Tableau (struck off and deceased are not).</summary>
    public static readonly StatusView[] HeadcountStatuses =
    [
        new("Registered", "Inscrits", true), new("InTransfer", "En transfert", true), new("Suspended", "Suspendus", true),
        new("Banned", "Interdits d'exercer", true), new("StruckOff", "Radiés", false), new("Deceased", "Décédés", false),
    ];

    /// <summary>
    /// The headcount per department (with region) and status, from the count kept for the year; null when there is none. A
    /// status the catalogue does not know still counts under its own key (shown after the known ones).
    /// </summary>
    public static HeadcountView? HeadcountOf(YearTally tally, TimeZoneInfo zone)
    {
        if (tally.Headcount is not { } counted)
            return null;
        var known = HeadcountStatuses.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<StatusView> statuses = [.. HeadcountStatuses, .. counted.Rows.Select(r => r.Status).Where(s => !known.Contains(s))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => new StatusView(s, s, false))];
        var onTheRoll = statuses.Where(s => s.OnTheRoll).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var departments = counted.Rows.GroupBy(r => r.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HeadcountDepartmentView(g.Key, Departments.NameOf(g.Key), DepartmentCode.RegionOf(g.Key) ?? "",
                g.Where(r => onTheRoll.Contains(r.Status)).Sum(r => r.Count),
                statuses.ToDictionary(s => s.Key, s => g.Where(r => r.Status == s.Key).Sum(r => r.Count)),
                g.Where(r => onTheRoll.Contains(r.Status) && r.Activity is not null).GroupBy(r => r.Activity!)
                    .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Sum(r => r.Count))))
            .ToList();
        return new HeadcountView(TimeZoneInfo.ConvertTime(counted.CountedAt, zone), counted.KnownOn, statuses,
            statuses.ToDictionary(s => s.Key, s => departments.Sum(d => d.Statuses[s.Key])), departments);
    }

    /// <summary>The counters kept per department, shown in the departments' table.</summary>
    private static readonly string[] DepartmentCounters = [Inscriptions, InscriptionsRefusees, RejetsImplicites, Transferts, Plaintes];

    /// <summary>The figures of <paramref name="year"/>; <paramref name="earlier"/>: the tallies of the years before it (for what is pending).</summary>
    public static YearFigures For(int year, YearTally? tally, DateTimeOffset computedAt, IReadOnlyList<YearTally>? earlier = null)
    {
        tally ??= new YearTally { Id = year };
        IReadOnlyList<YearTally> upToYear = [.. (earlier ?? []).Where(t => t.Id < year), tally];
        var figures = Figures.Select(f => new FigureView(f.Key, f.Group, f.Label, f.Value(tally, upToYear), f.Reference2020, f.Unit, "evenements"))
            .Concat(ManualFigures.Table.Where(m => m.Year == year)
                .Select(m => new FigureView(m.Key, m.Group, m.Label, m.Value, year == 2020 ? m.Value : null, m.Unit, "saisie-manuelle")))
            .ToList();
        var series = AllSeries.Select(s => new SeriesView(s.Key, s.Group, s.Label, "nombre",
            [.. Enumerable.Range(1, 12).Select(m => new PointView($"{year:0000}-{m:00}", tally.Months.GetValueOrDefault(s.Counter)?[m - 1] ?? 0))])).ToList();
        var breakdowns = AllBreakdowns.Select(b =>
        {
            var counted = tally.Breakdowns.GetValueOrDefault(b.Key) ?? [];
            var items = b.OpenList
                ? counted.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => new ItemView(i.Key, i.Key, i.Value))
                : b.Items.Select(i => new ItemView(i.Key, i.Label, counted.GetValueOrDefault(i.Key)));
            return new BreakdownView(b.Key, b.Group, b.Label, "nombre", [.. items]);
        }).ToList();
        var departments = tally.Departments.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new DepartmentView(d.Key, Departments.NameOf(d.Key), DepartmentCode.RegionOf(d.Key) ?? "",
                DepartmentCounters.ToDictionary(c => c, c => d.Value.GetValueOrDefault(c))))
            .ToList();
        breakdowns.Add(new BreakdownView("inscriptions-par-region", "tableau", "Inscriptions par région", "nombre",
            [.. departments.GroupBy(d => d.Region).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ItemView(g.Key, g.Key, g.Sum(d => d.Values[Inscriptions])))]));
        var headcount = HeadcountOf(tally, Paris);
        if (headcount is not null)
        {
            // The stock as the last count of the year found it (no 2020 reference in the report's "année en bref").
            figures.Add(new FigureView(EffectifTableau, "tableau", "Médecins inscrits au Tableau (effectif au dernier comptage de l'année)",
                headcount.Statuses.Where(s => s.OnTheRoll).Sum(s => headcount.Totals[s.Key]), null, "nombre", "evenements"));
            breakdowns.Add(new BreakdownView(EffectifParStatut, "tableau", "Effectif du Tableau par statut", "nombre",
                [.. headcount.Statuses.Select(s => new ItemView(s.Key, s.Label, headcount.Totals[s.Key]))]));
        }
        return new YearFigures(year, computedAt, figures, series, breakdowns, departments, headcount);
    }
}
