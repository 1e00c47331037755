using Ordre.Tableau.Register.Feed;
using Ordre.Tableau.Register.Feed.Subscriptions;

namespace Ordre.Tableau.Tests;

/// <summary>What a FHIR Subscription may ask for and how the notifier retries (issue 15 §3), without a database.</summary>
public class FhirSubscriptionRules
{
    private const string Rpps = "10005173140";

    [Theory]
    [InlineData("Practitioner", null)]
    [InlineData("Practitioner?identifier=" + Rpps, Rpps)]
    [InlineData("Practitioner?identifier=https://rpps.esante.gouv.fr|" + Rpps, Rpps)]
    [InlineData("Practitioner?identifier=https%3A%2F%2Frpps.esante.gouv.fr%7C" + Rpps, Rpps)]
    public void Every_practitioner_or_one_doctor_by_rpps_can_be_followed(string criteria, string? rpps)
    {
        var (valid, followed, error) = FhirSubscriptionCriteria.Parse(criteria);
        Assert.True(valid, error);
        Assert.Equal(rpps, followed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Patient")]
    [InlineData("practitioner")]
    [InlineData("Practitioner?")]
    [InlineData("Practitioner?family=martin")]
    [InlineData("Practitioner?identifier=10005173141")]
    [InlineData("Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|810005173140")]
    [InlineData("Practitioner?identifier=" + Rpps + "&family=martin")]
    [InlineData("PractitionerRole?identifier=" + Rpps)]
    public void Any_other_criteria_is_refused_with_a_french_message(string? criteria)
    {
        var (valid, _, error) = FhirSubscriptionCriteria.Parse(criteria);
        Assert.False(valid);
        Assert.Contains("criteria vaut Practitioner", error);
    }

    [Fact]
    public void A_subscription_to_one_doctor_follows_only_that_doctors_changes()
    {
        var one = new FhirSubscription { Rpps = Rpps };
        var all = new FhirSubscription();
        var change = new RegisterFeedChange(1, RegisterFeed.Kinds.Registered, Rpps, new DateOnly(2026, 12, 1), DateTimeOffset.UnixEpoch);
        var other = change with { Rpps = "10000000000" };
        Assert.True(one.Follows(change));
        Assert.False(one.Follows(other));
        Assert.True(all.Follows(other));
    }

    [Theory]
    [InlineData("https://abonne.example/fhir", true)]
    [InlineData("http://127.0.0.1:8080/hook", true)]
    [InlineData("ftp://abonne.example/fhir", false)]
    [InlineData("/fhir", false)]
    [InlineData("https://user:secret@abonne.example/fhir", false)]
    [InlineData("https://abonne.example/fhir#part", false)]
    [InlineData("", false)]
    public void The_endpoint_is_an_absolute_http_url(string endpoint, bool valid) =>
        Assert.Equal(valid, FhirSubscriptionCriteria.IsValidEndpoint(endpoint));

    [Theory]
    [InlineData("Authorization: Bearer abc", true)]
    [InlineData("X-Api-Key:abc", true)]
    [InlineData("Host: evil.example", false)]
    [InlineData("Content-Type: text/plain", false)]
    [InlineData("no colon", false)]
    [InlineData(": value", false)]
    [InlineData("Bad Name: value", false)]
    [InlineData("X-Injected: a\r\nHost: b", false)]
    public void A_header_is_a_name_and_a_value_the_notifier_does_not_set_itself(string header, bool valid) =>
        Assert.Equal(valid, FhirSubscriptionCriteria.IsValidHeader(header));

    [Fact]
    public void A_failed_delivery_is_retried_after_a_doubling_delay_of_five_minutes_at_most()
    {
        var first = TimeSpan.FromSeconds(1);
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(n => FhirSubscriptionNotifier.BackoffAfter(n, first).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), FhirSubscriptionNotifier.BackoffAfter(30, first));
    }

    [Fact]
    public void After_eight_failures_in_a_row_the_subscription_is_in_error_with_the_reason_and_keeps_its_position()
    {
        var subscription = new FhirSubscription { Position = 41 };
        for (var i = 1; i < 8; i++)
        {
            subscription = subscription.Failed(42, "HTTP 500", maxFailures: 8);
            Assert.Equal((FhirSubscription.Statuses.Active, i), (subscription.Status, subscription.Failures));
        }
        subscription = subscription.Failed(42, "HTTP 500", maxFailures: 8);
        Assert.Equal(FhirSubscription.Statuses.Error, subscription.Status);
        Assert.Equal(41, subscription.Position);
        Assert.Contains("HTTP 500", subscription.Error);
        Assert.Equal(Hl7.Fhir.Model.Subscription.SubscriptionStatus.Error, subscription.ToResource().Status);
        Assert.Equal(subscription.Error, subscription.ToResource().Error);
    }
}
