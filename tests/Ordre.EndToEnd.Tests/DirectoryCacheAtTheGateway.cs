using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>The public directory's anonymous answers are cached 100 ms by the gateway (gateway/DirectoryCache.cs).</summary>
[Collection(SystemCollection.Name)]
public class DirectoryCacheAtTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_search_asked_again_at_once_is_answered_from_the_gateway_s_cache_but_never_to_a_signed_in_doctor()
    {
        var doctor = await system.GrantedInscription();
        await system.Change(doctor, "activity", new { activity = "Retired" });
        var doctorsToken = await system.TokenFor("docteur");
        await Eventually.Until(() => system.Api.SearchDirectory(null, rpps: doctor.Rpps, token: doctorsToken),
            p => p.Content?.Items.SingleOrDefault()?.Activity == "Retraité", what: "retired doctor seen by a doctor");
        var search = $"/tableau/annuaire?rpps={doctor.Rpps}";
        using var http = new HttpClient { BaseAddress = system.Gateway.Url };

        // The public does not see a retired doctor; the same search repeated at once comes from the cache (Age header).
        HttpResponseMessage? cached = null;
        for (var attempt = 0; attempt < 20 && cached is null; attempt++)
        {
            using var first = await http.GetAsync(search);
            var again = await http.GetAsync(search);
            if (again.Headers.Age is not null)
                cached = again;
            else
                again.Dispose();
        }
        Assert.NotNull(cached);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(0, await ItemCount(cached));

        // While that answer is cached, a signed-in doctor asking the same gets the service's own answer.
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, search);
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", doctorsToken);
        using var doctorsAnswer = await http.SendAsync(signedIn);
        Assert.Null(doctorsAnswer.Headers.Age);
        Assert.Equal(1, await ItemCount(doctorsAnswer));
        cached.Dispose();
    }

    [Fact]
    public async Task A_search_asked_without_pause_is_refreshed_before_it_expires_so_that_no_caller_waits_for_the_tableau()
    {
        // A gateway keeping answers 400 ms; the same anonymous search asked every 5 ms for 2 s. With plain expiry one
        // caller in each 400 ms would go to the Tableau (a response without Age); refreshed ahead, only the first does.
        const int cachedForMs = 400;
        await using var gateway = system.StartGateway(publicPermitsPerSecond: 1_000, directoryCacheMilliseconds: cachedForMs);
        await gateway.WaitUntilHealthyAsync();
        var doctor = await system.GrantedInscription();
        using var http = new HttpClient { BaseAddress = gateway.Url };
        var search = $"/tableau/fhir/Practitioner?identifier={doctor.Rpps}";
        await Eventually.Until(async () => await TotalOf(await http.GetAsync($"{search}&_count=1")), n => n == 1, what: "the doctor in the directory");

        var (asked, fromTheTableau) = (0, 0);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (elapsed.ElapsedMilliseconds < 5 * cachedForMs && await pace.WaitForNextTickAsync())
        {
            using var answer = await http.GetAsync(search);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            asked++;
            if (answer.Headers.Age is null)
                fromTheTableau++;
        }

        Assert.True(asked >= 50, $"{asked} requests asked");
        // 1 expected; 2 tolerates one stall of the machine longer than half the lifetime. Plain expiry gives 5 or 6.
        Assert.InRange(fromTheTableau, 1, 2);
    }

    private static async Task<int> TotalOf(HttpResponseMessage response)
    {
        using (response)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("total", out var total) ? total.GetInt32() : -1;
        }
    }

    private static async Task<int> ItemCount(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").GetArrayLength();
    }
}
