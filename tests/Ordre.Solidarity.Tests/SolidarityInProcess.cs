using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Solidarity.Ledger;
using Ordre.Testing;

namespace Ordre.Solidarity.Tests;

/// <summary>Solidarity in process on its own PostgreSQL database and RabbitMQ virtual host (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public sealed class SolidarityInProcess : ServiceInProcess<Program>
{
    protected override string Name => "solidarity";

    // The in-process tests give the Tableau's answer themselves (RequestAidEndpoint.Submit); the system tests call it.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Tableau:Grpc"] = "http://127.0.0.1:9/" };

    /// <summary>The ledger's write path, as the endpoints use it.</summary>
    public LedgerChange Ledger => Services.GetRequiredService<LedgerChange>();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>The ledger as stored now (a fresh read, not the write path's answer).</summary>
    public async Task<Ordre.Solidarity.Ledger.Ledger> Read()
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<Ordre.Solidarity.Ledger.Ledger>(Ordre.Solidarity.Ledger.Ledger.SolidarityFund) ?? new();
    }

    /// <summary>Empties the ledger: every event and every document (a fresh ledger for the next workload).</summary>
    public async Task Reset()
    {
        await Store.Advanced.Clean.DeleteAllEventDataAsync();
        await Store.Advanced.Clean.DeleteAllDocumentsAsync();
    }
}
