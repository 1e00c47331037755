using System.Reflection;
using Ordre.Discipline.CaseLaw;
using Ordre.Discipline.Chambers;
using Ordre.Discipline.Complaints;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Discipline.Tests;

/// <summary>
/// One way to evolve state: every event of a stream is marked <c>IChanges&lt;T&gt;</c> and applied by the aggregate's own
/// <c>Apply</c> (or <c>Create</c>), the methods Marten uses for the snapshot and StreamChange on the command path. An event
/// added to an act's folder without its Apply fails here rather than on the first request that appends it.
/// </summary>
public class EveryEventIsApplied
{
    private static readonly Assembly Discipline = typeof(Complaint).Assembly;

    [Fact]
    public void Every_event_of_a_complaint_is_marked_and_applied_by_the_complaint() =>
        AssertEveryEventIsApplied<Complaint>("Ordre.Discipline.Complaints", "ComplaintId");

    [Fact]
    public void Every_event_of_a_chamber_case_is_marked_and_applied_by_the_case() =>
        AssertEveryEventIsApplied<ChamberCase>("Ordre.Discipline.Chambers", "CaseId");

    [Fact]
    public void Every_event_of_a_case_law_sheet_is_marked_and_applied_by_the_sheet() =>
        AssertEveryEventIsApplied<CaseLawSheet>("Ordre.Discipline.CaseLaw", "SheetId");

    /// <summary>
    /// <paramref name="streamId"/>: the property by which an event names its stream (STYLE: events carry the stream id),
    /// so every record of the aggregate's folders that has it is one of the stream's events.
    /// </summary>
    private static void AssertEveryEventIsApplied<T>(string folder, string streamId) where T : class
    {
        var marked = Evolution<T>.MarkedEvents(Discipline);
        Assert.NotEmpty(marked);
        Assert.All(marked, e => Assert.True(Evolution<T>.Handles(e), $"{typeof(T).Name} has no Apply({e.Name}) nor Create({e.Name})."));

        var namingTheirStream = Discipline.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == folder || ns.StartsWith(folder + ".", StringComparison.Ordinal))
                && t.GetProperty(streamId)?.PropertyType == typeof(Guid) && t != typeof(T));
        Assert.All(namingTheirStream, e => Assert.True(marked.Contains(e), $"{e.Name} names its stream ({streamId}) but is not marked IChanges<{typeof(T).Name}>."));

        var applied = typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Apply" or "Create" && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType);
        Assert.All(applied, e => Assert.True(marked.Contains(e), $"{typeof(T).Name} applies {e.Name}, which is not marked IChanges<{typeof(T).Name}>."));
    }
}
