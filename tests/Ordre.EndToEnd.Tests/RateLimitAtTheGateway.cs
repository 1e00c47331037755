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

    [Fact]
    public async Task A_client_sending_the_gateways_own_refresh_header_with_a_guessed_value_is_limited_like_any_other()
    {
        await using var strictGateway = system.StartGateway(publicPermitsPerSecond: 5);
        await strictGateway.WaitUntilHealthyAsync();
        using var http = new HttpClient { BaseAddress = strictGateway.Url };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/tableau/annuaire?name=martin&department=75&page={1 + i % 3}");
            request.Headers.TryAddWithoutValidation("X-Ordre-Directory-Refresh", i % 2 == 0 ? "00000000000000000000000000000000" : "true");
            return (await http.SendAsync(request)).StatusCode;
        }));

        Assert.InRange(responses.Count(r => r == HttpStatusCode.OK), 1, 10);
        Assert.Contains(HttpStatusCode.TooManyRequests, responses);
    }
}
