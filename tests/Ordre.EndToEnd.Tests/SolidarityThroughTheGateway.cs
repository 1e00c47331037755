using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The solidarity fund's ledger through the gateway, with real tokens: a donation, a grant reserved then posted in part,
/// idempotent retries, an overdraw refused naming the fund, statements for the council that owns the account only, the
/// global balance and verify for the national council. Accounts are new per run (the ledger is shared by the run).
/// </summary>
[Collection(SystemCollection.Name)]
public class SolidarityThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_donation_and_a_grant_move_money_once_never_overdraw_the_fund_and_each_council_reads_only_its_own_account()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (fund, paris, corsica) = ($"fonds-{run}", $"cdom-75-{run}", $"cdom-2a-{run}");
        using var national = await system.HttpClientFor("cnom");
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = fund, kind = "fund", name = "Fonds de solidarité (test)" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = paris, kind = "council", name = "CDOM 75 (test)", department = "75" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = corsica, kind = "council", name = "CDOM 2A (test)", department = "2A" }));

        // A donation from Paris: a retry answers the first result; the same id with another amount is refused naming the field.
        var donation = new { transferId = Guid.CreateVersion7(), legs = new[] { new { debit = paris, credit = fund, amount = 1000.50m } }, memo = "Don" };
        var first = await Ok(national.PostAsJsonAsync("/solidarity/transfers", donation));
        var again = await Ok(national.PostAsJsonAsync("/solidarity/transfers", donation));
        Assert.Equal(first.GetRawText(), again.GetRawText());
        var different = await Problem(national.PostAsJsonAsync("/solidarity/transfers",
            donation with { legs = [new { debit = paris, credit = fund, amount = 1000.51m }] }), HttpStatusCode.Conflict);
        Assert.Equal("legs[0].amount", different.GetProperty("field").GetString());

        // A grant to Corsica: reserved, then more than what is left is refused naming the fund, then posted in part, once.
        var grant = Guid.CreateVersion7();
        await Ok(national.PostAsJsonAsync("/solidarity/transfers", new { transferId = grant, legs = new[] { new { debit = fund, credit = corsica, amount = 600m } }, pending = true }));
        var overdraw = await Problem(national.PostAsJsonAsync("/solidarity/transfers",
            new { transferId = Guid.CreateVersion7(), legs = new[] { new { debit = fund, credit = corsica, amount = 400.51m } } }), HttpStatusCode.Conflict);
        Assert.Equal(fund, overdraw.GetProperty("account").GetString());
        Assert.Contains(fund, overdraw.GetProperty("detail").GetString());
        var posted = await Ok(national.PostAsJsonAsync($"/solidarity/transfers/{grant}/post", new { amount = 550m }));
        Assert.Equal("posted-from-pending", posted.GetProperty("status").GetString());
        await Problem(national.PostAsync($"/solidarity/transfers/{grant}/void", null), HttpStatusCode.Conflict);

        // Statements: Paris reads its own account, not Corsica's nor the fund; the national council reads all.
        using var parisCouncil = await system.HttpClientFor("cdom75");
        var statement = await Ok(parisCouncil.GetAsync($"/solidarity/accounts/{paris}/statement"));
        Assert.Equal(-1000.50m, statement.GetProperty("items")[0].GetProperty("balance").GetDecimal());
        var outside = await Problem(parisCouncil.GetAsync($"/solidarity/accounts/{corsica}/statement"), HttpStatusCode.Forbidden);
        Assert.Equal("hors-ressort", outside.GetProperty("code").GetString());
        await Problem(parisCouncil.GetAsync($"/solidarity/accounts/{fund}"), HttpStatusCode.Forbidden);
        await Problem(parisCouncil.PostAsJsonAsync("/solidarity/transfers", donation), HttpStatusCode.Forbidden);
        var fundStatement = await Ok(national.GetAsync($"/solidarity/accounts/{fund}/statement?page=1&pageSize=1"));
        Assert.Equal((2, 1000.50m), (fundStatement.GetProperty("total").GetInt32(), fundStatement.GetProperty("items")[0].GetProperty("balance").GetDecimal()));
        var account = await Ok(national.GetAsync($"/solidarity/accounts/{fund}"));
        Assert.Equal((450.50m, 450.50m), (account.GetProperty("balance").GetDecimal(), account.GetProperty("available").GetDecimal()));

        // Bad input is 400 problem details naming the field, in French.
        var invalid = await Problem(national.PostAsJsonAsync("/solidarity/transfers",
            new { transferId = Guid.CreateVersion7(), legs = new[] { new { debit = paris, credit = fund, amount = 0.001m } } }), HttpStatusCode.BadRequest);
        Assert.Contains("2 décimales", invalid.GetProperty("errors").GetProperty("legs[0].amount")[0].GetString());

        // The national council's checks.
        var balance = await Ok(national.GetAsync("/solidarity/ledger/balance"));
        Assert.True(balance.GetProperty("balanced").GetBoolean(), balance.GetRawText());
        Assert.Equal(balance.GetProperty("debits").GetDecimal(), balance.GetProperty("credits").GetDecimal());
        var verify = await Ok(national.GetAsync("/solidarity/ledger/verify"));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.GetRawText());
        await Problem(parisCouncil.GetAsync("/solidarity/ledger/verify"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_council_pledges_the_commission_grants_and_the_fund_pays_only_after_the_decision()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (fund, paris, corsica) = ($"fonds-{run}", $"cdom-75-{run}", $"cdom-2a-{run}");
        using var national = await system.HttpClientFor("cnom");
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = fund, kind = "fund", name = "Fonds (test)" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = paris, kind = "council", name = "CDOM 75 (test)", department = "75" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = corsica, kind = "council", name = "CDOM 2A (test)", department = "2A" }));

        using var parisCouncil = await system.HttpClientFor("cdom75");
        var pledge = await Ok(parisCouncil.PostAsJsonAsync("/solidarity/donations", new { council = paris, fund, amount = 20_000m }));
        await Problem(parisCouncil.PostAsJsonAsync("/solidarity/donations", new { council = corsica, fund, amount = 1m }), HttpStatusCode.Forbidden);
        var donation = pledge.GetProperty("id").GetGuid();
        await Problem(parisCouncil.PostAsync($"/solidarity/donations/{donation}/receipt", null), HttpStatusCode.Forbidden);
        Assert.Equal("received", (await Ok(national.PostAsync($"/solidarity/donations/{donation}/receipt", null))).GetProperty("status").GetString());

        var request = (await Ok(national.PostAsJsonAsync("/solidarity/financing-requests",
            new { council = corsica, amount = 10_000m, purpose = "Travaux des locaux" }))).GetProperty("id").GetGuid();
        var early = await Problem(national.PostAsJsonAsync($"/solidarity/financing-requests/{request}/disbursement", new { fund }), HttpStatusCode.Conflict);
        Assert.Equal("sans-decision", early.GetProperty("code").GetString());
        await Ok(national.PostAsJsonAsync($"/solidarity/financing-requests/{request}/examination", new { opinion = "Favorable" }));
        await Ok(national.PostAsJsonAsync($"/solidarity/financing-requests/{request}/decision", new { decision = "granted", amount = 8_000m }));
        var paid = await Ok(national.PostAsJsonAsync($"/solidarity/financing-requests/{request}/disbursement", new { fund }));
        Assert.Equal("disbursed", paid.GetProperty("status").GetString());
        await Problem(parisCouncil.GetAsync($"/solidarity/financing-requests/{request}"), HttpStatusCode.Forbidden);

        var account = await Ok(national.GetAsync($"/solidarity/accounts/{fund}"));
        Assert.Equal(12_000m, account.GetProperty("balance").GetDecimal());
        Assert.Equal(8_000m, (await Ok(national.GetAsync($"/solidarity/accounts/{corsica}"))).GetProperty("balance").GetDecimal());
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
