using Marten;

namespace Ordre.Solidarity.Ledger;

/// <summary>
/// Ledgers written before transfers became documents of their own carried every transfer in their snapshot, so each
/// change read and rewrote them all. At startup such a ledger is rewritten once from its events: the snapshot (accounts,
/// chain head, open reservations) and one document per transfer. Under the ledger's lock: a second instance waits, then
/// finds nothing to do.
/// </summary>
public sealed class TransfersOutOfTheLedger(IDocumentStore store, ILogger<TransfersOutOfTheLedger> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Ledger>(Ledger.SolidarityFund, cancellationToken);
        if (stream.Aggregate is null)
            return;
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_ledger";
        var firstShape = await session.QueryAsync<bool>($"select jsonb_exists(data, 'Transfers') from {table} where id = ?", cancellationToken, Ledger.SolidarityFund);
        if (!firstShape.FirstOrDefault())
            return;
        var events = await session.Events.FetchStreamAsync(Ledger.SolidarityFund, token: cancellationToken);
        var ledger = events.Select(e => e.Data).Aggregate(new Ledger { Id = Ledger.SolidarityFund }, Evolution<Ledger>.Apply);
        // The session already tracks the fetched snapshot: it is the one rewritten.
        var snapshot = stream.Aggregate;
        (snapshot.Accounts, snapshot.Reservations, snapshot.LastSequence, snapshot.LastHash) = (ledger.Accounts, ledger.Reservations, ledger.LastSequence, ledger.LastHash);
        session.Store(snapshot);
        foreach (var transfer in ledger.Transfers.Values)
            session.Store(transfer);
        await session.SaveChangesAsync(cancellationToken);
        log.LogInformation("Grand livre réécrit depuis ses {Events} événements : {Transfers} virements en documents, {Reservations} réservations ouvertes.",
            events.Count, ledger.Transfers.Count, ledger.Reservations.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
