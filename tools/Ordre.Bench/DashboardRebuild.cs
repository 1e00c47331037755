using System.Diagnostics;
using JasperFx;
using Marten;
using Npgsql;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.Dashboard;
using Ordre.Dashboard.Figures;

namespace Ordre.Bench;

/// <summary>
/// Issue 14 §7: the dashboard's projections rebuilt from 1,000,000 stored integration events (target &lt; 60 s). The events
/// (one per stream, as the dashboard stores them: a mix of the four services' events over four years) go to a throw-away
/// database, stored the dashboard's way (Marten, schema "dashboard"); the rebuild is the one of
/// <c>./ordre dashboard rebuild</c> (<see cref="RebuildCommand.RebuildAsync"/>). Prints events/s and this process's RSS.
/// </summary>
public static class DashboardRebuild
{
    public static async Task<int> RunAsync(string postgresAdmin, int events, int seed)
    {
        var database = $"bench_dashboard_{Guid.NewGuid():N}"[..32];
        await Execute(postgresAdmin, $"create database {database}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database, MaxPoolSize = 10 }.ConnectionString;
            using var store = DocumentStore.For(options =>
            {
                options.Connection(connection);
                options.DatabaseSchemaName = "dashboard";
                options.Events.DatabaseSchemaName = "dashboard";
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.UseAdvisoryLockTransaction = true;
                options.AddDashboardStore();
            });
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            var storing = Stopwatch.StartNew();
            var random = new Random(seed);
            const int perSession = 5_000;
            for (var done = 0; done < events; done += perSession)
            {
                await using var session = store.LightweightSession();
                for (var i = done; i < Math.Min(events, done + perSession); i++)
                    session.Events.StartStream(Guid.CreateVersion7(), Event(random, i));
                await session.SaveChangesAsync();
            }
            storing.Stop();
            Console.WriteLine($"stored {events:N0} events (one per stream) in {storing.Elapsed.TotalSeconds:0.0} s ({events / storing.Elapsed.TotalSeconds:N0} events/s)");

            var rebuilding = Stopwatch.StartNew();
            await RebuildCommand.RebuildAsync(store, CancellationToken.None);
            rebuilding.Stop();

            await using var query = store.QuerySession();
            var years = await query.Query<YearTally>().OrderBy(t => t.Id).ToListAsync();
            Console.WriteLine($"| dashboard rebuild | {events:N0} events | {rebuilding.Elapsed.TotalSeconds:0.0} s | {events / rebuilding.Elapsed.TotalSeconds:N0} events/s | " +
                              $"RSS {Rss("VmRSS")} MB (peak {Rss("VmHWM")} MB) |");
            foreach (var year in years)
                Console.WriteLine($"  {year.Id}: inscriptions {year.Total(FigureRules.Inscriptions):N0}, conventions {year.Total(FigureRules.Conventions):N0}, " +
                                  $"demandes d'aide {year.Total(FigureRules.DemandesAide):N0}, sanctions {year.Total(FigureRules.Sanctions):N0}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(postgresAdmin, $"drop database if exists {database} with (force)");
        }
    }

    private static readonly string[] Departments = ["75", "13", "69", "33", "59", "2A", "971", "92", "31", "67"];
    private static readonly string[] Categories = ["Hospitality", "Fees", "Studies", "Miscellaneous", "Simplified"];
    private static readonly string[] Sanctions = ["Warning", "Reprimand", "PracticeBan", "StrikingOff"];

    /// <summary>A mix shaped like the load profile (DOMAIN.md §6): IDAHE dominates, then the register, then the rest.</summary>
    private static object Event(Random random, int i)
    {
        var year = 2018 + random.Next(4);
        var day = new DateOnly(year, random.Next(1, 13), random.Next(1, 29));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var department = Departments[random.Next(Departments.Length)];
        var rpps = (10_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(100) switch
        {
            < 50 => new ConventionDossierSubmitted(Guid.NewGuid(), random.Next(10) < 8 ? "Declaration" : "Authorisation",
                Categories[random.Next(Categories.Length)], $"{day:yyyy-MM}", random.Next(10) == 0, false, at),
            < 55 => new ConventionDossierDecided(Guid.NewGuid(), "Authorisation", Categories[random.Next(Categories.Length)],
                random.Next(10) == 0 ? "Refused" : "Authorised", $"{day:yyyy-MM}", at),
            < 70 => new PractitionerRegistered(Guid.NewGuid(), rpps, department, "Martin", "Camille", "Médecine générale", day, at),
            < 75 => new InscriptionRefused(Guid.NewGuid(), rpps, department, ["motif"], day, at),
            < 85 => new PractitionerTransferred(rpps, "75", department, day, at),
            < 88 => new SanctionEnforceable(Guid.NewGuid(), rpps, Sanctions[random.Next(Sanctions.Length)], day, null, 0, at),
            < 93 => new AidRequested(Guid.NewGuid(), "helpline", "doctor", 1_000m, at),
            _ => new HelplineCallsRecorded(day, "médecin", "liberal", "psychologue", 1 + random.Next(5), at),
        };
    }

    private static long Rss(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
