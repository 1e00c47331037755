using System.Collections.Concurrent;
using Refit;

namespace Ordre.Client;

/// <summary>
/// Access tokens of demo accounts for a long run: each account signs in once and again when its token is within a
/// minute of expiring (access tokens are short-lived), so a loader running for many minutes never sends a stale one.
/// </summary>
public sealed class DemoAccounts(IOrdreApi api, Action<CallFailure, int>? retried = null, TimeProvider? clock = null)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new();
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    public async Task<string> TokenAsync(string account)
    {
        if (_tokens.TryGetValue(account, out var held) && _clock.GetUtcNow() < held.RenewAt)
            return held.Token;
        await _signingIn.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(account, out held) && _clock.GetUtcNow() < held.RenewAt)
                return held.Token;
            var response = await Retrying.SendAsync(() => api.Token(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = OrdreClient.DemoClientId,
                ["username"] = account,
                ["password"] = OrdreClient.DemoPassword,
                ["scope"] = "api",
            }), retried);
            if (response.Content?.AccessToken is not { } token)
                throw new InvalidOperationException($"connexion du compte {account} refusée : {Refusal(response)}");
            var lifetime = TimeSpan.FromSeconds(response.Content.ExpiresIn > 0 ? response.Content.ExpiresIn : 300);
            _tokens[account] = (token, _clock.GetUtcNow() + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2));
            return token;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    private static string Refusal(IApiResponse<TokenResponse> response) =>
        response.Content is { Error: { } error } content ? $"{error} {content.ErrorDescription}" : CallFailure.From(response).ToString();
}
