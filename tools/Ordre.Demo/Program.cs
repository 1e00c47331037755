using System.Diagnostics;
using System.Net;
using Ordre.Client;

// Usage: Ordre.Demo --gateway http://127.0.0.1:5000 [--per-department 25] [--seed 2020] [--complaints 3000]
var options = Arguments.Parse(args);
var api = OrdreClient.Create(options.Gateway);
var doctors = new DemoDoctors(options.Seed);
var today = DateOnly.FromDateTime(DateTime.UtcNow);
string[] refusalMotives = ["Dossier incomplet : bulletin n° 2 du casier judiciaire manquant", "Défaut de moralité", "Diplôme non reconnu en France"];
var councils = new (string Account, string Department)[] { ("cdom75", "75"), ("cdom13", "13"), ("cdom2a", "2A"), ("cdom971", "971") };

var clock = Stopwatch.StartNew();
int granted = 0, refused = 0, skipped = 0;
foreach (var (account, department) in councils)
{
    var token = await api.SignInAsync(account);
    for (var i = 0; i < options.PerDepartment; i++)
    {
        var request = doctors.Next(department, today);
        var created = await api.RequestInscription(request, token);
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            // Same seed, same doctors: the first one already registered means an earlier run loaded them all.
            if (granted + refused == 0)
            {
                Console.WriteLine("Les inscriptions de démonstration sont déjà chargées.");
                return await LoadDisciplineYear();
            }
            skipped++;
            continue;
        }
        if (!created.IsSuccessStatusCode)
            return Fail($"demande d'inscription refusée ({created.StatusCode})", created);

        // About one request in eight is refused, with its motive.
        var decision = i % 8 == 7
            ? InscriptionDecision.Refuse(refusalMotives[i % refusalMotives.Length])
            : InscriptionDecision.Grant();
        var decided = await api.DecideInscription(created.Content!.Id, decision, token);
        if (!decided.IsSuccessStatusCode)
            return Fail($"décision refusée ({decided.StatusCode})", decided);
        if (decision.Outcome == "Granted") granted++; else refused++;
    }
    Console.WriteLine($"  {department,-4} {options.PerDepartment} dossiers traités ({clock.Elapsed.TotalSeconds:0.0} s)");
}
Console.WriteLine($"Jeu de démonstration : {granted} inscriptions accordées, {refused} refusées, {skipped} déjà présentes, en {clock.Elapsed.TotalSeconds:0.0} s.");
return await LoadDisciplineYear();

async Task<int> LoadDisciplineYear()
{
    Console.WriteLine($"Année disciplinaire de démonstration : {options.Complaints} plaintes par les commandes de l'API");
    var started = Stopwatch.StartNew();
    var year = await new DisciplineYear(api, options.Seed, options.Complaints, Console.WriteLine).LoadAsync(new DemoDoctors(options.Seed + 1), today);
    if (year.Complaints > 0)
        Console.WriteLine($"Année disciplinaire : {year.Complaints} plaintes, {year.Conciliated} conciliées, {year.Withdrawn} retirées, " +
            $"{year.Transmitted} affaires en chambre, {year.Orders} ordonnances dont {year.Sanctions} sanctions, {year.Appeals} appels jugés, " +
            $"{year.Sheets} fiches de jurisprudence, {year.Failures} échecs, en {started.Elapsed.TotalSeconds:0.0} s.");
    return year.Failures == 0 ? 0 : 1;
}

static int Fail(string what, Refit.IApiResponse response)
{
    Console.Error.WriteLine($"Échec : {what} : {(response.Error as Refit.ApiException)?.Content}");
    return 1;
}

internal sealed record Arguments(Uri Gateway, int PerDepartment, int Seed, int Complaints)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Arguments(
            new Uri(Value("--gateway") ?? "http://127.0.0.1:5000"),
            int.Parse(Value("--per-department") ?? "25"),
            int.Parse(Value("--seed") ?? "2020"),
            int.Parse(Value("--complaints") ?? "3000"));
    }
}
