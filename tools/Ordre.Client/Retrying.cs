using Refit;

namespace Ordre.Client;

/// <summary>
/// Sends a call again when its failure is transient (no response or a timeout, 408, 429, 5xx, a 409 for a lost
/// concurrency race), a few times with a short growing back-off; any other answer is returned at once. A retried
/// POST may have been applied before its response was lost: callers of creating commands check for that.
/// </summary>
public static class Retrying
{
    /// <summary>Waits before the 2nd, 3rd, 4th and 5th attempts (plus up to 50% jitter).</summary>
    public static readonly TimeSpan[] BackOff =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>The last response; <paramref name="retried"/> hears of each transient failure that is sent again.</summary>
    public static async Task<IApiResponse<T>> SendAsync<T>(Func<Task<IApiResponse<T>>> call, Action<CallFailure, int>? retried = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call();
            if (response.IsSuccessStatusCode || attempt > BackOff.Length)
                return response;
            var failure = CallFailure.From(response);
            if (!failure.Transient)
                return response;
            retried?.Invoke(failure, attempt);
            var wait = BackOff[attempt - 1];
            await Task.Delay(wait + TimeSpan.FromMilliseconds(Random.Shared.Next((int)wait.TotalMilliseconds / 2)));
        }
    }
}
