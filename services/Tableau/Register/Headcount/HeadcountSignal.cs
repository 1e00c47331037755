namespace Ordre.Tableau.Register.Headcount;

/// <summary>
/// "The register changed", from <see cref="HeadcountTrigger"/> to <see cref="HeadcountPublisher"/>: one pending signal at
/// most (more add nothing, the count to come includes them). A singleton of its own: the trigger is built with the document
/// store, so it cannot depend on the publisher, which needs the store.
/// </summary>
public sealed class HeadcountSignal : IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    public void RegisterChanged()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task WaitAsync(CancellationToken ct) => _changed.WaitAsync(ct);

    /// <summary>Forgets a pending signal: the count about to be made includes that change.</summary>
    public void Clear() => _changed.Wait(0, CancellationToken.None);

    public void Dispose() => _changed.Dispose();
}
