using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.Contracts.Solidarity;
using Ordre.Solidarity.Entraide;
using Ordre.Solidarity.Entraide.Assigning;
using Ordre.Solidarity.Entraide.Deciding;
using Ordre.Solidarity.Entraide.GivingOpinion;
using Ordre.Solidarity.Entraide.Paying;
using Ordre.Solidarity.Entraide.Requesting;
using Ordre.Solidarity.Helpline.Counting;
using Ordre.Solidarity.Ledger.OpeningAccount;

namespace Ordre.Solidarity.Tests;

/// <summary>
/// Entraide's and the helpline's integration events leave from the event store for the dashboard with amounts, channels
/// and counts only: the applicant's name, RPPS, department and situation never do. Its own fixture (others empty the store).
/// </summary>
public sealed class EntraideEventsArePublished(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>
{
    [Fact]
    public async Task Aid_requested_granted_paid_the_loan_and_helpline_counts_are_published_without_personal_data()
    {
        var received = Channel.CreateUnbounded<object>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(solidarity.Broker.Amqp);
            rabbit.ReceiveEndpoint("test-entraide-events", e =>
            {
                e.Handler<AidRequested>(c => received.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<AidRuled>(c => received.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<AidPaidOut>(c => received.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<LoanGranted>(c => received.Writer.WriteAsync(c.Message).AsTask());
                e.Handler<HelplineCallsRecorded>(c => received.Writer.WriteAsync(c.Message).AsTask());
            });
        });
        await bus.StartAsync();
        try
        {
            var cnom = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.NationalCouncil), new Claim("sub", "cnom")], "test", "sub", "role"));
            var paris = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.DepartmentalCouncil), new Claim("sub", "cdom75"), new Claim("department", "75")], "test", "sub", "role"));
            var member = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.EntraideCommission), new Claim("sub", "entraide1")], "test", "sub", "role"));
            foreach (var (id, kind) in new[] { ("fonds-entraide", "fund"), ("aides-entraide", "beneficiaries"), ("cdom-75", "council") })
                await solidarity.Ledger.Apply((l, at) => OpenAccountEndpoint.Decide(l, new OpenAccount(id, kind, id, kind == "council" ? "75" : null), at, "tests"), default);
            await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-entraide", 10_000m);

            var request = Assert.IsType<Ok<AidRequestView>>((await RequestAidEndpoint.Submit(
                new RequestAid("cdom", "doctor", "10005173140", null, 4_000m, "Dr Camille Martin", "06 11 22 33 44", "Burn-out, dettes du cabinet."),
                paris, new DoctorOnTableau(true, "75"), solidarity.Ledger, solidarity.Store.QuerySession(), default)).Result).Value!;
            await AssignMembersEndpoint.Handle(request.Id, new AssignMembers(["entraide1"]), cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default);
            await GiveOpinionEndpoint.Handle(request.Id, new GiveOpinion(true, "Situation très grave."), paris, solidarity.Ledger, solidarity.Store.QuerySession(), default);
            await DecideAidEndpoint.Handle(request.Id, new DecideAid("loan", 4_000m), member, solidarity.Ledger, solidarity.Store.QuerySession(), default);
            Assert.IsType<Ok<AidRequestView>>((await PayAidEndpoint.Handle(request.Id, new PayAid("fonds-entraide", "aides-entraide"), cnom, solidarity.Ledger,
                solidarity.Store.QuerySession(), default)).Result);
            await CountCallsEndpoint.Handle(new CountCalls(DateOnly.FromDateTime(solidarity.Clock.GetUtcNow().UtcDateTime), "infirmier", "salarie", "psychologue", 2),
                solidarity.Store, solidarity.Clock, default);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var messages = new List<object>();
            while (messages.Count < 5)
                messages.Add(await received.Reader.ReadAsync(timeout.Token));
            var requested = Assert.Single(messages.OfType<AidRequested>());
            Assert.Equal((request.Id, "cdom", "doctor", 4_000m), (requested.RequestId, requested.Channel, requested.Applicant, requested.AmountAsked));
            Assert.Equal(("loan", 4_000m), (Assert.Single(messages.OfType<AidRuled>()).Decision, messages.OfType<AidRuled>().Single().Amount));
            Assert.True(Assert.Single(messages.OfType<AidPaidOut>()).Loan);
            Assert.Equal(("entraide", 4_000m), (Assert.Single(messages.OfType<LoanGranted>()).Source, messages.OfType<LoanGranted>().Single().Principal));
            Assert.Equal(2, Assert.Single(messages.OfType<HelplineCallsRecorded>()).Calls);
            var json = string.Join('\n', messages.Select(m => JsonSerializer.Serialize(m, m.GetType())));
            foreach (var personal in new[] { "Camille", "10005173140", "06 11", "Burn-out", "grave", "\"75\"", "cdom75", "entraide1" })
                Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
