using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.Auth;
using Ordre.Solidarity.Donations.Pledging;
using Ordre.Solidarity.Donations.Receiving;
using Ordre.Solidarity.Financing;
using Ordre.Solidarity.Financing.Deciding;
using Ordre.Solidarity.Financing.Disbursing;
using Ordre.Solidarity.Financing.Examining;
using Ordre.Solidarity.Financing.Submitting;
using Ordre.Solidarity.Ledger.Checking;
using Ordre.Solidarity.Loans;
using Ordre.Solidarity.Loans.Arrears;
using Ordre.Solidarity.Loans.Opening;
using Ordre.Solidarity.Loans.Reading;
using Ordre.Solidarity.Loans.Repaying;

namespace Ordre.Solidarity.Tests;

/// <summary>Bridge loans on PostgreSQL: the receivable a disbursement opens, its schedule, repayments through the ledger, arrears flagged by the clock.</summary>
public sealed class LoansOnPostgres(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>, IAsyncLifetime
{
    private static readonly ClaimsPrincipal Cnom = new(new ClaimsIdentity([new Claim("role", Roles.NationalCouncil), new Claim("sub", "cnom")], "test", "sub", "role"));
    private static readonly ClaimsPrincipal Corse = new(new ClaimsIdentity([new Claim("role", Roles.DepartmentalCouncil), new Claim(OrdreClaims.Department, "2A"), new Claim("sub", "cdom2a")], "test", "sub", "role"));
    private static readonly ClaimsPrincipal Paris = new(new ClaimsIdentity([new Claim("role", Roles.DepartmentalCouncil), new Claim(OrdreClaims.Department, "75"), new Claim("sub", "cdom75")], "test", "sub", "role"));

    public async Task InitializeAsync()
    {
        await solidarity.Reset();
        await solidarity.OpenStandardAccounts();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void A_schedule_of_monthly_installments_adds_up_to_the_principal_to_the_cent()
    {
        var schedule = OpenLoan.Schedule(1_000.01m, new DateOnly(2026, 1, 31), 12);
        Assert.Equal(12, schedule.Count);
        Assert.Equal(1_000.01m, schedule.Sum(i => i.Amount));
        Assert.Equal((new DateOnly(2026, 2, 28), 83.33m), (schedule[0].DueOn, schedule[0].Amount));
        Assert.Equal((new DateOnly(2027, 1, 31), 83.38m), (schedule[11].DueOn, schedule[11].Amount));
        Assert.Equal(3, OpenLoan.Schedule(0.03m, new DateOnly(2026, 1, 1), 12).Count);
    }

    [Fact]
    public async Task A_bridge_loan_disbursed_opens_a_receivable_with_its_schedule_and_a_grant_opens_none()
    {
        var loan = await DisbursedBridgeLoan(12_000m);
        Assert.Equal((12_000m, 0m, 12_000m, 12, false), (loan.Principal, loan.Repaid, loan.Outstanding, loan.Schedule.Count, loan.InArrears));
        Assert.Equal(("cdom-2a", "fonds-solidarite", "financing"), (loan.Borrower, loan.Fund, loan.Source));
        Assert.Equal(SolidarityRules.Book.Value(SolidarityRules.BridgeLoanTerm, loan.OpenedOn), loan.Schedule.Count);

        var grant = await Decided("granted", 1_000m);
        var paid = Ok(await DisburseFinancingEndpoint.Handle(grant.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default));
        Assert.Null(paid.Loan);
        await using var session = solidarity.Store.QuerySession();
        Assert.Equal(1, await session.Query<Loan>().CountAsync());
    }

    [Fact]
    public async Task Only_a_repayment_posted_on_the_ledger_reduces_the_receivable_and_the_last_euro_settles_it()
    {
        var loan = await DisbursedBridgeLoan(1_200m);
        var first = Guid.CreateVersion7();
        var after = Ok(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(first, 200m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal((200m, 1_000m), (after.Repaid, after.Outstanding));

        // A retry changes nothing; the same id with another amount is refused naming it.
        Ok(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(first, 200m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal(("existe-avec-champ-different", "amount"), Refused(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(first, 300m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
        // No more than what is due.
        Assert.Equal(("au-dela-du-restant-du", "amount"), Refused(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(Guid.CreateVersion7(), 1_000.01m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default)));

        // A transfer made directly on the ledger moves money but does not touch the receivable.
        Assert.IsType<Ledger.LedgerOutcome.Accepted>((await solidarity.Transfer(Guid.CreateVersion7(), "cdom-2a", "fonds-solidarite", 50m)).Outcome);
        var ledger = await solidarity.Read();
        Assert.Equal((1_200m - 200m - 50m, 100_000m - 1_200m + 200m + 50m), (ledger.Accounts["cdom-2a"].Balance - 0m, ledger.Accounts["fonds-solidarite"].Balance));
        Assert.Equal(1_000m, Ok(await ReadLoansEndpoints.Get(loan.Id, Cnom, solidarity.Store.QuerySession(), default)).Outstanding);

        var settled = Ok(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(Guid.CreateVersion7(), 1_000m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal((true, 0m), (settled.Settled, settled.Outstanding));
        Assert.Equal(("pret-solde", null), Refused(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(Guid.CreateVersion7(), 1m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
        Assert.True(CheckLedgerEndpoints.Check(await solidarity.Read()).Balanced);
    }

    [Fact]
    public async Task An_installment_still_unpaid_after_its_due_date_and_grace_puts_the_loan_in_arrears_until_repaid()
    {
        var loan = await DisbursedBridgeLoan(1_200m);
        var sweep = solidarity.Services.GetRequiredService<LoanArrears>();
        var grace = SolidarityRules.Book.Value(SolidarityRules.ArrearsGrace, loan.OpenedOn);
        var firstDue = loan.Schedule[0].DueOn;

        MoveTo(firstDue.AddDays(grace));
        await sweep.SweepAsync(default);
        Assert.False((await Read(loan.Id)).InArrears);

        // (The hosted sweep may run first when the clock jumps: what counts is the state.)
        MoveTo(firstDue.AddDays(grace + 1));
        await sweep.SweepAsync(default);
        var late = await Read(loan.Id);
        Assert.Equal((true, 100m), (late.InArrears, late.Overdue));
        Assert.Equal(0, await sweep.SweepAsync(default));

        // Paying the overdue installment clears the arrears; the next one is watched.
        var caughtUp = Ok(await RepayLoanEndpoint.Handle(loan.Id, new RepayLoan(Guid.CreateVersion7(), 100m), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal((false, 0m), (caughtUp.InArrears, caughtUp.Overdue));

        // Three months later, two more installments are late.
        MoveTo(loan.Schedule[2].DueOn.AddDays(grace + 1));
        await sweep.SweepAsync(default);
        Assert.Equal((true, 200m), ((await Read(loan.Id)).InArrears, (await Read(loan.Id)).Overdue));
    }

    [Fact]
    public async Task Another_council_cannot_read_the_loan()
    {
        var loan = await DisbursedBridgeLoan(1_200m);
        Ok(await ReadLoansEndpoints.Get(loan.Id, Corse, solidarity.Store.QuerySession(), default));
        var other = Assert.IsType<ProblemHttpResult>((await ReadLoansEndpoints.Get(loan.Id, Paris, solidarity.Store.QuerySession(), default)).Result);
        Assert.Equal(404, other.StatusCode);
    }

    private void MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        if (target > solidarity.Clock.GetUtcNow())
            solidarity.Clock.SetUtcNow(target);
    }

    private async Task<LoanView> Read(Guid id) => Ok(await ReadLoansEndpoints.Get(id, Cnom, solidarity.Store.QuerySession(), default));

    private async Task<FinancingRequestView> Decided(string decision, decimal amount)
    {
        var request = Ok(await SubmitFinancingRequestEndpoint.Handle(new SubmitFinancingRequest("cdom-2a", amount, "Travaux"), Cnom, solidarity.Ledger, default));
        Ok(await ExamineFinancingRequestEndpoint.Handle(request.Id, null, Cnom, solidarity.Ledger, default));
        return Ok(await DecideFinancingRequestEndpoint.Handle(request.Id, new DecideFinancingRequest(decision), Cnom, solidarity.Ledger, default));
    }

    private async Task<LoanView> DisbursedBridgeLoan(decimal amount)
    {
        var donation = Ok(await PledgeDonationEndpoint.Handle(new PledgeDonation("cdom-75", "fonds-solidarite", 100_000m), Cnom, solidarity.Ledger, default));
        Ok(await ReceiveDonationEndpoint.Handle(donation.Id, Cnom, solidarity.Ledger, default));
        var request = await Decided("bridge-loan", amount);
        var paid = Ok(await DisburseFinancingEndpoint.Handle(request.Id, new DisburseFinancing("fonds-solidarite"), Cnom, solidarity.Ledger, default));
        Assert.NotNull(paid.Loan);
        return await Read(paid.Loan.Value);
    }

    private static T Ok<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is Ok<T> ok ? ok.Value! : throw new Xunit.Sdk.XunitException($"not 200: {Describe(result.Result)}");

    private static T Ok<T>(Results<Ok<T>, ProblemHttpResult> result) =>
        result.Result is Ok<T> ok ? ok.Value! : throw new Xunit.Sdk.XunitException($"not 200: {Describe(result.Result)}");

    private static (string Code, object? Field) Refused<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is ProblemHttpResult problem
            ? ((string)problem.ProblemDetails.Extensions["code"]!, (problem.ProblemDetails.Extensions.TryGetValue("field", out var f) ? f : null))
            : throw new Xunit.Sdk.XunitException($"not refused: {Describe(result.Result)}");

    private static string Describe(object result) => result switch
    {
        ProblemHttpResult p => $"{p.StatusCode} {p.ProblemDetails.Detail}",
        ValidationProblem v => "400 " + string.Join("; ", v.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => result.ToString()!,
    };
}
