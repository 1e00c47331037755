using System.Diagnostics;
using Ordre.Client;
using Refit;

/// <summary>
/// A year of disciplinary activity sized from DOMAIN.md §6, sent through the gateway's real commands:
/// 3,000 complaints at the departmental councils (half settled by conciliation), the rest transmitted to the
/// first-instance chambers, where each case gets a rapporteur; a little over a quarter are decided at once by
/// presidential order [S4: 88 orders of 326 decisions] with the demo sanction mix, the others wait for their
/// hearing; about a quarter of the decisions are appealed [S4: 365 new CDN cases], the national chamber rules
/// (final: the sanctions reach the Tableau), 1.4 case-law sheets per national decision [S4: 410 from 292].
/// Everything happens on today's date: the services' clocks cannot be set back.
/// </summary>
internal sealed class DisciplineYear(IOrdreApi api, DemoAccounts accounts, int seed, int complaints, DemoReport report)
{
    // Only Paris and Marseille have demo council and chamber accounts (cdom75/cdpiidf, cdom13/cdpipaca).
    private static readonly (string Council, string Department, string Chamber, double Share)[] Councils =
        [("cdom75", "75", "cdpiidf", 0.75), ("cdom13", "13", "cdpipaca", 0.25)];
    private static readonly string[] PatientNames = ["Mme Garcia", "M. Lambert", "Mme Fontaine", "M. Chevalier", "Mme Rousseau", "M. Mercier", "Mme Blanc", "M. Guerin", "Mme Muller", "M. Henry"];
    private static readonly string[] Grounds = ["Qualité des soins", "Confraternité", "Comportement envers le patient", "Certificat de complaisance", "Secret médical", "Honoraires"];
    /// <summary>The council's conciliators: three of these, never one bearing a party's name (R.4123-19, checked by the service).</summary>
    private static readonly string[] ConciliatorPool = ["Dr Anne Petit", "Dr Paul Roux", "Dr Léa Blanc", "Dr Marc Vidal", "Dr Irène Lacombe"];
    private const int Workers = 4;

    public sealed record Figures(int Complaints, int Conciliated, int Withdrawn, int Transmitted, int Orders, int Sanctions, int Appeals, int Sheets, int Failures);

    public async Task<Figures> LoadAsync(DemoDoctors doctorSource, DateOnly today)
    {
        // Loaded once: the Paris council handles three quarters of the year's complaints.
        var existing = await Call("liste des plaintes", "conseil du 75", "cdom75", token => api.ListComplaints(token, pageSize: 1));
        if (existing is null)
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 1);
        if (existing.Total >= complaints / 2)
        {
            report.Progress("L'année disciplinaire de démonstration est déjà chargée.");
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        // The doctors complained about: new inscriptions in each department (one complaint in five is about a doctor already complained about).
        var random = new Random(seed);
        var doctors = new Dictionary<string, List<InscriptionRequest>>();
        foreach (var (council, department, _, share) in Councils)
            doctors[department] = await RegisterDoctorsAsync(doctorSource, council, department, (int)(complaints * share * 0.8), today);
        if (doctors.FirstOrDefault(pool => pool.Value.Count == 0) is { Value: not null } empty)
        {
            report.Fail("plaintes", $"département {empty.Key}", new CallFailure(null, "aucun médecin inscrit contre qui déposer les plaintes", Transient: false));
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 1);
        }

        var plans = Enumerable.Range(0, complaints).Select(n => Plan(n + 1, random, doctors)).ToList();
        var clock = Stopwatch.StartNew();
        var (done, conciliated, withdrawn, transmitted, orders, sanctions, appeals, sheets, failures) = (0, 0, 0, 0, 0, 0, 0, 0, 0);
        try
        {
            await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = report.TooMany }, async (plan, _) =>
            {
                var outcome = await RunAsync(plan, today);
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
                        report.Progress($"  {done}/{complaints} plaintes ({clock.Elapsed.TotalSeconds:0} s, {done / clock.Elapsed.TotalSeconds:0} plaintes/s)");
                }
            });
        }
        catch (OperationCanceledException) when (report.TooMany.IsCancellationRequested)
        {
            report.Progress($"  année disciplinaire arrêtée après {done}/{complaints} plaintes.");
        }
        return new Figures(done, conciliated, withdrawn, transmitted, orders, sanctions, appeals, sheets, failures);
    }

    /// <summary>
    /// Registers <paramref name="count"/> doctors in the department, <see cref="Workers"/> at a time, in the generator's order;
    /// a generated RPPS already held by another doctor (the imported register) is replaced by the next one drawn.
    /// </summary>
    private async Task<List<InscriptionRequest>> RegisterDoctorsAsync(DemoDoctors source, string council, string department, int count, DateOnly today)
    {
        var registered = new List<InscriptionRequest>();
        var (present, taken, done) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        var batch = Enumerable.Range(0, count).Select(_ => source.Next(department, today)).ToList();
        for (var round = 1; batch.Count > 0 && round <= 5 && !report.TooMany.IsCancellationRequested; round++)
        {
            var results = new DoctorRegistration[batch.Count];
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = report.TooMany }, async (i, _) =>
                {
                    results[i] = await api.RegisterDoctorAsync(batch[i], await accounts.TokenAsync(council), retried: report.Retried);
                    if (Interlocked.Increment(ref done) % 300 == 0)
                        report.Progress($"  {done}/{count} médecins inscrits dans le {department} ({clock.Elapsed.TotalSeconds:0} s)");
                });
            }
            catch (OperationCanceledException) when (report.TooMany.IsCancellationRequested)
            {
                break;
            }
            var replacements = new List<InscriptionRequest>();
            for (var i = 0; i < batch.Count; i++)
                switch (results[i].Outcome)
                {
                    case RegistrationOutcome.Registered:
                        registered.Add(batch[i]);
                        break;
                    case RegistrationOutcome.AlreadyOnRegister:
                        registered.Add(batch[i]);
                        present++;
                        break;
                    case RegistrationOutcome.RppsTaken:
                        taken++;
                        replacements.Add(source.Next(department, today));
                        break;
                    default:
                        report.Fail(results[i].Step ?? "inscription d'un médecin mis en cause",
                            $"RPPS {batch[i].Rpps} ({batch[i].FirstName} {batch[i].LastName}, {department})",
                            results[i].Failure ?? new CallFailure(null, results[i].Outcome.ToString(), false));
                        break;
                }
            batch = replacements;
        }
        var details = string.Join(", ", new[]
        {
            present > 0 ? $"{present} déjà inscrits" : null,
            taken > 0 ? $"{taken} numéro(s) RPPS tiré(s) déjà attribué(s) à un autre médecin, remplacé(s)" : null,
        }.OfType<string>());
        report.Progress($"  {registered.Count}/{count} médecins inscrits dans le {department} pour les plaintes{(details.Length > 0 ? $" ({details})" : "")}, en {clock.Elapsed.TotalSeconds:0} s");
        return registered;
    }

    private sealed record ComplaintPlan(
        int Number, string Council, string Chamber, InscriptionRequest Doctor, string Kind, string ComplainantName, string[] Grounds,
        string? Conciliation, bool Withdraws, bool Order, string DecisionOutcome, int BanMonths, int SuspendedMonths, int HearingInDays,
        bool Appealed, bool Replaced, int Sheets);

    private static ComplaintPlan Plan(int number, Random random, Dictionary<string, List<InscriptionRequest>> doctors)
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
        return new ComplaintPlan(number, council, chamber, doctor, kind, name, [.. grounds], conciliation,
            Withdraws: conciliation is not null && conciliation != "Total" && random.NextDouble() < 0.04,
            Order: random.NextDouble() < 0.27, outcome, months, suspended, HearingInDays: 14 + random.Next(120),
            Appealed: random.NextDouble() < 0.24, Replaced: random.NextDouble() < 0.3, Sheets: random.NextDouble() < 0.4 ? 2 : 1);
    }

    private sealed record Result(bool Failed, bool Conciliated = false, bool Withdrawn = false, bool Transmitted = false,
        bool Order = false, bool Sanction = false, bool Appealed = false, int Sheets = 0);

    private async Task<Result> RunAsync(ComplaintPlan plan, DateOnly today)
    {
        var record = $"plainte {plan.Number}/{complaints} (RPPS {plan.Doctor.Rpps}, {plan.Doctor.FirstName} {plan.Doctor.LastName})";
        var created = await Call("dépôt de la plainte", record, plan.Council,
            token => api.RegisterComplaint(new ComplaintRequest(plan.Doctor.Rpps!, new Complainant(plan.Kind, plan.ComplainantName), plan.Grounds), token));
        if (created is null) return new(true);
        var id = created.Id;
        record += $", plainte {id}";
        Task<ComplaintChanged?> Complaint(string step, object body) =>
            Call($"plainte : {step}", record, plan.Council, token => api.ChangeComplaint(id, step, body, token));

        if (await Complaint("acknowledgement", new { }) is null) return new(true);
        if (plan.Conciliation is { } conciliation)
        {
            if (await Complaint("conciliators", new { conciliators = ConciliatorsFor(plan) }) is null
                || await Complaint("convocation", new { meetingOn = today }) is null)
                return new(true);
            if (plan.Withdraws)
                return new(await Complaint("withdrawal", new { }) is null, Withdrawn: true);
            if (await Complaint("conciliation", new { outcome = conciliation }) is null) return new(true);
            if (conciliation == "Total") return new(false, Conciliated: true);
        }
        var transmitted = await Complaint("transmission", new { opinion = "Les griefs justifient l'examen de la plainte par la chambre.", councilJoins = plan.Kind == "Authority" });
        if (transmitted is null) return new(true);
        if (transmitted.CaseId is not { } caseId)
        {
            report.Fail("plainte : transmission", record, new CallFailure(200, "la réponse ne donne pas l'affaire ouverte (caseId)", false));
            return new(true);
        }
        record += $", affaire {caseId}";
        Task<CaseChanged?> Case(string step, string account, object body) =>
            Call($"affaire : {step}", record, account, token => api.ChangeCase(caseId, step, body, token));

        if (await Case("rapporteur", plan.Chamber, new { rapporteur = "Dr Hélène Garnier" }) is null) return new(true);
        if (!plan.Order)
            return new(await Case("hearing", plan.Chamber, new { hearingOn = today.AddDays(plan.HearingInDays) }) is null, Transmitted: true);
        var decision = new { form = "PresidentialOrder", outcome = plan.DecisionOutcome, banMonths = plan.BanMonths, suspendedMonths = plan.SuspendedMonths };
        if (await Case("decision", plan.Chamber, decision) is null || await Case("notification", plan.Chamber, new { }) is null)
            return new(true);
        var sanction = plan.DecisionOutcome != "Dismissed";
        if (!plan.Appealed)
            return new(false, Transmitted: true, Order: true, Sanction: sanction);

        var ruling = plan.Replaced
            ? new { ruling = "Replaced", decision = (object?)new { form = "Collegial", outcome = plan.DecisionOutcome == "Dismissed" ? "Warning" : "Dismissed", banMonths = 0, suspendedMonths = 0 } }
            : new { ruling = "Confirmed", decision = (object?)null };
        if (await Case("appeal", "cdn", new { }) is null || await Case("appeal/decision", "cdn", ruling) is null)
            return new(true);
        var published = 0;
        for (var n = 0; n < plan.Sheets; n++)
        {
            var sheet = SheetFor(plan, n);
            if (await Call($"fiche de jurisprudence {n + 1}/{plan.Sheets}", record, "cdn", token => api.PublishCaseLawSheet(caseId, sheet, token)) is not null)
                published++;
        }
        return new(published != plan.Sheets, Transmitted: true, Order: true, Sanction: sanction, Appealed: true, Sheets: published);
    }

    /// <summary>Three conciliators, none sharing a surname with the doctor or the complainant (the first demo run drew a Dr Anne Petit).</summary>
    private static string[] ConciliatorsFor(ComplaintPlan plan)
    {
        static string Surname(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var parties = new[] { plan.Doctor.LastName ?? "", Surname(plan.ComplainantName) };
        return [.. ConciliatorPool.Where(c => !parties.Contains(Surname(c), StringComparer.OrdinalIgnoreCase)).Take(3)];
    }

    /// <summary>
    /// One call with the account's current token, transient failures sent again; null (and the failure reported with its
    /// step, record, status and problem detail) when it still fails.
    /// </summary>
    private async Task<T?> Call<T>(string step, string record, string account, Func<string, Task<IApiResponse<T>>> call) where T : class
    {
        IApiResponse<T> response;
        try
        {
            response = await Retrying.SendAsync(async () => await call(await accounts.TokenAsync(account)), report.Retried);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            report.Fail(step, record, CallFailure.From(e));
            return null;
        }
        if (response.IsSuccessStatusCode && response.Content is { } content)
            return content;
        report.Fail(step, record, response.IsSuccessStatusCode
            ? new CallFailure((int)response.StatusCode, "réponse sans contenu", Transient: false)
            : CallFailure.From(response));
        return null;
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
}
