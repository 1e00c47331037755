using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Ordre.Client;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Testing;
using Xunit.Abstractions;
using static Ordre.EndToEnd.Tests.Scenarios;
using LookupClient = Ordre.Contracts.Tableau.Lookup.PractitionerLookup.PractitionerLookupClient;

namespace Ordre.EndToEnd.Tests;

/// <summary>The Tableau's practitioner lookup: gRPC for services, HTTP through the gateway for councils.</summary>
[Collection(SystemCollection.Name)]
public class PractitionerLookup(OrdreSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_service_learns_whether_and_until_when_a_doctor_may_practise_but_not_the_health_reason()
    {
        var active = await system.GrantedInscription();
        var suspended = await system.GrantedInscription();
        await system.Change(suspended, "suspensions", new { source = "Incompetence", partial = true, until = Today.AddMonths(3) }, "cromidf");
        var lookup = await Client();

        var status = await lookup.client.GetStatusAsync(new PractitionerStatusRequest { Rpps = active.Rpps }, lookup.headers);
        Assert.True(status is { Known: true, Registered: true, MayPractise: true, Department: "75" });
        Assert.Contains(active.Specialty, status.Specialties);

        var restricted = await lookup.client.GetStatusAsync(new PractitionerStatusRequest { Rpps = suspended.Rpps }, lookup.headers);
        Assert.False(restricted.MayPractise);
        // A service learns that and when, not why: an incompetence or health reason is for the doctor's own councils.
        Assert.Equal(["suspension"], restricted.Restrictions);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), restricted.NotAllowedFrom);
        Assert.Equal(Today.AddMonths(3).ToString("yyyy-MM-dd"), restricted.NotAllowedUntil);

        var unknown = await lookup.client.GetStatusAsync(new PractitionerStatusRequest { Rpps = "10005173141" }, lookup.headers);
        Assert.False(unknown.Known);
    }

    [Fact]
    public async Task Thousands_of_rpps_are_answered_in_one_call_in_the_order_asked()
    {
        var known = await system.GrantedInscription();
        var numbers = Enumerable.Range(0, 10_000).Select(i => DemoDoctors.Rpps(50_000_000 + i)).Append(known.Rpps!).ToList();
        var lookup = await Client();
        var request = new PractitionerStatusBatchRequest();
        request.Rpps.AddRange(numbers);

        await lookup.client.GetStatusesAsync(request, lookup.headers); // warm-up
        var watch = Stopwatch.StartNew();
        var batch = await lookup.client.GetStatusesAsync(request, lookup.headers);
        output.WriteLine($"GetStatuses for {numbers.Count} RPPS: {watch.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(numbers, batch.Statuses.Select(s => s.Rpps));
        Assert.True(batch.Statuses[^1].MayPractise);
    }

    [Fact]
    public async Task The_lookup_refuses_callers_that_are_not_services()
    {
        using var channel = GrpcChannel.ForAddress(system.TableauGrpc);
        var client = new LookupClient(channel);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => client.GetStatusAsync(new PractitionerStatusRequest { Rpps = "10005173140" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var council = new Metadata { { "Authorization", "Bearer " + await system.TokenFor("cdom75") } };
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetStatusAsync(new PractitionerStatusRequest { Rpps = "10005173140" }, council).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Councils_get_the_same_answer_over_http_through_the_gateway()
    {
        var doctor = await system.GrantedInscription();
        var statuses = await system.Api.LookUp(new LookupRequest([doctor.Rpps!, "10005173141"]), await system.TokenFor("cdom13"));
        Assert.True(statuses.IsSuccessStatusCode, Describe(statuses));
        Assert.True(statuses.Content![0] is { Known: true, MayPractise: true, Department: "75" });
        Assert.False(statuses.Content[1].Known);

        (await system.Api.LookUp(new LookupRequest([doctor.Rpps!]), await system.TokenFor("labo-exemple"))).AssertProblem(HttpStatusCode.Forbidden);
        (await system.Api.LookUp(new LookupRequest([]), await system.TokenFor("cdom13"))).AssertProblem(HttpStatusCode.BadRequest);
    }

    private async Task<(LookupClient client, Metadata headers)> Client()
    {
        var token = await system.Api.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ordre-services", ["client_secret"] = "ordre-services-dev-secret",
        });
        var channel = GrpcChannel.ForAddress(system.TableauGrpc);
        return (new LookupClient(channel), new Metadata { { "Authorization", "Bearer " + token.Content!.AccessToken } });
    }
}
