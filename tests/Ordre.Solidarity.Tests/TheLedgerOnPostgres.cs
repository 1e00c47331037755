using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.Checking;
using Ordre.Solidarity.Ledger.Transferring;

namespace Ordre.Solidarity.Tests;

/// <summary>The ledger's invariants on real PostgreSQL, through the service's own write path.</summary>
public sealed class TheLedgerOnPostgres(SolidarityInProcess solidarity) : IClassFixture<SolidarityInProcess>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await solidarity.Reset();
        await solidarity.OpenStandardAccounts();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_donation_then_a_grant_move_money_in_balanced_postings_and_the_statement_shows_the_running_balance()
    {
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 1_000.50m)).Outcome);
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Transfer(Guid.CreateVersion7(), "fonds-solidarite", "cdom-13", 400.25m)).Outcome);

        var ledger = await solidarity.Read();
        Assert.Equal(600.25m, ledger.Accounts["fonds-solidarite"].Balance);
        Assert.Equal(-1_000.50m, ledger.Accounts["cdom-75"].Balance);
        Assert.Equal(400.25m, ledger.Accounts["cdom-13"].Balance);
        var check = CheckLedgerEndpoints.Check(ledger);
        Assert.True(check.Balanced);
        Assert.Equal((1_400.75m, 1_400.75m, 0m), (check.Debits, check.Credits, check.SumOfBalances));

        await using var session = solidarity.Store.QuerySession();
        var statement = await session.Query<Posting>().Where(p => p.Debit == "fonds-solidarite" || p.Credit == "fonds-solidarite").OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([1_000.50m, 600.25m], statement.Select(p => p.Credit == "fonds-solidarite" ? p.CreditBalanceAfter : p.DebitBalanceAfter));
        Assert.True((await CheckLedgerEndpoints.Verify(session, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task A_posting_that_would_overdraw_a_fund_is_refused_naming_the_fund_and_changes_nothing()
    {
        await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 100m);
        var refused = Assert.IsType<LedgerOutcome.Refused>((await solidarity.Transfer(Guid.CreateVersion7(), "fonds-solidarite", "cdom-13", 100.01m)).Outcome);
        Assert.Equal(("solde-insuffisant", "fonds-solidarite"), (refused.Code, refused.Account));
        Assert.Contains("fonds-solidarite", refused.Reason);
        Assert.Equal(100m, (await solidarity.Read()).Accounts["fonds-solidarite"].Balance);
    }

    [Fact]
    public async Task A_retry_with_the_same_id_answers_the_first_result_and_any_other_field_is_refused_by_name()
    {
        var id = Guid.CreateVersion7();
        var first = await solidarity.Transfer(id, "cdom-75", "fonds-solidarite", 50m);
        var again = await solidarity.Transfer(id, "cdom-75", "fonds-solidarite", 50m);
        Assert.IsType<LedgerOutcome.Already>(again.Outcome);
        Assert.Equal(JsonSerializer.Serialize(TransferView.Of(first.Ledger.Transfers[id])), JsonSerializer.Serialize(TransferView.Of(again.Ledger.Transfers[id])));
        Assert.Equal(50m, (await solidarity.Read()).Accounts["fonds-solidarite"].Balance);

        foreach (var (command, field) in new[]
        {
            (new MakeTransfer(id, [new LegRequest("cdom-75", "fonds-solidarite", 50.01m)]), "legs[0].amount"),
            (new MakeTransfer(id, [new LegRequest("cdom-13", "fonds-solidarite", 50m)]), "legs[0].debit"),
            (new MakeTransfer(id, [new LegRequest("cdom-75", "fonds-reserve", 50m)]), "legs[0].credit"),
            (new MakeTransfer(id, [new LegRequest("cdom-75", "fonds-solidarite", 50m)], Pending: true), "pending"),
            (new MakeTransfer(id, [new LegRequest("cdom-75", "fonds-solidarite", 50m)], Memo: "autre"), "memo"),
            (new MakeTransfer(id, [new LegRequest("cdom-75", "fonds-solidarite", 25m), new LegRequest("cdom-75", "fonds-solidarite", 25m)]), "legs"),
        })
        {
            var refused = Assert.IsType<LedgerOutcome.Refused>((await solidarity.Transfer(command)).Outcome);
            Assert.Equal(field, refused.Field);
        }
    }

    [Fact]
    public async Task Linked_legs_apply_all_or_none()
    {
        await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 100m);
        var linked = new MakeTransfer(Guid.CreateVersion7(),
        [
            new LegRequest("fonds-solidarite", "cdom-13", 60m),
            new LegRequest("fonds-solidarite", "cdom-2a", 60m),
        ]);
        var refused = Assert.IsType<LedgerOutcome.Refused>((await solidarity.Transfer(linked)).Outcome);
        Assert.Equal("fonds-solidarite", refused.Account);
        var ledger = await solidarity.Read();
        Assert.Equal((100m, 0m, 0m, 1L), (ledger.Accounts["fonds-solidarite"].Balance, ledger.Accounts["cdom-13"].Balance, ledger.Accounts["cdom-2a"].Balance, ledger.LastSequence));

        var fits = linked with { TransferId = Guid.CreateVersion7(), Legs = [new LegRequest("fonds-solidarite", "cdom-13", 60m), new LegRequest("fonds-solidarite", "cdom-2a", 40m)] };
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Transfer(fits)).Outcome);
        ledger = await solidarity.Read();
        Assert.Equal((0m, 60m, 40m, 3L), (ledger.Accounts["fonds-solidarite"].Balance, ledger.Accounts["cdom-13"].Balance, ledger.Accounts["cdom-2a"].Balance, ledger.LastSequence));
    }

    [Fact]
    public async Task A_pending_transfer_reserves_then_posts_in_part_once_and_a_void_releases()
    {
        await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 100m);
        var grant = Guid.CreateVersion7();
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Transfer(grant, "fonds-solidarite", "cdom-13", 80m, pending: true)).Outcome);
        var fund = (await solidarity.Read()).Accounts["fonds-solidarite"];
        Assert.Equal((100m, 20m), (fund.Balance, fund.Available));
        // The reservation counts: 30 more would overdraw.
        Assert.Equal("solde-insuffisant", Assert.IsType<LedgerOutcome.Refused>((await solidarity.Transfer(Guid.CreateVersion7(), "fonds-solidarite", "cdom-2a", 30m)).Outcome).Code);

        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Post(grant, 50m)).Outcome);
        Assert.IsType<LedgerOutcome.Already>((await solidarity.Post(grant, 50m)).Outcome);
        Assert.Equal("deja-resolu", Assert.IsType<LedgerOutcome.Refused>((await solidarity.Post(grant, 60m)).Outcome).Code);
        Assert.Equal("deja-resolu", Assert.IsType<LedgerOutcome.Refused>((await solidarity.Void(grant)).Outcome).Code);
        fund = (await solidarity.Read()).Accounts["fonds-solidarite"];
        Assert.Equal((50m, 50m, 0m), (fund.Balance, fund.Available, fund.DebitsPending));

        var loan = Guid.CreateVersion7();
        await solidarity.Transfer(loan, "fonds-solidarite", "cdom-2a", 50m, pending: true);
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Void(loan)).Outcome);
        Assert.IsType<LedgerOutcome.Already>((await solidarity.Void(loan)).Outcome);
        Assert.Equal("deja-resolu", Assert.IsType<LedgerOutcome.Refused>((await solidarity.Post(loan)).Outcome).Code);
        var ledger = await solidarity.Read();
        Assert.Equal((50m, 0m), (ledger.Accounts["fonds-solidarite"].Available, ledger.Accounts["cdom-2a"].Balance));
        Assert.True(CheckLedgerEndpoints.Check(ledger).Balanced);
    }

    [Fact]
    public async Task Verify_names_a_posting_altered_directly_in_PostgreSQL()
    {
        for (var i = 1; i <= 4; i++)
            await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 10m * i);
        Transfer altered;
        await using (var session = solidarity.Store.QuerySession())
        {
            Assert.True((await CheckLedgerEndpoints.Verify(session, CancellationToken.None)).Intact);
            altered = (await session.Query<Transfer>().ToListAsync()).Single(t => t.Postings.Contains(3));
        }

        // Someone with database access turns 30.00 into 3000.00 in the stored posting n° 3.
        await using (var connection = new NpgsqlConnection(solidarity.Database.ConnectionString("tamper", 1)))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                "update solidarity.mt_doc_posting set data = jsonb_set(data, '{Amount}', '3000'::jsonb, false) where id = 3 and data ? 'Amount'", connection);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        await using (var session = solidarity.Store.QuerySession())
        {
            var verification = await CheckLedgerEndpoints.Verify(session, CancellationToken.None);
            Assert.False(verification.Intact);
            Assert.Contains(verification.Discrepancies, d => d.Sequence == 3 && d.TransferId == altered.Id && d.Problem.StartsWith("Empreinte invalide", StringComparison.Ordinal));
            Assert.Contains(verification.Discrepancies, d => d.Account == "fonds-solidarite");
            Assert.DoesNotContain(verification.Discrepancies, d => d.Sequence is 1 or 2);
        }
    }

    [Fact]
    public async Task A_ledger_whose_snapshot_carried_every_transfer_is_rewritten_at_startup_with_one_document_per_transfer()
    {
        var (posted, pending) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await solidarity.Transfer(posted, "cdom-75", "fonds-solidarite", 100m);
        await solidarity.Transfer(pending, "fonds-solidarite", "cdom-13", 30m, pending: true);

        // The first shape: every transfer inside the ledger's snapshot, no open reservations of their own, no transfer documents.
        await using (var connection = new NpgsqlConnection(solidarity.Database.ConnectionString("first-shape", 1)))
        {
            await connection.OpenAsync();
            await using var downgrade = new NpgsqlCommand(
                "update solidarity.mt_doc_ledger set data = (data - 'Reservations') || '{\"Transfers\": {}}'::jsonb; delete from solidarity.mt_doc_transfer;", connection);
            await downgrade.ExecuteNonQueryAsync();
        }

        await solidarity.Services.GetServices<IHostedService>().OfType<TransfersOutOfTheLedger>().Single().StartAsync(CancellationToken.None);

        var ledger = await solidarity.Read();
        Assert.Equal([pending], ledger.Reservations.Keys);
        Assert.Equal(70m, ledger.Accounts["fonds-solidarite"].Available);
        await using (var session = solidarity.Store.QuerySession())
            Assert.Equal(2, await session.Query<Transfer>().CountAsync());
        Assert.IsType<LedgerOutcome.Already>((await solidarity.Transfer(posted, "cdom-75", "fonds-solidarite", 100m)).Outcome);
        Assert.IsType<LedgerOutcome.Accepted>((await solidarity.Post(pending, 20m)).Outcome);
        Assert.Equal((80m, 80m), ((await solidarity.Read()).Accounts["fonds-solidarite"].Balance, (await solidarity.Read()).Accounts["fonds-solidarite"].Available));
    }

    [Fact]
    public async Task Eight_concurrent_writers_on_one_hot_fund_never_overdraw_it()
    {
        await solidarity.Transfer(Guid.CreateVersion7(), "cdom-75", "fonds-solidarite", 100m);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var mine = new List<LedgerOutcome>();
            for (var i = 0; i < 20; i++)
                mine.Add((await solidarity.Transfer(Guid.CreateVersion7(), "fonds-solidarite", writer % 2 == 0 ? "cdom-13" : "cdom-2a", 1m)).Outcome);
            return mine;
        })));
        var all = outcomes.SelectMany(o => o).ToList();
        Assert.Equal(100, all.Count(o => o is LedgerOutcome.Accepted));
        Assert.Equal(60, all.Count(o => o is LedgerOutcome.Refused { Code: "solde-insuffisant" }));
        var ledger = await solidarity.Read();
        Assert.Equal(0m, ledger.Accounts["fonds-solidarite"].Balance);
        Assert.Equal(101L, ledger.LastSequence);
        Assert.True(CheckLedgerEndpoints.Check(ledger).Balanced);
        await using var session = solidarity.Store.QuerySession();
        Assert.True((await CheckLedgerEndpoints.Verify(session, CancellationToken.None)).Intact);
    }
}
