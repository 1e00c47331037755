using Refit;
using System.Diagnostics;
using Ordre.Client;

/// <summary>
/// A year of disciplinary activity sized from DOMAIN.md §6, sent through the gateway's real commands:
/// 3,000 complaints at the departmental councils (half settled by conciliation), the rest transmitted to the
/// first-instance chambers, where each case gets a rapporteur; a little over a quarter are decided at once by
/// presidential order [S4: 88 orders of 326 decisions] with the demo sanction mix, the others wait for their
/// hearing; about a quarter of the decisions are appealed [S4: 365 new CDN cases], the national chamber rules
/// (final: the sanctions reach the Tableau), 1.4 case-law sheets per national decision [S4: 410 from 292].
/// Everything happens on today's date: the services' clocks cannot be set back.
/// </summary>
internal sealed class DisciplineYear(IOrdreApi api, int seed, int complaints, Action<string> progress)
{
    // Only Paris and Marseille have demo council and chamber accounts (cdom75/cdpiidf, cdom13/cdpipaca).
    private static readonly (string Council, string Department, string Chamber, double Share)[] Councils =
        [("cdom75", "75", "cdpiidf", 0.75), ("cdom13", "13", "cdpipaca", 0.25)];
    private static readonly string[] PatientNames = ["Mme Garcia", "M. Lambert", "Mme Fontaine", "M. Chevalier", "Mme Rousseau", "M. Mercier", "Mme Blanc", "M. Guerin", "Mme Muller", "M. Henry"];
    private static readonly string[] Grounds = ["Qualité des soins", "Confraternité", "Comportement envers le patient", "Certificat de complaisance", "Secret médical", "Honoraires"];

    public sealed record Figures(int Complaints, int Conciliated, int Withdrawn, int Transmitted, int Orders, int Sanctions, int Appeals, int Sheets, int Failures);

    public async Task<Figures> LoadAsync(DemoDoctors doctorSource, DateOnly today)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var account in Councils.SelectMany(c => new[] { c.Council, c.Chamber }).Append("cdn"))
            tokens[account] = await api.SignInAsync(account);

        // Loaded once: the Paris council handles three quarters of the year's complaints.
        var existing = await api.ListComplaints(tokens["cdom75"], pageSize: 1);
        if (existing.Content?.Total >= complaints / 2)
        {
            progress("L'année disciplinaire de démonstration est déjà chargée.");
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        // The doctors complained about: new inscriptions in each department (one complaint in five is about a doctor already complained about).
        var random = new Random(seed);
        var doctors = new Dictionary<string, List<InscriptionRequest>>();
        foreach (var (council, department, _, share) in Councils)
        {
            doctors[department] = [];
            for (var i = 0; i < (int)(complaints * share * 0.8); i++)
            {
                var request = doctorSource.Next(department, today);
                if (await api.RegisterDoctorAsync(request, tokens[council]))
                    doctors[department].Add(request);
            }
            progress($"  {doctors[department].Count} médecins inscrits dans le {department} pour les plaintes");
        }

        var plans = Enumerable.Range(0, complaints).Select(_ => Plan(random, doctors)).ToList();
        var clock = Stopwatch.StartNew();
        var (done, conciliated, withdrawn, transmitted, orders, sanctions, appeals, sheets, failures) = (0, 0, 0, 0, 0, 0, 0, 0, 0);
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (plan, _) =>
        {
            var outcome = await RunAsync(plan, tokens, today);
            lock (plans)
            {
                done++;
                if (outcome.Failed) failures++;
                if (outcome.Conciliated) conciliated++;
                if (outcome.Withdrawn) withdrawn++;
                if (outcome.Transmitted) transmitted++;
                if (outcome.Order) orders++;
                if (outcome.Sanction) sanctions++;
                if (outcome.Appealed) appeals++;
                sheets += outcome.Sheets;
                if (done % 250 == 0)
                    progress($"  {done}/{complaints} plaintes ({clock.Elapsed.TotalSeconds:0} s, {done / clock.Elapsed.TotalSeconds:0} plaintes/s)");
            }
        });
        return new Figures(done, conciliated, withdrawn, transmitted, orders, sanctions, appeals, sheets, failures);
    }

    private sealed record ComplaintPlan(
        string Council, string Chamber, InscriptionRequest Doctor, string Kind, string ComplainantName, string[] Grounds,
        string? Conciliation, bool Withdraws, bool Order, string DecisionOutcome, int BanMonths, int SuspendedMonths, int HearingInDays,
        bool Appealed, bool Replaced, int Sheets);

    private static ComplaintPlan Plan(Random random, Dictionary<string, List<InscriptionRequest>> doctors)
    {
        var (council, department, chamber, _) = random.NextDouble() < Councils[0].Share ? Councils[0] : Councils[1];
        var pool = doctors[department];
        var doctor = pool[random.Next(pool.Count)];
        var kind = random.NextDouble() switch { < 0.70 => "Patient", < 0.85 => "Doctor", < 0.90 => "InsuranceFund", < 0.93 => "Association", _ => "Authority" };
        var name = kind switch
        {
            "Patient" => PatientNames[random.Next(PatientNames.Length)],
            "Doctor" => $"Dr {PatientNames[random.Next(PatientNames.Length)].Split(' ')[1]}",
            "InsuranceFund" => "Caisse primaire d'assurance maladie",
            "Association" => "Association de patients",
            _ => "Agence régionale de santé",
        };
        // [S4] quality of care 51%, confraternity 29%, behaviour 28%; a complaint can have several grounds.
        var grounds = new List<string>();
        if (random.NextDouble() < 0.51) grounds.Add(Grounds[0]);
        if (random.NextDouble() < 0.29) grounds.Add(Grounds[1]);
        if (random.NextDouble() < 0.28) grounds.Add(Grounds[2]);
        if (grounds.Count == 0) grounds.Add(Grounds[3 + random.Next(3)]);
        // Half of all complaints end in a total conciliation (DOMAIN §6 demo default); authorities skip it.
        var conciliation = kind == "Authority" ? null
            : random.NextDouble() < 0.54 ? "Total" : new[] { "Partial", "Failed", "Absent" }[random.Next(3)];
        // Demo sanction mix (A): 50% none, 20% warning, 14% reprimand, 12% ban (half with sursis), 4% striking-off.
        var draw = random.NextDouble();
        var (outcome, months) = draw switch
        {
            < 0.50 => ("Dismissed", 0),
            < 0.70 => ("Warning", 0),
            < 0.84 => ("Reprimand", 0),
            < 0.96 => ("PracticeBan", 1 + random.Next(12)),
            _ => ("StrikingOff", 0),
        };
        var suspended = outcome == "PracticeBan" && random.NextDouble() < 0.5 ? months : 0;
        return new ComplaintPlan(council, chamber, doctor, kind, name, [.. grounds], conciliation,
            Withdraws: conciliation is not null && conciliation != "Total" && random.NextDouble() < 0.04,
            Order: random.NextDouble() < 0.27, outcome, months, suspended, HearingInDays: 14 + random.Next(120),
            Appealed: random.NextDouble() < 0.24, Replaced: random.NextDouble() < 0.3, Sheets: random.NextDouble() < 0.4 ? 2 : 1);
    }

    private sealed record Result(bool Failed, bool Conciliated = false, bool Withdrawn = false, bool Transmitted = false,
        bool Order = false, bool Sanction = false, bool Appealed = false, int Sheets = 0);

    private async Task<Result> RunAsync(ComplaintPlan plan, Dictionary<string, string> tokens, DateOnly today)
    {
        var council = tokens[plan.Council];
        var created = await api.RegisterComplaint(new ComplaintRequest(plan.Doctor.Rpps!, new Complainant(plan.Kind, plan.ComplainantName), plan.Grounds), council);
        if (!created.IsSuccessStatusCode) return Failed("plainte", created);
        var id = created.Content!.Id;
        if (!await Ok(api.ChangeComplaint(id, "acknowledgement", new { }, council))) return new(true);
        if (plan.Conciliation is { } conciliation)
        {
            if (!await Ok(api.ChangeComplaint(id, "conciliators", new { conciliators = new[] { "Dr Anne Petit", "Dr Paul Roux", "Dr Léa Blanc" } }, council))
                || !await Ok(api.ChangeComplaint(id, "convocation", new { meetingOn = today }, council)))
                return new(true);
            if (plan.Withdraws)
                return new(!await Ok(api.ChangeComplaint(id, "withdrawal", new { }, council)), Withdrawn: true);
            if (!await Ok(api.ChangeComplaint(id, "conciliation", new { outcome = conciliation }, council))) return new(true);
            if (conciliation == "Total") return new(false, Conciliated: true);
        }
        var transmitted = await api.ChangeComplaint(id, "transmission", new { opinion = "Les griefs justifient l'examen de la plainte par la chambre.", councilJoins = plan.Kind == "Authority" }, council);
        if (!transmitted.IsSuccessStatusCode) return Failed("transmission", transmitted);
        var caseId = transmitted.Content!.CaseId!.Value;

        var chamber = tokens[plan.Chamber];
        if (!await Ok(api.ChangeCase(caseId, "rapporteur", new { rapporteur = "Dr Hélène Garnier" }, chamber))) return new(true);
        if (!plan.Order)
            return new(!await Ok(api.ChangeCase(caseId, "hearing", new { hearingOn = today.AddDays(plan.HearingInDays) }, chamber)), Transmitted: true);
        var decision = new { form = "PresidentialOrder", outcome = plan.DecisionOutcome, banMonths = plan.BanMonths, suspendedMonths = plan.SuspendedMonths };
        if (!await Ok(api.ChangeCase(caseId, "decision", decision, chamber)) || !await Ok(api.ChangeCase(caseId, "notification", new { }, chamber)))
            return new(true);
        var sanction = plan.DecisionOutcome != "Dismissed";
        if (!plan.Appealed)
            return new(false, Transmitted: true, Order: true, Sanction: sanction);

        var national = tokens["cdn"];
        var ruling = plan.Replaced
            ? new { ruling = "Replaced", decision = (object?)new { form = "Collegial", outcome = plan.DecisionOutcome == "Dismissed" ? "Warning" : "Dismissed", banMonths = 0, suspendedMonths = 0 } }
            : new { ruling = "Confirmed", decision = (object?)null };
        if (!await Ok(api.ChangeCase(caseId, "appeal", new { }, national)) || !await Ok(api.ChangeCase(caseId, "appeal/decision", ruling, national)))
            return new(true);
        var published = 0;
        for (var n = 0; n < plan.Sheets; n++)
        {
            var sheet = SheetFor(plan, n);
            if ((await api.PublishCaseLawSheet(caseId, sheet, national)).IsSuccessStatusCode) published++;
        }
        return new(published != plan.Sheets, Transmitted: true, Order: true, Sanction: sanction, Appealed: true, Sheets: published);
    }

    /// <summary>A sheet as the case-law service writes it, naming the parties: the service pseudonymises it.</summary>
    private static CaseLawSheetRequest SheetFor(ComplaintPlan plan, int number)
    {
        var doctor = $"Dr {plan.Doctor.FirstName} {plan.Doctor.LastName}";
        var ground = plan.Grounds[number % plan.Grounds.Length];
        return ground switch
        {
            "Qualité des soins" => new($"Devoir de soins consciencieux et conformes aux données acquises de la science",
                $"Saisie par {plan.ComplainantName}, la chambre relève que le {doctor} n'a pas prescrit les examens qu'imposait l'état du patient " +
                "ni assuré la continuité des soins (articles R.4127-32 et R.4127-47 du code de la santé publique).", ["Qualité des soins", "Continuité des soins"]),
            "Confraternité" => new("Devoir de confraternité entre médecins",
                $"Le {doctor} a dénigré publiquement un confrère auprès de patients communs ; ces propos manquent à la confraternité (article R.4127-56).",
                ["Confraternité"]),
            "Comportement envers le patient" => new("Attitude envers le patient et respect de sa dignité",
                $"Les propos du {doctor} envers {plan.ComplainantName}, rapportés par plusieurs témoins, méconnaissent le respect dû à la personne (article R.4127-2).",
                ["Comportement", "Dignité du patient"]),
            "Certificat de complaisance" => new("Certificats tendancieux ou de complaisance",
                $"Le {doctor} a rédigé des certificats médicaux relatant des faits qu'il n'avait pas constatés (article R.4127-28).", ["Certificats"]),
            "Secret médical" => new("Secret professionnel", $"Le {doctor} a révélé à un tiers des informations couvertes par le secret (article R.4127-4).",
                ["Secret médical"]),
            _ => new("Tact et mesure dans la fixation des honoraires", $"Le {doctor} a réclamé des dépassements d'honoraires sans information préalable (article R.4127-53).",
                ["Honoraires"]),
        };
    }

    private static async Task<bool> Ok<T>(Task<IApiResponse<T>> call) => (await call).IsSuccessStatusCode;

    private static Result Failed(string what, IApiResponse response)
    {
        Console.Error.WriteLine($"Échec ({what}) : {(int?)response.StatusCode} {(response.Error as ApiException)?.Content}");
        return new(true);
    }
}
