using Marten;
using Ordre.Contracts.Tableau;

namespace Ordre.Tableau.Register.Headcount;

/// <summary>
/// The register's headcount by department, status and activity, counted by one grouped query over the entries' snapshots
/// (<c>mt_doc_practitioner</c>, 305,000 rows with the demo register): see docs/dashboard.md, "Headcount", for its cost.
/// </summary>
public static class HeadcountCount
{
    /// <summary>One group as the query returns it (status and activity as the snapshot stores them).</summary>
    private sealed record Group(string Department, RegisterStatus Status, ActivityStatus Activity, int Count);

    public const string IndexName = "mt_doc_practitioner_idx_headcount";

    /// <summary>
    /// The department, status and activity of each entry are duplicated into columns of the snapshot's table (Marten writes
    /// them with every snapshot, and fills them for the rows already there when it adds them), with one index on the three:
    /// the count is then an index-only scan, without reading the documents (docs/dashboard.md, "Headcount").
    /// </summary>
    public static void IndexTheCount(StoreOptions options) => options.Schema.For<Practitioner>()
        // Marten indexes each duplicated column on its own: a price of the duplication (three small indexes).
        .Duplicate(p => p.Department)
        .Duplicate(p => p.Status)
        .Duplicate(p => p.Activity)
        // Over duplicated members, Marten's computed index names their columns: (department, status, activity).
        .Index([p => p.Department, p => p.Status, p => p.Activity], index => index.Name = IndexName);

    public static async Task<IReadOnlyList<HeadcountRow>> CountAsync(IQuerySession session, CancellationToken ct)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_practitioner";
        var groups = await session.QueryAsync<Group>(
            "select jsonb_build_object('Department', department, 'Status', status, 'Activity', activity, 'Count', count(*)) " +
            $"from {table} group by department, status, activity",
            ct);
        return Rows(groups.Select(g => (g.Department, g.Status, g.Activity, g.Count)));
    }

    /// <summary>
    /// The published rows: a struck-off or deceased doctor has no activity (the last one recorded is not counted as one),
    /// so their groups merge; ordered by department, status, activity.
    /// </summary>
    public static IReadOnlyList<HeadcountRow> Rows(IEnumerable<(string Department, RegisterStatus Status, ActivityStatus Activity, int Count)> groups) =>
        [.. groups
            .GroupBy(g => (g.Department, Status: g.Status.Name(), Activity: g.Status is RegisterStatus.StruckOff or RegisterStatus.Deceased ? null : g.Activity.ToString()))
            .Select(g => new HeadcountRow(g.Key.Department, g.Key.Status, g.Key.Activity, g.Sum(x => x.Count)))
            .OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Status, StringComparer.Ordinal)
            .ThenBy(r => r.Activity ?? "", StringComparer.Ordinal)];
}
