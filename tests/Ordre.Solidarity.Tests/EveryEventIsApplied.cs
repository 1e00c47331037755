using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Solidarity.Tests;

/// <summary>Every event of the ledger's stream is marked <c>IChanges&lt;Ledger&gt;</c> and applied by the ledger's own <c>Apply</c>.</summary>
public class EveryEventIsApplied
{
    [Fact]
    public void Every_event_of_the_ledger_is_marked_and_applied_by_the_ledger()
    {
        var assembly = typeof(Ledger.Ledger).Assembly;
        var marked = Evolution<Ledger.Ledger>.MarkedEvents(assembly);
        Assert.Equal(4, marked.Count);
        Assert.All(marked, e => Assert.True(Evolution<Ledger.Ledger>.Handles(e), $"Ledger has no Apply({e.Name})."));
        var namingTheLedger = assembly.GetTypes().Where(t => t.GetProperty("LedgerId")?.PropertyType == typeof(Guid));
        Assert.All(namingTheLedger, e => Assert.Contains(e, marked));
    }
}
