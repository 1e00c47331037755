using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The register's change feed through the gateway (issue 15 §3): a subscriber signed in with client credentials and the
/// register-feed scope reads the public changes in order, resumes from the position it kept (pages or server-sent
/// events), across a Tableau restart, and gets each change once.
/// </summary>
[Collection(SystemCollection.Name)]
public class RegisterFeedThroughTheGateway(OrdreSystem system)
{
    private const string Subscriber = "abonne-demo", SubscriberSecret = "ordre-demo";

    private async Task<string> SubscriberToken(string scope)
    {
        using var http = new HttpClient { BaseAddress = system.Gateway.Url };
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Subscriber, ["client_secret"] = SubscriberSecret, ["scope"] = scope,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpClient> SubscriberClient(string scope = "api register-feed")
    {
        var http = new HttpClient { BaseAddress = system.Gateway.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await SubscriberToken(scope));
        return http;
    }

    private static async Task<JsonElement> Page(HttpClient http, long after, int limit = 1000)
    {
        using var response = await http.GetAsync($"/tableau/register/feed?after={after}&limit={limit}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads pages from <paramref name="after"/> until the changes of <paramref name="rpps"/> number <paramref name="expected"/>.</summary>
    private static Task<(List<JsonElement> Changes, long Next)> ChangesOf(HttpClient http, long after, string rpps, int expected) =>
        Eventually.Until(async () =>
        {
            var changes = new List<JsonElement>();
            var position = after;
            while (true)
            {
                var page = await Page(http, position);
                changes.AddRange(page.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("rpps").GetString() == rpps));
                var next = page.GetProperty("next").GetInt64();
                if (next >= page.GetProperty("upTo").GetInt64()) return (changes, next);
                position = next;
            }
        }, read => read.changes.Count >= expected, what: $"{expected} changes of {rpps} in the feed");

    private static async Task<long> EndOfFeed(HttpClient http)
    {
        var position = 0L;
        while (true)
        {
            var page = await Page(http, position, 5000);
            var next = page.GetProperty("next").GetInt64();
            if (next >= page.GetProperty("upTo").GetInt64()) return next;
            position = next;
        }
    }

    [Fact]
    public async Task A_subscriber_resumes_from_its_position_and_gets_each_change_once_in_order_even_across_a_Tableau_restart()
    {
        using var feed = await SubscriberClient();
        var bookmark = await EndOfFeed(feed);
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "qualifications", new { qualification = "Médecine du sport" }, "cnom");

        var (first, afterFirst) = await ChangesOf(feed, bookmark, doctor.Rpps!, 2);
        Assert.Equal(["registered", "qualification-recognised"], first.Select(c => c.GetProperty("kind").GetString()));
        Assert.True(first[0].GetProperty("position").GetInt64() > bookmark);
        Assert.True(first[1].GetProperty("position").GetInt64() > first[0].GetProperty("position").GetInt64());
        Assert.Equal("75", first[0].GetProperty("department").GetString());
        Assert.True(first[0].GetProperty("mayPractise").GetBoolean());

        // The subscriber is away; the register changes and the Tableau restarts meanwhile.
        await system.Change(doctor, "death", new { diedOn = Today });
        await system.RestartTableauAsync();
        var (second, _) = await ChangesOf(feed, afterFirst, doctor.Rpps!, 1);
        var died = Assert.Single(second);
        Assert.Equal(("deceased", "Deceased", false), (died.GetProperty("kind").GetString(), died.GetProperty("status").GetString(), died.GetProperty("mayPractise").GetBoolean()));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), died.GetProperty("effectiveOn").GetString());
    }

    [Fact]
    public async Task A_suspension_reaches_subscribers_without_its_reason()
    {
        using var feed = await SubscriberClient();
        var bookmark = await EndOfFeed(feed);
        var doctor = await system.GrantedInscription();
        using var idf = await system.HttpClientFor("cromidf");
        using var suspended = await idf.PostAsJsonAsync($"/tableau/register/{doctor.Rpps}/suspensions",
            new { source = "Health", from = Today.ToString("yyyy-MM-dd"), until = Today.AddMonths(2).ToString("yyyy-MM-dd") });
        Assert.True(suspended.StatusCode == HttpStatusCode.OK, await suspended.Content.ReadAsStringAsync());

        var (changes, _) = await ChangesOf(feed, bookmark, doctor.Rpps!, 2);
        var suspension = changes[1];
        Assert.Equal(("status-changed", "Suspended", false),
            (suspension.GetProperty("kind").GetString(), suspension.GetProperty("status").GetString(), suspension.GetProperty("mayPractise").GetBoolean()));
        Assert.DoesNotContain("Health", suspension.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_stream_pushes_a_new_change_and_resumes_after_the_last_event_id_it_gave()
    {
        using var feed = await SubscriberClient();
        var bookmark = await EndOfFeed(feed);
        var doctor = await system.GrantedInscription();

        var first = await ReadStream(feed, $"after={bookmark}", lastEventId: null, doctor.Rpps!);
        Assert.Equal("registered", first.Kind);
        await system.Change(doctor, "qualifications", new { qualification = "Médecine du sport" }, "cnom");
        var resumed = await ReadStream(feed, "", lastEventId: first.Id, doctor.Rpps!);
        Assert.Equal("qualification-recognised", resumed.Kind);
        Assert.True(long.Parse(resumed.Id) > long.Parse(first.Id));
    }

    /// <summary>Reads server-sent events until one names <paramref name="rpps"/>; returns its id and event type.</summary>
    private static async Task<(string Id, string Kind)> ReadStream(HttpClient http, string query, string? lastEventId, string rpps)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/tableau/register/feed/stream?{query}");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        // An event is its lines up to a blank one, in any order (id, event, data).
        string? id = null, kind = null, data = null;
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("id: ")) id = line[4..];
            else if (line.StartsWith("event: ")) kind = line[7..];
            else if (line.StartsWith("data: ")) data = line[6..];
            else if (line.Length == 0)
            {
                if (data?.Contains(rpps) == true) return (id!, kind!);
                (id, kind, data) = (null, null, null);
            }
        }
        throw new InvalidOperationException("The stream ended before the change came.");
    }

    [Fact]
    public async Task Without_the_register_feed_scope_or_as_a_council_or_anonymous_the_feed_is_refused()
    {
        using var wrongScope = await SubscriberClient("api");
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongScope.GetAsync("/tableau/register/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongScope.GetAsync("/tableau/register/feed/stream")).StatusCode);
        using var council = await system.HttpClientFor("cnom");
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync("/tableau/register/feed")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/tableau/register/feed")).StatusCode);
    }

    [Fact]
    public async Task A_bad_position_is_a_problem_not_an_error()
    {
        using var feed = await SubscriberClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await feed.GetAsync("/tableau/register/feed?after=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await feed.GetAsync("/tableau/register/feed?limit=0")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tableau/register/feed/stream");
        request.Headers.Add("Last-Event-ID", "abc");
        Assert.Equal(HttpStatusCode.BadRequest, (await feed.SendAsync(request)).StatusCode);
    }
}
