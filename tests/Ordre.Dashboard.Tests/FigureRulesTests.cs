using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.Dashboard.Figures;

namespace Ordre.Dashboard.Tests;

/// <summary>Each rule that places an event in a year, a month, a department and a region (docs/dashboard.md).</summary>
public sealed class FigureRulesTests
{
    private static readonly DateTimeOffset At = new(2020, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static YearTally Tally(int year, params object[] events)
    {
        var tally = new YearTally { Id = year };
        foreach (var e in events)
            if (FigureRules.Of(e) is { } c && c.Day.Year == year)
                tally.Add(c);
        return tally;
    }

    private static decimal Figure(YearFigures figures, string key) => figures.Figures.Single(f => f.Key == key).Value;

    [Fact]
    public void An_event_without_a_business_day_at_23_30_UTC_on_31_December_counts_in_the_next_civil_year_in_Paris()
    {
        var aid = new AidRequested(Guid.NewGuid(), "helpline", "doctor", 1_000m, new DateTimeOffset(2020, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2021, 1, 1), FigureRules.Of(aid)!.Day);
        Assert.Equal(0, Tally(2020, aid).Total(FigureRules.DemandesAide));
        Assert.Equal(1, Tally(2021, aid).Total(FigureRules.DemandesAide));
    }

    [Fact]
    public void A_registration_counts_in_the_year_and_month_it_was_granted_not_when_its_message_arrived()
    {
        var registered = new PractitionerRegistered(Guid.NewGuid(), "10000000001", "75", "Martin", "Camille", "Médecine générale",
            new DateOnly(2020, 12, 31), new DateTimeOffset(2021, 1, 2, 8, 0, 0, TimeSpan.Zero));
        var tally = Tally(2020, registered);
        Assert.Equal(1, tally.Months[FigureRules.Inscriptions][11]);
        var series = FiguresCatalog.For(2020, tally, At).Series.Single(s => s.Key == "inscriptions-par-mois");
        Assert.Equal(new PointView("2020-12", 1), series.Points[11]);
        Assert.Equal(0, Tally(2021, registered).Total(FigureRules.Inscriptions));
    }

    [Fact]
    public void A_department_counts_in_its_region_and_under_its_name()
    {
        var tally = Tally(2020,
            new PractitionerRegistered(Guid.NewGuid(), "10000000001", "13", "A", "B", "C", new DateOnly(2020, 3, 1), At),
            new PractitionerRegistered(Guid.NewGuid(), "10000000002", "06", "A", "B", "C", new DateOnly(2020, 3, 1), At),
            new PractitionerRegistered(Guid.NewGuid(), "10000000003", "75", "A", "B", "C", new DateOnly(2020, 3, 1), At));
        var figures = FiguresCatalog.For(2020, tally, At);
        var marseille = figures.Departments.Single(d => d.Code == "13");
        Assert.Equal(("Bouches-du-Rhône", "PAC", 1m), (marseille.Name, marseille.Region, marseille.Values[FigureRules.Inscriptions]));
        var regions = figures.Breakdowns.Single(b => b.Key == "inscriptions-par-region").Items;
        Assert.Equal(2, regions.Single(r => r.Key == "PAC").Value);
        Assert.Equal(1, regions.Single(r => r.Key == "IDF").Value);
    }

    [Fact]
    public void Dossiers_decided_are_the_granted_refused_and_implicitly_rejected_inscriptions_beside_the_16389_of_2020()
    {
        var day = new DateOnly(2020, 5, 4);
        var figures = FiguresCatalog.For(2020, Tally(2020,
            new PractitionerRegistered(Guid.NewGuid(), "1", "75", "A", "B", "C", day, At),
            new InscriptionRefused(Guid.NewGuid(), "2", "75", ["motif"], day, At),
            new InscriptionImplicitlyRejected(Guid.NewGuid(), "3", "92", day, At)), At);
        var decided = figures.Figures.Single(f => f.Key == "dossiers-inscription-decides");
        Assert.Equal((3m, 16_389m, "evenements"), (decided.Value, decided.Reference2020!.Value, decided.Source));
    }

    [Fact]
    public void A_batch_of_conventions_counts_each_dossier_by_regime_category_and_month_of_receipt()
    {
        var batch = new ConventionDossiersSubmitted(Guid.NewGuid(), "2020-10",
            [new("Declaration", "Hospitality", false, false, 700), new("Authorisation", "Fees", true, false, 300)], At);
        var figures = FiguresCatalog.For(2020, Tally(2020, batch), At);
        Assert.Equal(1_000, Figure(figures, FigureRules.Conventions));
        Assert.Equal(300, Figure(figures, FigureRules.ConventionsTardives));
        var regimes = figures.Breakdowns.Single(b => b.Key == "conventions-par-regime").Items;
        Assert.Equal([("Declaration", "Déclaration", 700m), ("Authorisation", "Autorisation", 300m)], regimes.Select(i => (i.Key, i.Label, i.Value)));
        Assert.Equal(300, figures.Breakdowns.Single(b => b.Key == "conventions-par-categorie").Items.Single(i => i.Key == "Fees").Value);
        Assert.Equal(1_000, figures.Series.Single(s => s.Key == "conventions-par-mois").Points[9].Value);
    }

    [Fact]
    public void The_refusal_rate_is_refused_over_decided_authorisations_including_deemed_ones_to_one_decimal()
    {
        var refused = new ConventionDossierDecided(Guid.NewGuid(), "Authorisation", "Fees", "Refused", "2020-11", At);
        var authorised = new ConventionDossierDecided(Guid.NewGuid(), "Authorisation", "Fees", "Authorised", "2020-11", At);
        var deemed = new ConventionAuthorisationDeemedGranted(Guid.NewGuid(), "Fees", "2020-11", At);
        var recommendation = new ConventionDossierDecided(Guid.NewGuid(), "Declaration", "Fees", "RecommendationIssued", "2020-11", At);
        var figures = FiguresCatalog.For(2020, Tally(2020, refused, authorised, deemed, recommendation), At);
        Assert.Equal(33.3m, Figure(figures, "taux-refus-autorisations"));
        Assert.Equal(1, Figure(figures, FigureRules.AutorisationsTacites));
        Assert.Equal("pourcentage", figures.Figures.Single(f => f.Key == "taux-refus-autorisations").Unit);
    }

    [Fact]
    public void Aid_amounts_count_granted_aids_and_loans_in_euros_to_the_cent_and_refusals_not_at_all()
    {
        var figures = FiguresCatalog.For(2020, Tally(2020,
            new AidRuled(Guid.NewGuid(), "grant", 1_234.56m, At),
            new AidRuled(Guid.NewGuid(), "loan", 4_000m, At),
            new AidRuled(Guid.NewGuid(), "refused", 0m, At)), At);
        Assert.Equal(5_234.56m, Figure(figures, FigureRules.MontantAidesAccordees));
        Assert.Equal(2, Figure(figures, FigureRules.AidesAccordees));
        Assert.Equal(("euros", 1_138_000m), (figures.Figures.Single(f => f.Key == FigureRules.MontantAidesAccordees).Unit,
            figures.Figures.Single(f => f.Key == FigureRules.MontantAidesAccordees).Reference2020!.Value));
    }

    [Fact]
    public void A_figure_no_event_produces_is_shown_as_entered_by_hand_for_its_year_only()
    {
        var restricted = FiguresCatalog.For(2020, null, At).Figures.Single(f => f.Key == "decisions-formation-restreinte");
        Assert.Equal(("saisie-manuelle", 93m, 93m), (restricted.Source, restricted.Value, restricted.Reference2020!.Value));
        Assert.DoesNotContain(FiguresCatalog.For(2021, null, At).Figures, f => f.Source == "saisie-manuelle");
    }

    [Fact]
    public void The_contract_series_and_breakdowns_are_always_present_even_for_a_year_without_events()
    {
        var figures = FiguresCatalog.For(2031, null, At);
        foreach (var key in new[] { "inscriptions-par-mois", "transferts-par-mois", "conventions-par-mois", "plaintes-par-mois" })
            Assert.Equal(12, figures.Series.Single(s => s.Key == key).Points.Count);
        foreach (var key in new[] { "conventions-par-regime", "conventions-par-categorie", "sanctions-par-nature", "discipline-etapes" })
            Assert.Contains(figures.Breakdowns, b => b.Key == key);
        Assert.All(figures.Figures, f => Assert.Contains(f.Group, new[] { "tableau", "discipline", "conventions", "solidarite" }));
    }

    [Fact]
    public void Cases_pending_at_a_year_s_end_are_every_opening_minus_every_judgment_up_to_that_year()
    {
        var at2019 = new DateOnly(2019, 11, 3);
        var at2020 = new DateOnly(2020, 2, 3);
        var y2019 = Tally(2019, new DisciplinaryCaseOpened(Guid.NewGuid(), DisciplinaryChambers.National, null, at2019, At),
            new DisciplinaryCaseOpened(Guid.NewGuid(), DisciplinaryChambers.National, null, at2019, At));
        var y2020 = Tally(2020, new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.National, "Warning", at2020, At),
            new DisciplinaryCaseOpened(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "75", at2020, At));
        var figures = FiguresCatalog.For(2020, y2020, At, [y2019, y2020]);
        Assert.Equal(1, Figure(figures, "affaires-cdn-en-cours"));
        Assert.Equal(1, Figure(figures, FigureRules.AffairesCdnJugees));
        Assert.Equal(0, Figure(figures, FigureRules.AffairesCdnOuvertes));
        Assert.Equal(1, Figure(figures, "affaires-cdpi-en-cours"));
        Assert.Equal(2, Figure(FiguresCatalog.For(2019, y2019, At, [y2019]), "affaires-cdn-en-cours"));
    }

    [Fact]
    public void The_average_time_to_judgment_of_a_chamber_is_its_year_s_judgments_days_from_opening_averaged_over_those_that_carry_an_opening_day()
    {
        var judgedOn = new DateOnly(2020, 6, 30);
        var y2020 = Tally(2020,
            new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "Warning", judgedOn, At, judgedOn.AddDays(-100)),
            new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "Dismissed", judgedOn, At, judgedOn.AddDays(-200)),
            new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "Reprimand", judgedOn, At, judgedOn.AddDays(-101)),
            // Published before the opening day was carried: counted as judged, left out of the average.
            new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "Warning", judgedOn, At),
            new DisciplinaryCaseJudged(Guid.NewGuid(), DisciplinaryChambers.National, "Warning", judgedOn, At, new DateOnly(2018, 11, 25)));
        var figures = FiguresCatalog.For(2020, y2020, At);
        Assert.Equal(133.7m, Figure(figures, FiguresCatalog.DelaiMoyenJugementCdpi));
        Assert.Equal(4, Figure(figures, FigureRules.AffairesCdpiJugees));
        var cdn = figures.Figures.Single(f => f.Key == FiguresCatalog.DelaiMoyenJugementCdn);
        Assert.Equal((583m, "jours", 595m), (cdn.Value, cdn.Unit, cdn.Reference2020));
        Assert.Equal(0, Figure(FiguresCatalog.For(2021, Tally(2021), At), FiguresCatalog.DelaiMoyenJugementCdpi));
    }

    [Fact]
    public void The_discipline_pipeline_counts_complaints_then_first_instance_cases_then_national_appeals_in_that_order()
    {
        var day = new DateOnly(2020, 4, 1);
        var figures = FiguresCatalog.For(2020, Tally(2020,
            new ComplaintLodged(Guid.NewGuid(), "13", day, At), new ComplaintLodged(Guid.NewGuid(), "13", day, At), new ComplaintLodged(Guid.NewGuid(), "75", day, At),
            new DisciplinaryCaseOpened(Guid.NewGuid(), DisciplinaryChambers.FirstInstance, "13", day, At),
            new DisciplinaryCaseOpened(Guid.NewGuid(), DisciplinaryChambers.National, null, day, At)), At);
        var pipeline = figures.Breakdowns.Single(b => b.Key == "discipline-etapes").Items;
        Assert.Equal([("plaintes", 3m), ("cdpi", 1m), ("cdn", 1m)], pipeline.Select(i => (i.Key, i.Value)));
        Assert.Equal(2, figures.Departments.Single(d => d.Code == "13").Values[FigureRules.Plaintes]);
        Assert.Equal(3, figures.Series.Single(s => s.Key == "plaintes-par-mois").Points[3].Value);
    }

    [Fact]
    public void Lps_requests_count_apart_from_accepted_first_declarations_and_renewals()
    {
        var day = new DateOnly(2020, 7, 1);
        var figures = FiguresCatalog.For(2020, Tally(2020,
            new LpsDeclarationRecorded(Guid.NewGuid(), "Received", day, At), new LpsDeclarationRecorded(Guid.NewGuid(), "Received", day, At),
            new LpsDeclarationRecorded(Guid.NewGuid(), "Registered", day, At), new LpsDeclarationRecorded(Guid.NewGuid(), "Renewed", day, At)), At);
        Assert.Equal((2m, 2m), (Figure(figures, FigureRules.DemandesLps), Figure(figures, FigureRules.DeclarationsLpsAcceptees)));
        Assert.Equal(144, figures.Figures.Single(f => f.Key == FigureRules.DemandesLps).Reference2020);
        Assert.Equal([1m, 1m], figures.Breakdowns.Single(b => b.Key == FigureRules.DeclarationsLpsParEtape).Items.Select(i => i.Value));
    }
}
