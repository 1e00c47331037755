namespace Ordre.Testing;

/// <summary>
/// Waits for an asynchronous outcome (a projection, a consumer) by polling, and fails with what was
/// last seen. Business time never moves this way: deadlines use a fake TimeProvider.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        T last;
        do
        {
            last = await probe();
            if (done(last)) return last;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{what ?? "condition"} not reached within {limit.TotalSeconds} s; last value: {last}");
    }
}
