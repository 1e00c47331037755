using System.Diagnostics;
using Marten;

namespace Ordre.Dashboard.Figures;

/// <summary>
/// <c>dotnet Ordre.Dashboard.dll rebuild</c> (<c>./ordre dashboard rebuild</c>): deletes the figures and projects them
/// again from every stored integration event. Run it with the dashboard stopped (the script does), so that no running
/// daemon projects at the same time (docs/dashboard.md, "Rebuilding the figures").
/// </summary>
public static class RebuildCommand
{
    public const string Verb = "rebuild";

    /// <summary>How long the rebuild may go without progress before it is abandoned.</summary>
    public static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(10);

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var watch = Stopwatch.StartNew();
        await RebuildAsync(store, CancellationToken.None);
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().CountAsync();
        var years = await session.Query<YearTally>().OrderBy(t => t.Id).ToListAsync();
        Console.WriteLine($"Tableau de bord reconstruit : {events} événements en {watch.Elapsed.TotalSeconds:0.0} s, années {string.Join(", ", years.Select(y => y.Id))}.");
        return 0;
    }

    public static async Task RebuildAsync(IDocumentStore store, CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(YearTallyProjection.ProjectionName, ShardTimeout, ct);
    }
}
