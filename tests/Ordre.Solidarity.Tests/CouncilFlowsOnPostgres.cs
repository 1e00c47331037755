using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.Auth;
using Ordre.Solidarity.Donations.Pledging;
using Ordre.Solidarity.Donations.Receiving;
using Ordre.Solidarity.Financing.Deciding;
using Ordre.Solidarity.Financing.Disbursing;
using Ordre.Solidarity.Financing.Examining;
using Ordre.Solidarity.Financing.Submitting;
using Ordre.Solidarity.Ledger.Checking;

namespace Ordre.Solidarity.Tests;

/// <summary>The commission's flows through the endpoints' handlers on PostgreSQL: donations received, requests decided, disbursed through the ledger.</summary>
public sealed class CouncilFlowsOnPostgres(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>, IAsyncLifetime
{
    private static readonly ClaimsPrincipal Cnom = new(new ClaimsIdentity([new Claim("role", Roles.NationalCouncil), new Claim("sub", "cnom")], "test", "sub", "role"));
    private static readonly ClaimsPrincipal Paris = new(new ClaimsIdentity([new Claim("role", Roles.DepartmentalCouncil), new Claim(OrdreClaims.Department, "75"), new Claim("sub", "cdom75")], "test", "sub", "role"));

    public async Task InitializeAsync()
    {
        await solidarity.Reset();
        await solidarity.OpenStandardAccounts();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_pledged_donation_is_posted_once_when_received()
    {
        var pledged = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 5_000m), Paris, solidarity.Ledger, default));
        Assert.Equal("pledged", pledged.Status);
        Assert.Equal(0m, (await solidarity.Read()).Accounts["fonds-solidarite"].Balance);
        var received = Ok(await ReceiveDonationEndpoint.Handle(pledged.Id, Cnom, solidarity.Ledger, default));
        var again = Ok(await ReceiveDonationEndpoint.Handle(pledged.Id, Cnom, solidarity.Ledger, default));
        Assert.Equal(("received", received.Transfer), (again.Status, again.Transfer));
        var ledger = await solidarity.Read();
        Assert.Equal((5_000m, -5_000m, 1L), (ledger.Accounts["fonds-solidarite"].Balance, ledger.Accounts["cdom-75"].Balance, ledger.LastSequence));

        // A pledge with the caller's id: a retry answers it, another amount under that id is refused naming the field.
        var chosen = Guid.CreateVersion7();
        var once = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 10m, chosen), Paris, solidarity.Ledger, default));
        var twice = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 10m, chosen), Paris, solidarity.Ledger, default));
        Assert.Equal((chosen, chosen), (once.Id, twice.Id));
        var other = Assert.IsType<ProblemHttpResult>((await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 11m, chosen), Paris, solidarity.Ledger, default)).Result);
        Assert.Equal((409, "amount"), (other.StatusCode, other.ProblemDetails.Extensions["field"]));

        // Paris may not pledge for Marseille.
        var outside = Assert.IsType<ProblemHttpResult>((await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-13", "fonds-solidarite", 1m), Paris, solidarity.Ledger, default)).Result);
        Assert.Equal(403, outside.StatusCode);
    }

    [Fact]
    public async Task A_disbursement_needs_a_favourable_decision_and_pays_through_the_ledger_once()
    {
        var donation = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 100_000m), Cnom, solidarity.Ledger, default));
        Ok(await ReceiveDonationEndpoint.Handle(donation.Id, Cnom, solidarity.Ledger, default));

        var request = Ok(await SubmitFinancingRequestEndpoint.Handle(new SubmitFinancingRequest("cdom-2a", 350_000m, "Achat des locaux"), Cnom, solidarity.Ledger, default));
        Assert.Equal(("submitted", "solidarite-financiere"), (request.Status, request.Commission));
        Assert.Equal("sans-decision", Refused(await DisburseFinancingEndpoint.Handle(request.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default)));
        Assert.Equal("non-examinee", Refused(await DecideFinancingRequestEndpoint.Handle(request.Id, new DecideFinancingRequest("granted"), Cnom, solidarity.Ledger, default)));
        Ok(await ExamineFinancingRequestEndpoint.Handle(request.Id, new ExamineFinancingRequest("Avis favorable"), Cnom, solidarity.Ledger, default));
        var granted = Ok(await DecideFinancingRequestEndpoint.Handle(request.Id, new DecideFinancingRequest("bridge-loan", 120_000m), Cnom, solidarity.Ledger, default));
        Assert.Equal(("bridge-loan-granted", 120_000m), (granted.Status, granted.Granted));
        Assert.Equal("deja-decidee", Refused(await DecideFinancingRequestEndpoint.Handle(request.Id, new DecideFinancingRequest("rejected"), Cnom, solidarity.Ledger, default)));

        // The fund holds 100,000 €: paying 120,000 € is refused naming it, and nothing is recorded.
        var overdraw = Assert.IsType<ProblemHttpResult>((await DisburseFinancingEndpoint.Handle(request.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default)).Result);
        Assert.Equal((409, "fonds-solidarite"), (overdraw.StatusCode, overdraw.ProblemDetails.Extensions["account"]));
        var donation2 = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-13", "fonds-solidarite", 50_000m), Cnom, solidarity.Ledger, default));
        Ok(await ReceiveDonationEndpoint.Handle(donation2.Id, Cnom, solidarity.Ledger, default));

        var paid = Ok(await DisburseFinancingEndpoint.Handle(request.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default));
        var again = Ok(await DisburseFinancingEndpoint.Handle(request.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default));
        Assert.Equal(("disbursed", paid.Disbursement), (again.Status, again.Disbursement));
        var ledger = await solidarity.Read();
        Assert.Equal((30_000m, 120_000m, 3L), (ledger.Accounts["fonds-solidarite"].Balance, ledger.Accounts["cdom-2a"].Balance, ledger.LastSequence));
        Assert.True(CheckLedgerEndpoints.Check(ledger).Balanced);

        // The same id again: the same fields answer the request as it stands; another council is refused naming the field.
        var differentCouncil = Assert.IsType<ProblemHttpResult>((await SubmitFinancingRequestEndpoint.Handle(
            new SubmitFinancingRequest("cdom-13", 350_000m, "Achat des locaux", Id: request.Id), Cnom, solidarity.Ledger, default)).Result);
        Assert.Equal((409, "council"), (differentCouncil.StatusCode, differentCouncil.ProblemDetails.Extensions["field"]));
        var retried = Ok(await SubmitFinancingRequestEndpoint.Handle(new SubmitFinancingRequest("cdom-2a", 350_000m, "Achat des locaux", Id: request.Id), Cnom, solidarity.Ledger, default));
        Assert.Equal(("disbursed", request.Id), (retried.Status, retried.Id));
        var rejected = Ok(await SubmitFinancingRequestEndpoint.Handle(new SubmitFinancingRequest("cdom-13", 20_000m, "Fonctionnement", "harmonisation-des-charges"), Cnom, solidarity.Ledger, default));
        Ok(await ExamineFinancingRequestEndpoint.Handle(rejected.Id, null, Cnom, solidarity.Ledger, default));
        Ok(await DecideFinancingRequestEndpoint.Handle(rejected.Id, new DecideFinancingRequest("rejected"), Cnom, solidarity.Ledger, default));
        Assert.Equal("sans-decision", Refused(await DisburseFinancingEndpoint.Handle(rejected.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default)));
    }

    private static T Ok<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is Ok<T> ok ? ok.Value! : throw new Xunit.Sdk.XunitException($"not 200: {Describe(result.Result)}");

    private static string Refused<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is ProblemHttpResult problem ? (string)problem.ProblemDetails.Extensions["code"]! : throw new Xunit.Sdk.XunitException($"not refused: {Describe(result.Result)}");

    private static string Describe(object result) => result switch
    {
        ProblemHttpResult p => $"{p.StatusCode} {p.ProblemDetails.Detail}",
        ValidationProblem v => "400 " + string.Join("; ", v.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => result.ToString()!,
    };
}
