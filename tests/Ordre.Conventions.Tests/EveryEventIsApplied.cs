using System.Reflection;
using System.Runtime.CompilerServices;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Reading;
using Ordre.ServiceDefaults.EventStore;

namespace Ordre.Conventions.Tests;

/// <summary>Every event of a dossier's stream is marked <c>IChanges&lt;Dossier&gt;</c> and applied by the dossier's own Apply (or Create).</summary>
public class EveryEventIsApplied
{
    private static readonly Assembly Conventions = typeof(Dossier).Assembly;

    [Fact]
    public void Every_event_of_a_dossier_is_marked_and_applied_by_the_dossier()
    {
        var marked = Evolution<Dossier>.MarkedEvents(Conventions);
        Assert.Equal(11, marked.Count);
        Assert.All(marked, e => Assert.True(Evolution<Dossier>.Handles(e), $"Dossier has no Apply({e.Name}) nor Create({e.Name})."));

        var namingTheirStream = Conventions.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Ordre.Conventions.Dossiers", StringComparison.Ordinal) == true
                && t.GetProperty("DossierId")?.PropertyType == typeof(Guid));
        Assert.All(namingTheirStream, e => Assert.True(marked.Contains(e), $"{e.Name} names its stream (DossierId) but is not marked IChanges<Dossier>."));

        var applied = typeof(Dossier).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Apply" or "Create" && m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType);
        Assert.All(applied, e => Assert.True(marked.Contains(e), $"Dossier applies {e.Name}, which is not marked IChanges<Dossier>."));
    }

    [Fact]
    public void Every_step_of_a_dossiers_history_says_what_it_means_in_french()
    {
        var labels = Evolution<Dossier>.MarkedEvents(Conventions)
            .ToDictionary(e => e.Name, e => GetDossierEndpoint.Label(RuntimeHelpers.GetUninitializedObject(e)));
        Assert.All(labels, l => Assert.True(l.Value != GetDossierEndpoint.OtherChange, $"{l.Key} has no French label in the dossier's history."));
    }
}
