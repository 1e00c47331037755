using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// The access token a service presents to another (client credentials at the OpenID Connect provider,
/// section "Identity": Authority, ClientId, ClientSecret), cached until a minute before it expires.
/// </summary>
public sealed class ServiceTokenSource(IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider clock)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } current && current.RenewAt > clock.GetUtcNow())
            return current.Token;
        await _refresh.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && fresh.RenewAt > clock.GetUtcNow())
                return fresh.Token;
            var identity = configuration.GetSection("Identity");
            var authority = new Uri(identity["Authority"] ?? throw new InvalidOperationException("Configuration 'Identity:Authority' is required."));
            using var response = await httpClients.CreateClient(nameof(ServiceTokenSource)).PostAsync(new Uri(authority, "connect/token"),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = identity["ClientId"] ?? "ordre-services",
                    ["client_secret"] = identity["ClientSecret"] ?? throw new InvalidOperationException("Configuration 'Identity:ClientSecret' is required."),
                    ["scope"] = "api",
                }), ct);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct)
                ?? throw new InvalidOperationException("The identity provider answered without a token.");
            _current = (token.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(token.ExpiresIn - 60, 0)));
            return token.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>Adds the service's bearer token to outgoing calls (HTTP or gRPC).</summary>
public sealed class ServiceTokenHandler(ServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        return await base.SendAsync(request, ct);
    }
}

public static class ServiceTokens
{
    public static IServiceCollection AddServiceTokens(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(ServiceTokenSource));
        services.AddSingleton<ServiceTokenSource>();
        services.AddTransient<ServiceTokenHandler>();
        return services;
    }
}
