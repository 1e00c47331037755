using System.Diagnostics;
using Ordre.Client;

// Usage: Ordre.Demo --gateway http://127.0.0.1:5000 [--per-department 25] [--seed 2020] [--complaints 3000] [--conventions month|year|none]
// Exit code: 0 everything loaded (or already loaded); 1 some records failed after retries (each printed with its step,
// record, HTTP status and problem detail, then summed up); 2 bad arguments.
Arguments options;
try
{
    options = Arguments.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"Arguments invalides : {e.Message}");
    return 2;
}
// A request unanswered after 30 s is sent again (Retrying) rather than waited on for the default 100 s.
var api = OrdreClient.Create(options.Gateway, TimeSpan.FromSeconds(30));
var report = new DemoReport(Console.Out, Console.Error);
var accounts = new DemoAccounts(api, report.Retried);
// The services' business dates are days in Europe/Paris: a UTC date is the day before between midnight and 1 or 2 a.m.
// in Paris, and every convocation "today" was then refused as past.
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

try
{
    await LoadInscriptions();
    await LoadDisciplineYear();
    await new ConventionsYear(options.Gateway, api, accounts, report, options.Seed).LoadAsync(options.Conventions, today);
    await new SolidarityYear(options.Gateway, api, accounts, options.Seed, report).LoadAsync();
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException)
{
    // A sign-in refused or a service that never answered: nothing more can be loaded.
    report.Fail("chargement", "arrêté avant la fin", CallFailure.From(e));
}
return report.Finish();

// 100 inscriptions (25 per council), about one in eight refused with its motive, through the gateway as councils would.
async Task LoadInscriptions()
{
    string[] refusalMotives = ["Dossier incomplet : bulletin n° 2 du casier judiciaire manquant", "Défaut de moralité", "Diplôme non reconnu en France"];
    var councils = new (string Account, string Department)[] { ("cdom75", "75"), ("cdom13", "13"), ("cdom2a", "2A"), ("cdom971", "971") };
    var doctors = new DemoDoctors(options.Seed);
    var clock = Stopwatch.StartNew();
    int granted = 0, refused = 0, present = 0, taken = 0;
    foreach (var (account, department) in councils)
    {
        for (var i = 0; i < options.PerDepartment; i++)
        {
            var decision = i % 8 == 7 ? InscriptionDecision.Refuse(refusalMotives[i % refusalMotives.Length]) : InscriptionDecision.Grant();
            DoctorRegistration result;
            InscriptionRequest request;
            for (var draw = 1; ; draw++)
            {
                request = doctors.Next(department, today);
                result = await api.RegisterDoctorAsync(request, await accounts.TokenAsync(account), decision, report.Retried);
                // A generated RPPS held by another doctor (the imported register): the same slot gets the next doctor.
                if (result.Outcome != RegistrationOutcome.RppsTaken || draw == 10) break;
                taken++;
            }

            switch (result.Outcome)
            {
                case RegistrationOutcome.AlreadyOnRegister when granted + refused + present == 0:
                    // Same seed, same doctors: the first one already registered means an earlier run loaded them all
                    // (sending the others again would refuse the refused ones a second time).
                    report.Progress("Les inscriptions de démonstration sont déjà chargées.");
                    return;
                case RegistrationOutcome.AlreadyOnRegister:
                    present++;
                    break;
                case RegistrationOutcome.Registered:
                    granted++;
                    break;
                case RegistrationOutcome.Refused:
                    refused++;
                    break;
                default:
                    report.Fail(result.Step ?? "inscription", $"dossier {i + 1}/{options.PerDepartment} du {department}, RPPS {request.Rpps} ({request.FirstName} {request.LastName})",
                        result.Failure ?? new CallFailure(null, result.Outcome.ToString(), false));
                    break;
            }
        }
        report.Progress($"  {department,-4} {options.PerDepartment} dossiers traités ({clock.Elapsed.TotalSeconds:0.0} s)");
    }
    var collisions = taken > 0 ? $", {taken} numéro(s) RPPS tiré(s) déjà attribué(s) à un autre médecin (remplacé(s))" : "";
    report.Progress($"Jeu de démonstration : {granted} inscriptions accordées, {refused} refusées, {present} déjà présentes{collisions}, en {clock.Elapsed.TotalSeconds:0.0} s.");
}

async Task LoadDisciplineYear()
{
    report.Progress($"Année disciplinaire de démonstration : {options.Complaints} plaintes par les commandes de l'API");
    var started = Stopwatch.StartNew();
    var year = await new DisciplineYear(api, accounts, options.Seed, options.Complaints, report).LoadAsync(new DemoDoctors(options.Seed + 1), today);
    if (year.Complaints > 0)
        report.Progress($"Année disciplinaire : {year.Complaints} plaintes, {year.Conciliated} conciliées, {year.Withdrawn} retirées, " +
            $"{year.Transmitted} affaires en chambre, {year.Orders} ordonnances dont {year.Sanctions} sanctions, {year.Appeals} appels jugés, " +
            $"{year.Sheets} fiches de jurisprudence, {year.Failures} plainte(s) en échec, en {started.Elapsed.TotalSeconds:0.0} s.");
}

internal sealed record Arguments(Uri Gateway, int PerDepartment, int Seed, int Complaints, string Conventions)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Arguments(
            new Uri(Value("--gateway") ?? "http://127.0.0.1:5000"),
            int.Parse(Value("--per-department") ?? "25"),
            int.Parse(Value("--seed") ?? "2020"),
            int.Parse(Value("--complaints") ?? "3000"),
            Value("--conventions") is { } scope ? ConventionsYear.Scopes.Contains(scope) ? scope : throw new FormatException("--conventions month|year|none") : "month");
    }
}
