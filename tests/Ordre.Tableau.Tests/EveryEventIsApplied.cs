using System.Reflection;
using Ordre.ServiceDefaults.EventStore;
using Ordre.Tableau.Inscriptions;
using Ordre.Tableau.Lps;
using Ordre.Tableau.Register;
using Ordre.Tableau.SpecialLists;

namespace Ordre.Tableau.Tests;

/// <summary>
/// One way to evolve state: every event marked <c>IChanges&lt;T&gt;</c> has its Apply (or Create) on T, and every
/// Apply/Create of T takes a marked event. A new event without Apply, or an Apply for an unmarked type, fails here.
/// </summary>
public class EveryEventIsApplied
{
    [Fact]
    public void Every_event_of_a_register_entry_is_applied_by_it() => AssertEveryEventIsApplied<Practitioner>();

    [Fact]
    public void Every_event_of_an_inscription_dossier_is_applied_by_it() => AssertEveryEventIsApplied<Inscription>();

    [Fact]
    public void Every_event_of_an_lps_declaration_is_applied_by_it() => AssertEveryEventIsApplied<LpsDeclaration>();

    [Fact]
    public void Every_event_of_a_special_list_entry_is_applied_by_it() => AssertEveryEventIsApplied<SpecialListEntry>();

    private static void AssertEveryEventIsApplied<T>() where T : class
    {
        var marked = Evolution<T>.MarkedEvents(typeof(Practitioner).Assembly);
        Assert.NotEmpty(marked);
        Assert.All(marked, e => Assert.True(Evolution<T>.Handles(e), $"{typeof(T).Name} has no Apply or Create for {e.Name}."));

        var applied = typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => (m.Name == "Apply" && !m.IsStatic) || (m.Name == "Create" && m.IsStatic && m.ReturnType == typeof(T)))
            .Where(m => m.GetParameters().Length == 1)
            .Select(m => m.GetParameters()[0].ParameterType);
        Assert.All(applied, e => Assert.True(e.IsAssignableTo(typeof(IChanges<T>)), $"{e.Name} is applied by {typeof(T).Name} but not marked IChanges<{typeof(T).Name}>."));
    }
}
