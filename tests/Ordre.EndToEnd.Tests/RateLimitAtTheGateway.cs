using System.Net;
using Ordre.Client;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class RateLimitAtTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task Anonymous_searches_beyond_the_limit_get_a_429_problem_with_retry_after()
    {
        await using var strictGateway = system.StartGateway(publicPermitsPerSecond: 5);
        await strictGateway.WaitUntilHealthyAsync();
        var api = OrdreClient.Create(strictGateway.Url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.SearchDirectory("martin", "75")));

        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.OK), 1, 10);
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        limited.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers?.RetryAfter);
    }
}
