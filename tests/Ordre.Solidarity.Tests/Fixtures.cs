using Ordre.Solidarity.Ledger;
using Ordre.Solidarity.Ledger.OpeningAccount;
using Ordre.Solidarity.Ledger.PostingPending;
using Ordre.Solidarity.Ledger.Transferring;
using Ordre.Solidarity.Ledger.Voiding;

namespace Ordre.Solidarity.Tests;

/// <summary>The ledger's verbs as the endpoints call them (the same decisions and write path), minus HTTP.</summary>
public static class LedgerVerbs
{
    public const string Actor = "cnom-tests";

    public static Task<LedgerResult> Open(this SolidarityInProcess s, string id, string kind, string? department = null) =>
        s.Ledger.Apply((l, at) => OpenAccountEndpoint.Decide(l, new OpenAccount(id, kind, "Compte " + id, department), at, Actor), CancellationToken.None);

    public static Task<LedgerResult> Transfer(this SolidarityInProcess s, MakeTransfer command) =>
        s.Ledger.Apply(command.TransferId, (l, at) => MakeTransferEndpoint.Decide(l, command, at, Actor), CancellationToken.None);

    public static Task<LedgerResult> Transfer(this SolidarityInProcess s, Guid id, string debit, string credit, decimal amount, bool pending = false) =>
        s.Transfer(new MakeTransfer(id, [new LegRequest(debit, credit, amount)], pending));

    public static Task<LedgerResult> Post(this SolidarityInProcess s, Guid id, decimal? amount = null) =>
        s.Ledger.Apply(id, (l, at) => PostPendingTransferEndpoint.Decide(l, id, new PostPendingTransfer(amount), at, Actor), CancellationToken.None);

    public static Task<LedgerResult> Void(this SolidarityInProcess s, Guid id) =>
        s.Ledger.Apply(id, (l, at) => VoidPendingTransferEndpoint.Decide(l, id, at, Actor), CancellationToken.None);

    public static async Task OpenStandardAccounts(this SolidarityInProcess s)
    {
        foreach (var (id, kind, department) in StandardAccounts)
            Assert.IsType<LedgerOutcome.Accepted>((await s.Open(id, kind, department)).Outcome);
    }

    /// <summary>Two funds and three councils' accounts.</summary>
    public static readonly (string Id, string Kind, string? Department)[] StandardAccounts =
    [
        ("fonds-solidarite", "fund", null), ("fonds-reserve", "fund", null),
        ("cdom-75", "council", "75"), ("cdom-13", "council", "13"), ("cdom-2a", "council", "2A"),
    ];
}
