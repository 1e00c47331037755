using System.Diagnostics;
using Marten;
using Ordre.Tableau.Inscriptions;

namespace Ordre.Tableau.Register.Importing;

/// <summary>
/// `dotnet Ordre.Tableau.dll import-demo-register [--count 305000] [--seed 2020]`: appends the demo register
/// in bulk (one stream per doctor, batches of 2,000 in one transaction each), with the RPPS claims, using the
/// service's own configuration. Does nothing when the register already holds entries. The running
/// service's daemon then builds the directory asynchronously.
/// </summary>
public static class ImportDemoRegisterCommand
{
    public const string Verb = "import-demo-register";
    private const int BatchSize = 2_000;

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var count = int.Parse(Option("--count") ?? DemoRegister.DefaultCount.ToString());
        var seed = int.Parse(Option("--seed") ?? "2020");
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        await using (var query = store.QuerySession())
            if (await query.Query<Practitioner>().AnyAsync())
            {
                Console.WriteLine("Le Tableau contient déjà des inscriptions : registre de démonstration non importé.");
                return 0;
            }

        var today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
        var watch = Stopwatch.StartNew();
        var imported = 0;
        foreach (var batch in DemoRegister.Generate(count, seed, today).Chunk(BatchSize))
        {
            await using var session = store.LightweightSession();
            foreach (var entry in batch)
            {
                session.Events.StartStream<Practitioner>(entry.PractitionerId, entry);
                session.Insert(new RppsClaim(entry.Rpps, entry.PractitionerId));
            }
            await session.SaveChangesAsync();
            imported += batch.Length;
            if (imported % 50_000 < BatchSize || imported == count)
                Console.WriteLine($"  {imported,7:N0} / {count:N0} inscriptions ({imported / watch.Elapsed.TotalSeconds:N0}/s)");
        }
        Console.WriteLine($"Registre de démonstration : {imported:N0} inscriptions importées en {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
