using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ordre.Client;
using Ordre.Testing;
using Xunit.Abstractions;
using static Ordre.EndToEnd.Tests.Scenarios;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Two Tableau instances on one database: the async daemon (HotCold) runs on exactly one of them,
/// the leader holding PostgreSQL advisory locks, and the other takes over when the leader is killed.
/// Uses a system of its own: killing the leader may kill the instance the shared gateway routes to.
/// </summary>
public class DaemonLeaderElection(OrdreSystem system, ITestOutputHelper output) : IClassFixture<OrdreSystem>
{
    [Fact]
    public async Task One_of_two_instances_leads_and_the_other_takes_over_within_seconds_when_it_is_killed()
    {
        var second = system.StartTableau("tableau-2");
        await second.WaitUntilHealthyAsync();
        var instances = new[] { system.Tableau, second };

        // A single leader, and always the same one, while both run.
        var leaderName = await Eventually.Until(LockHolders, holders => holders.Count == 1, what: "a single daemon leader");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(leaderName, await LockHolders());
            await Task.Delay(300);
        }
        var leader = instances.Single(p => p.Name == leaderName[0]);
        var follower = instances.Single(p => p != leader);

        // The leader projects and publishes what either instance committed.
        var first = await system.GrantedInscription();
        await InDirectoryOf(follower, first);
        await system.RegisteredCountReaches("75", 1);

        var killedAt = Stopwatch.StartNew();
        await leader.KillAsync();
        await Eventually.Until(LockHolders, holders => holders.SequenceEqual([follower.Name]), TimeSpan.FromSeconds(30),
            "the follower holding the daemon's locks");
        output.WriteLine($"Takeover after SIGKILL of the leader: {killedAt.Elapsed.TotalSeconds:0.0} s");

        // The new leader projects and publishes new events.
        var second_doctor = NewDoctor("75");
        using var http = new HttpClient { BaseAddress = follower.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenFor("cdom75"));
        var created = await http.PostAsJsonAsync("/inscriptions", second_doctor);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<InscriptionCreated>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/inscriptions/{id}/decision", InscriptionDecision.Grant())).StatusCode);

        await InDirectoryOf(follower, second_doctor);
        await system.RegisteredCountReaches("75", 2);
    }

    /// <summary>
    /// The instances holding the daemon's advisory locks; not the FHIR subscriptions' notifier's, which another instance
    /// may hold (its key, FhirSubscriptionNotifier.LockKey 0x4648495253554253, as pg_locks splits a bigint key).
    /// </summary>
    private Task<List<string>> LockHolders() => system.TableauDatabase.QueryAsync<string>(
        """
        select distinct a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and a.datname = current_database()
          and not (l.classid = 1179142482 and l.objid = 1398096467 and l.objsubid = 1)
        order by 1
        """);

    private static async Task InDirectoryOf(ServiceProcess instance, InscriptionRequest doctor)
    {
        using var http = new HttpClient { BaseAddress = instance.Url };
        await Eventually.Until(
            async () => await http.GetFromJsonAsync<DirectoryPage>($"/annuaire?name={Uri.EscapeDataString(doctor.LastName!)}&department=75&pageSize=50"),
            page => page?.Items.Any(d => d.Rpps == doctor.Rpps) == true, what: $"{doctor.Rpps} in the directory");
    }
}
