using Ordre.ServiceDefaults.EventStore;
using Ordre.Solidarity.Donations;
using Ordre.Solidarity.Entraide;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Helpline;
using Ordre.Solidarity.Loans;

namespace Ordre.Solidarity.Tests;

/// <summary>Every event of a stream is marked <c>IChanges&lt;T&gt;</c> and applied by its aggregate's own <c>Apply</c> (or <c>Create</c>).</summary>
public class EveryEventIsApplied
{
    [Fact]
    public void Every_event_of_the_ledger_is_marked_and_applied_by_the_ledger() => AssertEveryEventIsApplied<Ledger.Ledger>("LedgerId", 4);

    [Fact]
    public void Every_event_of_a_financing_request_is_marked_and_applied_by_the_request() => AssertEveryEventIsApplied<FinancingRequest>("RequestId", 4);

    [Fact]
    public void Every_event_of_a_donation_is_marked_and_applied_by_the_donation() => AssertEveryEventIsApplied<Donation>("DonationId", 2);

    [Fact]
    public void Every_event_of_a_loan_is_marked_and_applied_by_the_loan() => AssertEveryEventIsApplied<Loan>("LoanId", 4);

    [Fact]
    public void Every_event_of_an_aid_request_is_marked_and_applied_by_the_request() => AssertEveryEventIsApplied<AidRequest>("AidRequestId", 6);

    [Fact]
    public void Every_event_of_a_helpline_day_is_marked_and_applied_by_the_day() => AssertEveryEventIsApplied<HelplineDay>("DayId", 1);

    private static void AssertEveryEventIsApplied<T>(string streamId, int count) where T : class
    {
        var assembly = typeof(T).Assembly;
        var marked = Evolution<T>.MarkedEvents(assembly);
        Assert.Equal(count, marked.Count);
        Assert.All(marked, e => Assert.True(Evolution<T>.Handles(e), $"{typeof(T).Name} has no Apply({e.Name}) nor Create({e.Name})."));
        var namingTheirStream = assembly.GetTypes().Where(t => t.GetProperty(streamId)?.PropertyType == typeof(Guid) && t.IsAssignableTo(typeof(System.Runtime.CompilerServices.IAsyncStateMachine)) == false
            && t.Name.EndsWith("View", StringComparison.Ordinal) == false && t != typeof(T));
        Assert.All(namingTheirStream, e => Assert.Contains(e, marked));
    }
}
