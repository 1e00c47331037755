using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using System.Diagnostics;
using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The register's changes as FHIR R4 Subscriptions (rest-hook) through the gateway (issue 15 §3): a subscriber with the
/// register-feed scope subscribes, and a loopback endpoint in the test receives each change once, in order, across a
/// Tableau restart and after failures; nobody else reads the subscription.
/// </summary>
[Collection(SystemCollection.Name)]
public class FhirSubscriptionsThroughTheGateway(OrdreSystem system, ITestOutputHelper output)
{
    private const string Subscriber = "abonne-demo", SubscriberSecret = "ordre-demo";

    private async Task<HttpClient> SubscriberClient(string scope = "api register-feed")
    {
        var http = new HttpClient { BaseAddress = system.Gateway.Url, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Subscriber, ["client_secret"] = SubscriberSecret, ["scope"] = scope,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private static object SubscriptionBody(string endpoint, string criteria = "Practitioner", string? payload = "application/fhir+json", string type = "rest-hook") => new
    {
        resourceType = "Subscription",
        status = "requested",
        reason = "Annuaire de l'hôpital",
        criteria,
        channel = new { type, endpoint, payload, header = new[] { "Authorization: Bearer secret-de-l-abonne" } },
    };

    private static async Task<HttpResponseMessage> Subscribe(HttpClient http, object body)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/fhir+json");
        return await http.PostAsync("/tableau/fhir/Subscription", content);
    }

    private static async Task<string> SubscribedId(HttpClient http, string endpoint)
    {
        using var response = await Subscribe(http, SubscriptionBody(endpoint));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var created = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("Subscription", "active"), (created.GetProperty("resourceType").GetString(), created.GetProperty("status").GetString()));
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return created.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_subscriber_receives_the_practitioner_at_each_change_once_and_in_order_even_across_a_Tableau_restart()
    {
        await using var hook = new LoopbackEndpoint();
        using var feed = await SubscriberClient();
        var id = await SubscribedId(feed, hook.Url);
        try
        {
            var doctor = await system.GrantedInscription();
            var granted = Stopwatch.GetTimestamp();
            var registered = await hook.Until(doctor.Rpps!, 1);
            output.WriteLine($"grant answered → Practitioner at the endpoint: {Stopwatch.GetElapsedTime(granted, registered[0].At).TotalMilliseconds:F0} ms");
            Assert.Equal(("PUT", $"/Practitioner/{doctor.Rpps}", "registered"), (registered[0].Method, registered[0].Path, registered[0].Kind));
            Assert.Equal("Bearer secret-de-l-abonne", registered[0].Authorization);
            var practitioner = JsonDocument.Parse(registered[0].Body).RootElement;
            Assert.Equal("Practitioner", practitioner.GetProperty("resourceType").GetString());
            Assert.Equal(doctor.LastName, practitioner.GetProperty("name")[0].GetProperty("family").GetString());

            // A change, and the Tableau restarts at once: it arrives (before or after the restart), once.
            await system.Change(doctor, "qualifications", new { qualification = "Médecine du sport" }, "cnom");
            await system.RestartTableauAsync();
            var delivered = await hook.Until(doctor.Rpps!, 2);
            Assert.Equal(["registered", "qualification-recognised"], delivered.Select(d => d.Kind));
            Assert.Contains("Médecine du sport", delivered[1].Body);
            Assert.True(delivered[1].Position > delivered[0].Position);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(2, hook.Delivered(doctor.Rpps!).Count);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await feed.DeleteAsync($"/tableau/fhir/Subscription/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await feed.GetAsync($"/tableau/fhir/Subscription/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_failing_endpoint_still_gets_every_change_in_order_once_it_answers()
    {
        await using var hook = new LoopbackEndpoint { FailuresToCome = 2 };
        using var feed = await SubscriberClient();
        var id = await SubscribedId(feed, hook.Url);
        try
        {
            var doctor = await system.GrantedInscription();
            await system.Change(doctor, "qualifications", new { qualification = "Médecine du sport" }, "cnom");
            var delivered = await hook.Until(doctor.Rpps!, 2);
            Assert.Equal(["registered", "qualification-recognised"], delivered.Select(d => d.Kind));
            Assert.Equal(2, hook.Refused);
            var read = JsonDocument.Parse(await feed.GetStringAsync($"/tableau/fhir/Subscription/{id}")).RootElement;
            Assert.Equal("active", read.GetProperty("status").GetString());
        }
        finally
        {
            await feed.DeleteAsync($"/tableau/fhir/Subscription/{id}");
        }
    }

    [Fact]
    public async Task Without_the_scope_or_as_a_council_subscribing_is_refused_and_another_subscriber_cannot_see_a_subscription()
    {
        var body = SubscriptionBody("http://127.0.0.1:9/hook");
        using var wrongScope = await SubscriberClient("api");
        Assert.Equal(HttpStatusCode.Forbidden, (await Subscribe(wrongScope, body)).StatusCode);
        using var council = await system.HttpClientFor("cnom");
        Assert.Equal(HttpStatusCode.Forbidden, (await Subscribe(council, body)).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Subscribe(anonymous, body)).StatusCode);

        // Another subscriber's subscription (written as the Tableau stores it): neither read nor deleted, not even revealed.
        var other = Guid.CreateVersion7();
        await using (var db = new NpgsqlConnection(system.TableauDatabase.ConnectionString("test")))
        {
            await db.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "insert into tableau.mt_doc_fhirsubscription (id, data, mt_dotnet_type, mt_version, mt_last_modified) values (@id, @data::jsonb, @type, @version, now())", db);
            insert.Parameters.AddWithValue("id", other);
            insert.Parameters.AddWithValue("data", JsonSerializer.Serialize(new
            {
                Id = other, ClientId = "autre-abonne", Criteria = "Practitioner", Endpoint = "http://127.0.0.1:9/hook", Status = "error", Headers = Array.Empty<string>(),
            }));
            insert.Parameters.AddWithValue("type", "Ordre.Tableau.Register.Feed.Subscriptions.FhirSubscription");
            insert.Parameters.AddWithValue("version", Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }
        using var feed = await SubscriberClient();
        Assert.Equal(HttpStatusCode.NotFound, (await feed.GetAsync($"/tableau/fhir/Subscription/{other:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await feed.DeleteAsync($"/tableau/fhir/Subscription/{other:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync($"/tableau/fhir/Subscription/{other:N}")).StatusCode);
    }

    [Theory]
    [InlineData("Patient", "http://127.0.0.1:9/hook", "application/fhir+json", "rest-hook")]
    [InlineData("Practitioner?family=martin", "http://127.0.0.1:9/hook", "application/fhir+json", "rest-hook")]
    [InlineData("Practitioner?identifier=12345", "http://127.0.0.1:9/hook", "application/fhir+json", "rest-hook")]
    [InlineData("Practitioner", "ftp://127.0.0.1/hook", "application/fhir+json", "rest-hook")]
    [InlineData("Practitioner", "/relative", "application/fhir+json", "rest-hook")]
    [InlineData("Practitioner", "http://127.0.0.1:9/hook", "text/plain", "rest-hook")]
    [InlineData("Practitioner", "http://127.0.0.1:9/hook", "application/fhir+json", "email")]
    public async Task A_subscription_it_cannot_serve_is_a_400_operation_outcome(string criteria, string endpoint, string payload, string type)
    {
        using var feed = await SubscriberClient();
        using var response = await Subscribe(feed, SubscriptionBody(endpoint, criteria, payload, type));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_a_subscription_is_a_400_operation_outcome()
    {
        using var feed = await SubscriberClient();
        foreach (var body in new[] { "", "{", "[]", "{\"resourceType\":\"Patient\"}", "{\"resourceType\":\"Subscription\",\"criteria\":42}" })
        {
            using var response = await feed.PostAsync("/tableau/fhir/Subscription", new StringContent(body, Encoding.UTF8, "application/fhir+json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_capability_statement_declares_subscriptions()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var metadata = JsonDocument.Parse(await anonymous.GetStringAsync("/tableau/fhir/metadata")).RootElement;
        var subscription = metadata.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Subscription");
        Assert.Equal(["create", "read", "delete"], subscription.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    /// <summary>A subscriber's rest-hook endpoint on loopback: records what it receives; refuses the first <see cref="FailuresToCome"/> with 500.</summary>
    private sealed class LoopbackEndpoint : IAsyncDisposable
    {
        public sealed record Received(string Method, string Path, long Position, string Kind, string Body, string? Authorization, int Answer, long At);

        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<Received> _received = new();
        private readonly Task _loop;
        public string Url { get; }
        public int FailuresToCome;
        public int Refused => _received.Count(r => r.Answer >= 500);

        public LoopbackEndpoint()
        {
            Url = $"http://127.0.0.1:{ServiceProcess.FreePort()}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(ListenAsync);
        }

        private async Task ListenAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var answer = Interlocked.Decrement(ref FailuresToCome) >= 0 ? 500 : 200;
                var path = context.Request.Url!.AbsolutePath;
                _received.Enqueue(new Received(context.Request.HttpMethod, path.StartsWith("/hook") ? path[5..] : path,
                    long.TryParse(context.Request.Headers["X-Ordre-Feed-Position"], out var p) ? p : -1, context.Request.Headers["X-Ordre-Change"] ?? "",
                    body, context.Request.Headers["Authorization"], answer, Stopwatch.GetTimestamp()));
                context.Response.StatusCode = answer;
                context.Response.Close();
            }
        }

        /// <summary>What was accepted (2xx) for this doctor, in the order it came.</summary>
        public List<Received> Delivered(string rpps) =>
            [.. _received.Where(r => r.Answer < 300 && (r.Path.EndsWith("/" + rpps) || r.Body.Contains(rpps)))];

        public Task<List<Received>> Until(string rpps, int count) =>
            Eventually.Until(() => Task.FromResult(Delivered(rpps)), d => d.Count >= count, what: $"{count} notifications of {rpps}");

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
