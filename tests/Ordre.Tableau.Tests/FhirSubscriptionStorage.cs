using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Tableau.Register.Feed.Subscriptions;

namespace Ordre.Tableau.Tests;

/// <summary>The notifier saves a subscription's progress with Update: a subscription deleted meanwhile must stay deleted.</summary>
public class FhirSubscriptionStorage(TableauInProcess tableau) : IClassFixture<TableauInProcess>
{
    [Fact]
    public async Task Saving_the_progress_of_a_deleted_subscription_does_not_bring_it_back()
    {
        var store = tableau.Services.GetRequiredService<IDocumentStore>();
        var subscription = new FhirSubscription { Id = Guid.CreateVersion7(), ClientId = "abonne-demo", Criteria = "Practitioner", Endpoint = "http://127.0.0.1:9/", Status = FhirSubscription.Statuses.Error };
        await using (var session = store.LightweightSession())
        {
            session.Store(subscription);
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession())
        {
            session.Delete<FhirSubscription>(subscription.Id);
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession())
        {
            session.Update(subscription with { Position = 42 });
            try { await session.SaveChangesAsync(); }
            catch (NonExistentDocumentException) { }
        }
        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<FhirSubscription>(subscription.Id));
    }
}
