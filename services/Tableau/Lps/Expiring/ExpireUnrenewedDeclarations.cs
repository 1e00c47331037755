using Marten;
using Ordre.Tableau.Deadlines;

namespace Ordre.Tableau.Lps.Expiring;

/// <summary>The year of validity ended without renewal (raised by the clock).</summary>
public sealed record LpsDeclarationExpired(Guid DeclarationId, DateOnly On) : IChanges<LpsDeclaration>;

/// <summary>An LPS declaration not renewed lapses after its year of validity.</summary>
public sealed class ExpireUnrenewedDeclarations : IDeadlines
{
    public Task<int> AppendDueAsync(IDocumentStore store, DateOnly today, ILogger logger, CancellationToken ct) =>
        store.AppendWhatIsDueAsync<LpsDeclaration>(d => d.NextDeadline <= today, d => d.NextDeadline, d => d.Id, declaration => Due(declaration, today), logger, ct);

    public static IReadOnlyList<object> Due(LpsDeclaration declaration, DateOnly today) =>
        declaration is { Status: LpsStatus.Registered, ValidUntil: { } until } && until < today
            ? [new LpsDeclarationExpired(declaration.Id, until.AddDays(1))]
            : [];
}
