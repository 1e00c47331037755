using System.Diagnostics;
using Ordre.Client;
using Refit;

/// <summary>
/// 2020 at the solidarity commissions (DOMAIN.md §5 and §6), sent through the gateway's real commands:
/// 3.7 M€ pledged then received from 7 departmental and 3 regional councils; 14 financing requests examined and
/// decided (3 bridge loans, 4 rejected, 7 granted: 483,000 € paid, 350,000 € premises, 113,000 € works, 20,000 €
/// operations); 272 entraide aid requests (129 Covid-related) by the helpline, a council or directly, for doctors of
/// the demo register and some family members, 1.138 M€ granted as grants and loans of honour and paid through the
/// ledger; 1,779 helpline calls as anonymous counts. Every record has an id derived from its name, so a second run
/// finds what it sent and only completes what is missing. Ends with the ledger's balance check and verify.
/// </summary>
internal sealed class SolidarityYear(Uri gateway, IOrdreApi api, DemoAccounts accounts, int seed, DemoReport report)
{
    private const string SolidarityFund = "fonds-solidarite", EntraideFund = "fonds-entraide", AidPaid = "aides-entraide", Budget = "budget-cnom";
    private const int AidRequests = 272, AidRefused = 32, CovidRelated = 129, HelplineCalls = 1_779, Workers = 4;
    private const decimal AidGranted = 1_138_000m;
    private readonly ISolidarityApi _solidarity = SolidarityClient.Create(gateway, TimeSpan.FromSeconds(30));

    private static readonly (string Id, string Name, string? Department, string? Region, decimal Donation)[] Donors =
    [
        ("cdom-75", "Conseil départemental de Paris", "75", null, 900_000m),
        ("cdom-92", "Conseil départemental des Hauts-de-Seine", "92", null, 400_000m),
        ("cdom-13", "Conseil départemental des Bouches-du-Rhône", "13", null, 500_000m),
        ("cdom-69", "Conseil départemental du Rhône", "69", null, 450_000m),
        ("cdom-33", "Conseil départemental de la Gironde", "33", null, 350_000m),
        ("cdom-59", "Conseil départemental du Nord", "59", null, 300_000m),
        ("cdom-06", "Conseil départemental des Alpes-Maritimes", "06", null, 250_000m),
        ("crom-idf", "Conseil régional d'Île-de-France", null, "IDF", 250_000m),
        ("crom-pac", "Conseil régional de Provence-Alpes-Côte d'Azur", null, "PAC", 150_000m),
        ("crom-ara", "Conseil régional d'Auvergne-Rhône-Alpes", null, "ARA", 150_000m),
    ];

    // 3 bridge loans (premises, 350,000 €), 7 grants (works 113,000 €, operations 20,000 €), 4 rejected.
    private static readonly (string Council, string Name, string Department, decimal Asked, string Purpose, string Decision, decimal? Amount)[] Requests =
    [
        ("cdom-976", "Conseil départemental de Mayotte", "976", 150_000m, "Achat des locaux du conseil", "bridge-loan", 150_000m),
        ("cdom-973", "Conseil départemental de la Guyane", "973", 120_000m, "Achat des locaux du conseil", "bridge-loan", 120_000m),
        ("cdom-48", "Conseil départemental de la Lozère", "48", 90_000m, "Achat des locaux du conseil", "bridge-loan", 80_000m),
        ("cdom-2a", "Conseil départemental de Corse-du-Sud", "2A", 45_000m, "Travaux des locaux", "granted", 40_000m),
        ("cdom-23", "Conseil départemental de la Creuse", "23", 30_000m, "Travaux de mise en accessibilité", "granted", 30_000m),
        ("cdom-971", "Conseil départemental de la Guadeloupe", "971", 25_000m, "Travaux des locaux", "granted", 25_000m),
        ("cdom-15", "Conseil départemental du Cantal", "15", 20_000m, "Travaux de mise en accessibilité", "granted", 18_000m),
        ("cdom-2b", "Conseil départemental de Haute-Corse", "2B", 8_000m, "Fonctionnement : équipement informatique", "granted", 8_000m),
        ("cdom-05", "Conseil départemental des Hautes-Alpes", "05", 7_000m, "Fonctionnement : visioconférence des séances", "granted", 7_000m),
        ("cdom-09", "Conseil départemental de l'Ariège", "09", 6_000m, "Fonctionnement : secrétariat", "granted", 5_000m),
        ("cdom-04", "Conseil départemental des Alpes-de-Haute-Provence", "04", 60_000m, "Rénovation complète des locaux", "rejected", null),
        ("cdom-52", "Conseil départemental de la Haute-Marne", "52", 35_000m, "Véhicule de service", "rejected", null),
        ("cdom-58", "Conseil départemental de la Nièvre", "58", 20_000m, "Réception annuelle", "rejected", null),
        ("cdom-974", "Conseil départemental de La Réunion", "974", 90_000m, "Extension des locaux", "rejected", null),
    ];

    // The departments whose council has a demo account (it gives the departmental opinion), with their share of requests.
    private static readonly (string Department, string Council, int Weight)[] AidDepartments =
        [("75", "cdom75", 40), ("92", "cdom92", 20), ("13", "cdom13", 25), ("2A", "cdom2a", 5), ("971", "cdom971", 10)];
    private static readonly string[] CommonNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];

    private sealed record Aid(int Number, Guid Id, string Channel, string Applicant, string? Rpps, string Department, string Council,
        decimal Asked, string Decision, decimal? Amount, string Name, string Situation, string? Relationship);

    public async Task LoadAsync()
    {
        var clock = Stopwatch.StartNew();
        report.Progress("Solidarité 2020 : dons, demandes de financement, entraide et plateforme d'écoute par les commandes de l'API");
        var cnom = await accounts.TokenAsync("cnom");
        var lastAid = await _solidarity.GetAidRequest(Id("aide", AidRequests), cnom);
        var helpline = await _solidarity.HelplineReport(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), cnom);
        if (lastAid.Content?.Status is "paid" or "refused" && helpline.Content?.Calls == HelplineCalls)
            report.Progress("  l'année 2020 de solidarité est déjà chargée.");
        else
        {
            if (!await OpenAccountsAsync())
                return;
            await DonationsAsync();
            await FinancingAsync();
            await EntraideAsync();
            await HelplineAsync();
        }
        await CheckAsync(clock);
    }

    private static Guid Id(string kind, int number) => SolidarityClient.StableId($"ordre-demo/solidarite-2020/{kind}/{number}");

    private async Task<bool> OpenAccountsAsync()
    {
        var all = new List<OpenLedgerAccount>
        {
            new(SolidarityFund, "fund", "Fonds de solidarité financière"),
            new(EntraideFund, "fund", "Fonds d'entraide"),
            new(AidPaid, "beneficiaries", "Aides versées par l'entraide"),
            // The national council's own budget, which endows the entraide fund: the ledger has no kind for it yet,
            // so it is a national account that may go below zero (a "beneficiaries" account, read by the national council only).
            new(Budget, "beneficiaries", "Budget du Conseil national (dotation de l'entraide)"),
        };
        all.AddRange(Donors.Select(d => new OpenLedgerAccount(d.Id, "council", d.Name, d.Department, d.Region)));
        all.AddRange(Requests.Select(r => new OpenLedgerAccount(r.Council, "council", r.Name, r.Department)));
        var opened = 0;
        foreach (var account in all)
            if (await Call("ouverture de compte", account.Id, "cnom", t => _solidarity.OpenAccount(account, t)) is not null)
                opened++;
        return opened == all.Count;
    }

    private async Task DonationsAsync()
    {
        var received = 0m;
        for (var i = 0; i < Donors.Length; i++)
        {
            var (council, _, _, _, amount) = Donors[i];
            var id = Id("don", i + 1);
            if (await Call("promesse de don", council, "cnom", t => _solidarity.PledgeDonation(new DonationPledge(council, SolidarityFund, amount, id), t)) is null)
                continue;
            if (await Call("réception du don", council, "cnom", t => _solidarity.ReceiveDonation(id, t)) is { Status: "received" })
                received += amount;
        }
        report.Progress($"  dons : {received:N0} € reçus de {Donors.Count(d => d.Department is not null)} conseils départementaux et {Donors.Count(d => d.Region is not null)} régionaux");
    }

    private async Task FinancingAsync()
    {
        var (granted, loans, rejected, paid) = (0, 0, 0, 0m);
        for (var i = 0; i < Requests.Length; i++)
        {
            var r = Requests[i];
            var id = Id("financement", i + 1);
            var record = $"demande {i + 1} ({r.Council})";
            var current = await Call("demande de financement", record, "cnom",
                t => _solidarity.SubmitFinancingRequest(new FinancingSubmission(r.Council, r.Asked, r.Purpose, "solidarite-financiere", id), t));
            for (var steps = 0; current is { Status: not ("rejected" or "disbursed") } && steps < 3; steps++)
            {
                var (step, body) = current.Status switch
                {
                    "submitted" => ("examination", (object)new { opinion = r.Decision == "rejected" ? "Avis défavorable : dépense non prioritaire" : "Avis favorable" }),
                    "examined" => ("decision", new { decision = r.Decision, amount = r.Amount }),
                    _ => ("disbursement", new { fund = SolidarityFund }),
                };
                current = await Call($"demande de financement : {step}", record, "cnom", t => _solidarity.ChangeFinancingRequest(id, step, body, t));
            }
            if (current?.Status == "rejected") rejected++;
            if (current?.Status == "disbursed")
            {
                paid += current.Granted ?? 0;
                if (current.Loan is null) granted++; else loans++;
            }
        }
        report.Progress($"  demandes de financement : {Requests.Length} examinées, {granted} aides et {loans} prêts relais versés ({paid:N0} €), {rejected} rejetées");
    }

    private async Task EntraideAsync()
    {
        // The national council endows the entraide fund (4 M€ allocated for Covid in 2020).
        await Call("dotation du fonds d'entraide", EntraideFund, "cnom", t => _solidarity.Transfer(
            new LedgerTransfer(Id("dotation-entraide", 1), [new TransferLeg(Budget, EntraideFund, 4_000_000m)], Memo: "Dotation 2020 (Covid)"), t));
        var plans = await PlanAidsAsync();
        if (plans is null)
            return;
        var (paid, refused, amount) = (0, 0, 0m);
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = report.TooMany }, async (aid, _) =>
        {
            var done = await RunAidAsync(aid);
            lock (plans)
            {
                if (done?.Status == "paid") { paid++; amount += done.Granted ?? 0; }
                if (done?.Status == "refused") refused++;
            }
        });
        report.Progress($"  entraide : {plans.Count} demandes d'aide, {paid} aides et prêts d'honneur versés ({amount:N0} €), {refused} refusées");
    }

    /// <summary>The 272 requests, drawn from the seed: their channel, applicant, department, decision and amount.</summary>
    private async Task<List<Aid>?> PlanAidsAsync()
    {
        var random = new Random(seed + 5);
        var departments = Enumerable.Range(0, AidRequests)
            .Select(_ => { var pick = random.Next(100); foreach (var d in AidDepartments) { if (pick < d.Weight) return d; pick -= d.Weight; } return AidDepartments[0]; })
            .ToList();
        var applicants = Enumerable.Range(0, AidRequests).Select(_ => random.Next(100) < 15 ? "family" : "doctor").ToList();
        var doctors = new Dictionary<string, List<string>>();
        foreach (var group in departments.Select((d, n) => (d.Department, Applicant: applicants[n])).Where(x => x.Applicant == "doctor").GroupBy(x => x.Department))
        {
            doctors[group.Key] = await DoctorsOfAsync(group.Key, group.Count());
            if (doctors[group.Key].Count == 0)
            {
                report.Fail("entraide", $"département {group.Key}", new CallFailure(null, "aucun médecin du Tableau trouvé dans l'annuaire", Transient: false));
                return null;
            }
        }

        // 240 favourable decisions (one in six a loan of honour) adding up to 1,138,000 €, to the ten euros; 32 refusals.
        var weights = Enumerable.Range(0, AidRequests - AidRefused).Select(_ => 1 + random.NextDouble() * 9).ToList();
        var amounts = weights.Select(w => Math.Round((decimal)(w / weights.Sum()) * AidGranted / 10m, 0) * 10m).ToList();
        amounts[0] += AidGranted - amounts.Sum();
        var refusedAt = Enumerable.Range(0, AidRequests).OrderBy(_ => random.Next()).Take(AidRefused).ToHashSet();
        string[] situations = ["Arrêt de travail prolongé, charges du cabinet impayées", "Baisse d'activité pendant le confinement (Covid-19), loyer du cabinet impayé",
            "Épuisement professionnel, reprise progressive", "Décès du conjoint, frais d'obsèques et charges du foyer", "Maladie grave, perte de revenus",
            "Covid-19 : cabinet fermé plusieurs semaines, cotisations en retard", "Sinistre au cabinet, assurance insuffisante"];
        string[] relationships = ["conjoint", "conjointe", "enfant", "veuve", "veuf"];
        var plans = new List<Aid>();
        var (next, used) = (0, new Dictionary<string, int>());
        for (var n = 0; n < AidRequests; n++)
        {
            var (department, council, _) = departments[n];
            var channel = (n % 5) switch { 0 or 1 => "helpline", 2 or 3 => "cdom", _ => "direct" };
            var applicant = applicants[n];
            string? rpps = null;
            if (applicant == "doctor")
            {
                var pool = doctors[department];
                used[department] = used.GetValueOrDefault(department) + 1;
                rpps = pool[(used[department] - 1) % pool.Count];
            }
            // Covid-related: 129 of 272 (DOMAIN §6), the situation says so.
            var covid = n < CovidRelated;
            var situation = covid ? situations[n % 2 == 0 ? 1 : 5] : situations[new[] { 0, 2, 3, 4, 6 }[n % 5]];
            var refused = refusedAt.Contains(n);
            var amount = refused ? (decimal?)null : amounts[next++];
            var decision = refused ? "refused" : n % 6 == 5 ? "loan" : "grant";
            if (amount > 20_000m) decision = "loan"; // the grant ceiling in force (GET /solidarity/rules)
            var asked = Math.Max(amount ?? 3_000m, 1_000m) + 10m * random.Next(0, 100);
            var name = applicant == "doctor" ? $"Dr {CommonNames[n % CommonNames.Length]}" : $"{(n % 2 == 0 ? "Mme" : "M.")} {CommonNames[(n + 3) % CommonNames.Length]}";
            plans.Add(new Aid(n + 1, Id("aide", n + 1), channel, applicant, rpps, department, council, asked, decision, amount, name,
                situation, applicant == "family" ? relationships[n % relationships.Length] : null));
        }
        return plans;
    }

    /// <summary>Doctors of the demo register in a department, by common names in the public directory, in RPPS order.</summary>
    private async Task<List<string>> DoctorsOfAsync(string department, int wanted)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in CommonNames)
        {
            var token = await accounts.TokenAsync("cnom"); // signed in: not under the gateway's anonymous rate limit
            var page = await Retrying.SendAsync(() => api.SearchDirectory(name, department, 1, 50, token: token), report.Retried);
            foreach (var doctor in page.Content?.Items ?? [])
                if (doctor.Department == department && doctor.Activity != "Retraité")
                    found.Add(doctor.Rpps);
            if (found.Count >= wanted)
                break;
        }
        return [.. found];
    }

    /// <summary>One request from where it stands to its end: filed, members assigned, opinion, decision, payment.</summary>
    private async Task<AidRecord?> RunAidAsync(Aid aid)
    {
        var record = $"demande d'aide {aid.Number}/{AidRequests} ({aid.Channel}, {aid.Department})";
        var current = (await Retrying.SendAsync(async () => await _solidarity.GetAidRequest(aid.Id, await accounts.TokenAsync("cnom")), report.Retried)).Content;
        // A council files for its doctors; a commission member files the helpline's and the direct requests (and is assigned to them).
        current ??= await Call("demande d'aide", record, aid.Channel == "cdom" ? aid.Council : "entraide1", t => _solidarity.RequestAid(
            new AidRequestFiling(aid.Channel, aid.Applicant, aid.Rpps, aid.Applicant == "family" ? aid.Department : null, aid.Asked, aid.Name,
                "Coordonnées transmises par la plateforme", aid.Situation, aid.Relationship, aid.Id), t));
        for (var steps = 0; current is { Status: not ("paid" or "refused") } && steps < 5; steps++)
        {
            current = current switch
            {
                { Status: "received", Members.Count: 0 } => await Call("entraide : membres", record, "cnom",
                    t => _solidarity.AssignAidMembers(aid.Id, new AidMembers(["entraide1"]), t)),
                { Status: "received" } => await Call("entraide : avis du conseil", record, aid.Council,
                    t => _solidarity.ChangeAidRequest(aid.Id, "opinion", new { favourable = aid.Decision != "refused" }, t)),
                { Status: "assessed" } => await Call("entraide : décision", record, "entraide1",
                    t => _solidarity.ChangeAidRequest(aid.Id, "decision", new { decision = aid.Decision, amount = aid.Amount }, t)),
                _ => await Call("entraide : versement", record, "cnom",
                    t => _solidarity.ChangeAidRequest(aid.Id, "payment", new { fund = EntraideFund, payee = AidPaid }, t)),
            };
        }
        return current;
    }

    /// <summary>1,779 calls (40% GPs, 24% other specialists, 62% in private practice; 353 to a psychologist, 176 to the social platform), counted per day.</summary>
    private async Task HelplineAsync()
    {
        var random = new Random(seed + 6);
        List<string> Exactly(params (string Code, int Count)[] counts) =>
            [.. counts.SelectMany(c => Enumerable.Repeat(c.Code, c.Count)).OrderBy(_ => random.Next())];
        var professions = Exactly(("medecin-generaliste", 712), ("medecin-specialiste", 427), ("interne", 150), ("infirmier", 230),
            ("kinesitherapeute", 110), ("chirurgien-dentiste", 90), ("sage-femme", 30), ("pharmacien", 30));
        var modes = Exactly(("liberal", 1_103), ("salarie", 380), ("mixte", 120), ("interne", 100), ("retraite", 40), ("non-precise", 36));
        var routes = Exactly(("confrere", 800), ("psychologue", 353), ("plateforme-sociale", 176), ("information", 450));
        var start = new DateOnly(2020, 1, 1);
        var entries = Enumerable.Range(0, HelplineCalls)
            .Select(n => (Day: start.AddDays(random.Next(366)), Profession: professions[n], Mode: modes[n], Route: routes[n]))
            .GroupBy(c => c)
            .Select(g => new HelplineCalls(g.Key.Day, g.Key.Profession, g.Key.Mode, g.Key.Route, g.Count(),
                SolidarityClient.StableId($"ordre-demo/solidarite-2020/ecoute/{g.Key.Day:yyyy-MM-dd}/{g.Key.Profession}/{g.Key.Mode}/{g.Key.Route}")))
            .GroupBy(e => e.Day)
            .ToList();
        // One day's counts are one stream: a worker takes whole days.
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = report.TooMany }, async (day, _) =>
        {
            foreach (var entry in day)
                await Call("plateforme d'écoute", $"{entry.Day:yyyy-MM-dd}", "entraide1", t => _solidarity.CountHelplineCalls(entry, t));
        });
        report.Progress($"  plateforme d'écoute : {HelplineCalls} appels comptés sur {entries.Count} jours ({entries.Sum(d => d.Count())} comptages)");
    }

    /// <summary>The global balance and the hash chain after the load, with the year's totals.</summary>
    private async Task CheckAsync(Stopwatch clock)
    {
        var balance = await Call("balance générale", "grand livre", "cnom", t => _solidarity.LedgerBalance(t));
        var verified = await Call("vérification", "grand livre", "cnom", t => _solidarity.VerifyLedger(t));
        var solidarity = await Call("solde", SolidarityFund, "cnom", t => _solidarity.GetAccount(SolidarityFund, t));
        var entraide = await Call("solde", EntraideFund, "cnom", t => _solidarity.GetAccount(EntraideFund, t));
        var paidOut = await Call("solde", AidPaid, "cnom", t => _solidarity.GetAccount(AidPaid, t));
        var loans = await Call("prêts", "liste", "cnom", t => _solidarity.ListLoans(t, page: 1, pageSize: 200));
        var calls = await Call("plateforme d'écoute", "relevé 2020", "cnom", t => _solidarity.HelplineReport(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), t));
        if (balance is null || verified is null)
            return;
        if (!balance.Balanced || balance.NegativeFunds.Count > 0 || !verified.Intact)
            report.Fail("contrôle du grand livre", "balance générale et chaîne d'empreintes", new CallFailure(null,
                $"équilibrée : {balance.Balanced}, fonds négatifs : {string.Join(", ", balance.NegativeFunds)}, chaîne intacte : {verified.Intact} " +
                string.Join("; ", verified.Discrepancies.Take(3).Select(d => d.Problem)), Transient: false));
        var bridge = loans?.Items.Where(l => l is { Source: "financing", Fund: SolidarityFund }).ToList() ?? [];
        var honour = loans?.Items.Where(l => l is { Source: "entraide", Fund: EntraideFund }).ToList() ?? [];
        report.Progress($"  grand livre : {balance.Postings} écritures, débits = crédits = {balance.Debits:N2} €, somme des soldes {balance.SumOfBalances:N2} €, " +
            $"aucun fonds négatif : {(balance.Balanced && balance.NegativeFunds.Count == 0 ? "oui" : "NON")}, chaîne d'empreintes intacte : {(verified.Intact ? "oui" : "NON")}");
        report.Progress($"  fonds de solidarité {solidarity?.Balance:N2} €, fonds d'entraide {entraide?.Balance:N2} €, aides versées {paidOut?.Balance:N2} €; " +
            $"{bridge.Count} prêts relais ({bridge.Sum(l => l.Principal):N0} €, {string.Join("/", bridge.Select(l => l.Schedule.Count).Distinct())} échéances mensuelles), " +
            $"{honour.Count} prêts d'honneur ({honour.Sum(l => l.Principal):N0} €); {calls?.Calls} appels à la plateforme en 2020");
        report.Progress($"Solidarité 2020 chargée et vérifiée en {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    private async Task<T?> Call<T>(string step, string record, string account, Func<string, Task<IApiResponse<T>>> call)
    {
        IApiResponse<T> response;
        try
        {
            response = await Retrying.SendAsync(async () => await call(await accounts.TokenAsync(account)), report.Retried);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            report.Fail(step, record, CallFailure.From(e));
            return default;
        }
        if (response.IsSuccessStatusCode && response.Content is { } content)
            return content;
        report.Fail(step, record, CallFailure.From(response));
        return default;
    }
}
