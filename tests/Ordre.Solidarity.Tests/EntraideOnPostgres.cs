using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.Contracts.Access;
using Ordre.ServiceDefaults.Auth;
using Ordre.Solidarity.Entraide;
using Ordre.Solidarity.Entraide.Assigning;
using Ordre.Solidarity.Entraide.Deciding;
using Ordre.Solidarity.Entraide.GivingOpinion;
using Ordre.Solidarity.Entraide.Paying;
using Ordre.Solidarity.Entraide.Reading;
using Ordre.Solidarity.Entraide.Requesting;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Checking;
using Ordre.Solidarity.Ledger.OpeningAccount;
using Ordre.Solidarity.Loans.Reading;

namespace Ordre.Solidarity.Tests;

/// <summary>Entraide on PostgreSQL (DOMAIN §5.2): requests, the departmental opinion, the commission's decision within the ceilings, payment through the ledger, need-to-know.</summary>
public sealed class EntraideOnPostgres(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>, IAsyncLifetime
{
    private const string Rpps = "10005173140";
    private static readonly ClaimsPrincipal Cnom = Caller("cnom", Roles.NationalCouncil);
    private static readonly ClaimsPrincipal Paris = Caller("cdom75", Roles.DepartmentalCouncil, "75");
    private static readonly ClaimsPrincipal Marseille = Caller("cdom13", Roles.DepartmentalCouncil, "13");
    private static readonly ClaimsPrincipal Member = Caller("entraide1", Roles.EntraideCommission);
    private static readonly ClaimsPrincipal OtherMember = Caller("entraide2", Roles.EntraideCommission);

    public async Task InitializeAsync()
    {
        await solidarity.Reset();
        foreach (var (id, kind) in new[] { ("fonds-entraide", "fund"), ("aides-entraide", "beneficiaries"), ("cnom-dotation", "council") })
            Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Ledger.Apply((l, at) =>
                OpenAccountEndpoint.Decide(l, new OpenAccount(id, kind, id, kind == "council" ? "75" : null), at, "tests"), default)).Outcome);
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Transfer(Guid.CreateVersion7(), "cnom-dotation", "fonds-entraide", 50_000m)).Outcome);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ClaimsPrincipal Caller(string sub, string role, string? department = null) => new(new ClaimsIdentity(
        [new Claim("role", role), new Claim("sub", sub), .. department is null ? Array.Empty<Claim>() : [new Claim(OrdreClaims.Department, department)]], "test", "sub", "role"));

    private static RequestAid ForDoctor(decimal amount = 5_000m) =>
        new("cdom", "doctor", Rpps, null, amount, "Dr Camille Martin", "06 00 00 00 00", "Arrêt maladie prolongé, cabinet fermé depuis trois mois.");

    private Task<Results<Ok<AidRequestView>, ValidationProblem, ProblemHttpResult>> Submit(RequestAid command, ClaimsPrincipal by, DoctorOnTableau? doctor) =>
        RequestAidEndpoint.Submit(command, by, doctor, solidarity.Ledger, solidarity.Store.QuerySession(), default);

    private async Task<AidRequestView> Filed(RequestAid? command = null) =>
        Ok(await Submit(command ?? ForDoctor(), Paris, new DoctorOnTableau(true, "75")));

    private async Task<AidRequestView> Assigned(AidRequestView request) =>
        Ok(await AssignMembersEndpoint.Handle(request.Id, new AssignMembers(["entraide1"]), Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));

    private async Task<AidRequestView> Read(Guid id, ClaimsPrincipal by) => Ok(await ReadAidRequestsEndpoints.Get(id, by, solidarity.Store.QuerySession(), default));

    [Fact]
    public async Task A_doctor_unknown_to_the_tableau_cannot_ask_for_aid_and_a_family_member_needs_no_rpps()
    {
        var unknown = Assert.IsType<ValidationProblem>((await Submit(ForDoctor(), Paris, new DoctorOnTableau(false, null))).Result);
        Assert.Contains("rpps", unknown.ProblemDetails.Errors.Keys);
        var family = Ok(await Submit(new RequestAid("helpline", "family", null, "13", 3_000m, "Mme Durand", null, "Veuve d'un médecin décédé du Covid.", "conjointe"),
            Member, null));
        Assert.Equal(("family", "13", "helpline", "entraide1"), (family.Applicant, family.Department, family.Channel, string.Join(',', family.Members)));
        Assert.Null(family.Details);
    }

    [Fact]
    public async Task A_departmental_council_files_only_for_a_doctor_of_its_department()
    {
        var outside = Assert.IsType<ProblemHttpResult>((await Submit(ForDoctor(), Marseille, new DoctorOnTableau(true, "75"))).Result);
        Assert.Equal(403, outside.StatusCode);
        var filed = await Filed();
        Assert.Equal(("75", "received"), (filed.Department, filed.Status));
    }

    [Fact]
    public async Task Only_the_doctors_departmental_council_gives_its_opinion_and_only_once()
    {
        var request = await Filed();
        Assert.Equal(404, Problem(await GiveOpinionEndpoint.Handle(request.Id, new GiveOpinion(true), Marseille, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
        var assessed = Ok(await GiveOpinionEndpoint.Handle(request.Id, new GiveOpinion(true, "Confrère en grande difficulté."), Paris, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal(("assessed", true), (assessed.Status, assessed.FavourableOpinion));
        Assert.Equal(409, Problem(await GiveOpinionEndpoint.Handle(request.Id, new GiveOpinion(false), Paris, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
    }

    [Fact]
    public async Task The_commission_decides_after_the_opinion_or_its_term_within_the_ceilings_and_only_an_assigned_member()
    {
        var request = await Assigned(await Filed());
        var grant = new DecideAid("grant", 5_000m);
        Assert.Equal(404, Problem(await DecideAidEndpoint.Handle(request.Id, grant, OtherMember, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
        Assert.Equal("avis-attendu", Code(await DecideAidEndpoint.Handle(request.Id, grant, Member, solidarity.Ledger, solidarity.Store.QuerySession(), default)));

        // Without the opinion once its term has run from the receipt.
        var term = SolidarityRules.Book.After(SolidarityRules.CdomOpinion, request.ReceivedOn);
        var termStarts = new DateTimeOffset(term.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        if (termStarts > solidarity.Clock.GetUtcNow())
            solidarity.Clock.SetUtcNow(termStarts);

        var ceiling = SolidarityRules.Book.Value(SolidarityRules.EntraideGrantCeiling, term);
        var over = Assert.IsType<ValidationProblem>((await DecideAidEndpoint.Handle(request.Id, new DecideAid("grant", ceiling + 0.01m), Member, solidarity.Ledger, solidarity.Store.QuerySession(), default)).Result);
        Assert.Contains("amount", over.ProblemDetails.Errors.Keys);
        // The same amount is within the loan's ceiling.
        var loan = Ok(await DecideAidEndpoint.Handle(request.Id, new DecideAid("loan", ceiling + 0.01m), Member, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal(("granted", "loan", ceiling + 0.01m), (loan.Status, loan.Kind, loan.Granted));
        Assert.Equal("deja-decidee", Code(await DecideAidEndpoint.Handle(request.Id, new DecideAid("refused"), Member, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
    }

    [Fact]
    public async Task A_granted_aid_is_paid_once_from_the_entraide_fund_through_the_ledger_and_a_loan_opens_its_receivable()
    {
        var request = await Assigned(await Filed());
        Ok(await GiveOpinionEndpoint.Handle(request.Id, new GiveOpinion(true), Paris, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        var pay = new PayAid("fonds-entraide", "aides-entraide");
        Assert.Equal("sans-decision", Code(await PayAidEndpoint.Handle(request.Id, pay, Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default)));
        Ok(await DecideAidEndpoint.Handle(request.Id, new DecideAid("loan", 6_000m), Member, solidarity.Ledger, solidarity.Store.QuerySession(), default));

        var paid = Ok(await PayAidEndpoint.Handle(request.Id, pay, Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        var again = Ok(await PayAidEndpoint.Handle(request.Id, pay, Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default));
        Assert.Equal(("paid", paid.Transfer, paid.Loan), (again.Status, again.Transfer, again.Loan));
        var ledger = await solidarity.Read();
        Assert.Equal((44_000m, 6_000m), (ledger.Accounts["fonds-entraide"].Balance, ledger.Accounts["aides-entraide"].Balance));
        Assert.True(CheckLedgerEndpoints.Check(ledger).Balanced);
        var loan = Ok(await ReadLoansEndpoints.Get(paid.Loan!.Value, Cnom, solidarity.Store.QuerySession(), default));
        Assert.Equal(("entraide", 6_000m, SolidarityRules.Book.Value(SolidarityRules.EntraideLoanTerm, loan.OpenedOn)), (loan.Source, loan.Outstanding, loan.Schedule.Count));

        // A fund that cannot pay is named, and nothing is recorded.
        var big = await Assigned(await Filed(ForDoctor(20_000m)));
        solidarity.Clock.Advance(TimeSpan.FromDays(40));
        for (var i = 0; i < 3; i++)
        {
            var next = i == 0 ? big : await Assigned(await Filed(ForDoctor(20_000m)));
            solidarity.Clock.Advance(TimeSpan.FromDays(i == 0 ? 0 : 40));
            Ok(await DecideAidEndpoint.Handle(next.Id, new DecideAid("grant", 20_000m), Member, solidarity.Ledger, solidarity.Store.QuerySession(), default));
            var answer = await PayAidEndpoint.Handle(next.Id, pay, Cnom, solidarity.Ledger, solidarity.Store.QuerySession(), default);
            if (i < 2)
                Ok(answer);
            else
                Assert.Equal(("solde-insuffisant", "fonds-entraide"), (Code(answer), ((ProblemHttpResult)answer.Result).ProblemDetails.Extensions["account"]));
        }
        Assert.Equal(4_000m, (await solidarity.Read()).Accounts["fonds-entraide"].Balance);
    }

    [Fact]
    public async Task The_details_are_shown_only_to_the_assigned_members_and_the_doctors_council_and_never_in_lists()
    {
        var request = await Assigned(await Filed());
        Assert.Equal("Arrêt maladie prolongé, cabinet fermé depuis trois mois.", (await Read(request.Id, Member)).Details!.Situation);
        Assert.Equal(Rpps, (await Read(request.Id, Paris)).Details!.Rpps);
        // The national council administers the case without its details; another council, another member: 404.
        var national = await Read(request.Id, Cnom);
        Assert.Null(national.Details);
        foreach (var stranger in new[] { Marseille, OtherMember })
            Assert.Equal(404, Assert.IsType<ProblemHttpResult>((await ReadAidRequestsEndpoints.Get(request.Id, stranger, solidarity.Store.QuerySession(), default)).Result).StatusCode);

        foreach (var caller in new[] { Cnom, Paris, Member })
        {
            var page = Assert.IsType<Ok<Ordre.ServiceDefaults.Queries.Paged<AidRequestView>>>((await ReadAidRequestsEndpoints.List(caller, solidarity.Store.QuerySession(), default)).Result).Value!;
            Assert.Equal(request.Id, Assert.Single(page.Items).Id);
            var json = JsonSerializer.Serialize(page);
            Assert.DoesNotContain("Arrêt maladie", json, StringComparison.Ordinal);
            Assert.DoesNotContain(Rpps, json, StringComparison.Ordinal);
            Assert.DoesNotContain("Camille", json, StringComparison.Ordinal);
        }
        foreach (var stranger in new[] { Marseille, OtherMember })
            Assert.Empty(Assert.IsType<Ok<Ordre.ServiceDefaults.Queries.Paged<AidRequestView>>>((await ReadAidRequestsEndpoints.List(stranger, solidarity.Store.QuerySession(), default)).Result).Value!.Items);
    }

    private static T Ok<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is Ok<T> ok ? ok.Value! : throw new Xunit.Sdk.XunitException($"not 200: {Describe(result.Result)}");

    private static T Ok<T>(Results<Ok<T>, ProblemHttpResult> result) =>
        result.Result is Ok<T> ok ? ok.Value! : throw new Xunit.Sdk.XunitException($"not 200: {Describe(result.Result)}");

    private static int Problem<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is ProblemHttpResult p ? p.StatusCode : throw new Xunit.Sdk.XunitException($"not a problem: {Describe(result.Result)}");

    private static string Code<T>(Results<Ok<T>, ValidationProblem, ProblemHttpResult> result) =>
        result.Result is ProblemHttpResult p && p.ProblemDetails.Extensions.TryGetValue("code", out var code) ? (string)code! : throw new Xunit.Sdk.XunitException($"not refused: {Describe(result.Result)}");

    private static string Describe(object result) => result switch
    {
        ProblemHttpResult p => $"{p.StatusCode} {p.ProblemDetails.Detail}",
        ValidationProblem v => "400 " + string.Join("; ", v.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => result.ToString()!,
    };
}
