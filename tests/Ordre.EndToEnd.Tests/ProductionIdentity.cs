using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The identity provider as production runs it (ASPNETCORE_ENVIRONMENT=Production, keys from configuration), each
/// test starting the real process on a database of its own: what it refuses to start with, the password grant
/// absent, tokens of at most 15 minutes, and a signing-key rotation that the gateway follows without a restart.
/// </summary>
public sealed class ProductionIdentity : IAsyncLifetime
{
    private const string ServicesSecret = "test-services-secret";
    private readonly string _keys = Directory.CreateTempSubdirectory("ordre-identity-keys-").FullName;
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private TestServers _servers = null!;

    public async Task InitializeAsync() => _servers = await TestServers.Shared;

    [Theory]
    [InlineData("Identity__Demo__Enabled", "true", "forbidden in Production")]
    [InlineData("DemoAccounts__Accounts__0__UserName", "cnom", "demo accounts are configured")]
    public async Task In_Production_it_refuses_to_start_when_demo_accounts_are_asked_for(string key, string value, string reason)
    {
        var identity = await StartAsync("Production", WithKeys(new() { [key] = value }));
        await AssertRefusesToStartAsync(identity, reason);
    }

    [Theory]
    [InlineData("Identity__SigningKeys__0", "no signing key is configured")]
    [InlineData("Identity__EncryptionKeys__0", "no encryption key is configured")]
    public async Task In_Production_it_refuses_to_start_without_a_configured_key(string missing, string reason)
    {
        var settings = WithKeys([]);
        settings.Remove(missing);
        var identity = await StartAsync("Production", settings);
        await AssertRefusesToStartAsync(identity, reason);
    }

    [Fact]
    public async Task In_Production_it_refuses_to_start_on_a_database_that_holds_the_demo_client()
    {
        var database = await NewDatabaseAsync();
        var demo = await StartAsync("Development", [], database);
        await demo.WaitUntilHealthyAsync();
        await demo.StopAsync();

        var production = await StartAsync("Production", WithKeys([]), database);
        await AssertRefusesToStartAsync(production, "password grant (ordre-demo)");
    }

    [Fact]
    public async Task It_refuses_to_start_with_an_access_token_lifetime_above_15_minutes()
    {
        var identity = await StartAsync("Production", WithKeys(new() { ["Identity__AccessTokenLifetime"] = "00:16:00" }));
        await AssertRefusesToStartAsync(identity, "Identity:AccessTokenLifetime must be a duration above zero and at most 00:15:00");
    }

    [Fact]
    public async Task An_access_token_lives_15_minutes_at_most_and_less_when_configured()
    {
        var production = await StartAsync("Production", WithKeys([]));
        await production.WaitUntilHealthyAsync();
        var (lifetime, expiresIn) = LifetimeOf(await ServiceTokenAsync(production));
        Assert.Equal(TimeSpan.FromMinutes(15), lifetime);
        Assert.InRange(expiresIn, 1, 900);
        await production.StopAsync();

        var shorter = await StartAsync("Production", WithKeys(new() { ["Identity__AccessTokenLifetime"] = "00:05:00" }));
        await shorter.WaitUntilHealthyAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), LifetimeOf(await ServiceTokenAsync(shorter)).Lifetime);
        await shorter.StopAsync();

        var demo = await StartAsync("Development", []);
        await demo.WaitUntilHealthyAsync();
        var demoToken = await TokenAsync(demo, new()
        {
            ["grant_type"] = "password", ["client_id"] = "ordre-demo", ["username"] = "cdom92", ["password"] = "ordre-demo",
        });
        Assert.InRange(LifetimeOf(demoToken).Lifetime, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Without_demo_mode_the_password_grant_and_the_browser_sign_in_are_refused_and_services_still_get_their_tokens()
    {
        var identity = await StartAsync("Production", WithKeys([]));
        await identity.WaitUntilHealthyAsync();

        using var refused = await PostTokenAsync(identity, new()
        {
            ["grant_type"] = "password", ["client_id"] = "ordre-demo", ["username"] = "cnom", ["password"] = "ordre-demo",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("unsupported_grant_type", error.RootElement.GetProperty("error").GetString());

        using var discovery = JsonDocument.Parse(await _http.GetStringAsync(new Uri(identity.Url, "/.well-known/openid-configuration")));
        Assert.Equal(new[] { "client_credentials" },
            discovery.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()!).ToArray());
        Assert.Equal("service", Claims(await ServiceTokenAsync(identity)).GetProperty("role").GetString());

        // No people's accounts, no sign-in form: a 404 problem, never a server error.
        using var signIn = await _http.GetAsync(new Uri(identity.Url,
            "/connect/authorize?client_id=tableau-de-bord&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fdashboard%2F&code_challenge=abc&code_challenge_method=S256"));
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    [Fact]
    public async Task During_a_key_rotation_the_first_key_signs_the_jwks_publishes_both_and_the_gateway_accepts_either()
    {
        var (oldKey, newKey) = (NewKeyFile("old.pem"), NewKeyFile("new.pem"));
        var database = await NewDatabaseAsync();
        var port = ServiceProcess.FreePort();
        // Step 1 of docs/security.md: the new key is added as the second one, published but not signing.
        var identity = await StartAsync("Production", WithKeys(new()
        {
            ["Identity__SigningKeys__0"] = oldKey,
            ["Identity__SigningKeys__1"] = Convert.ToBase64String(File.ReadAllBytes(newKey)),
        }), database, port);
        await identity.WaitUntilHealthyAsync();

        var published = await JwksAsync(identity);
        Assert.Equal(2, published.Count);
        Assert.Contains(Modulus(oldKey), published.Values);
        Assert.Contains(Modulus(newKey), published.Values);
        var beforeRotation = await ServiceTokenAsync(identity);
        Assert.Equal(Modulus(oldKey), published[Header(beforeRotation).GetProperty("kid").GetString()!]);
        Assert.True(IsSignedBy(beforeRotation, oldKey));
        Assert.False(IsSignedBy(beforeRotation, newKey));

        // The gateway validates it with the published keys: authenticated (403: a service is not the national council), not 401.
        await using var gateway = await StartGatewayAsync(identity);
        Assert.Equal(HttpStatusCode.Forbidden, await GatewayAnswerAsync(gateway, beforeRotation));
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAnswerAsync(gateway, SignedBy(beforeRotation, NewKeyFile("stranger.pem"))));

        // Step 2: the new key is promoted; the old one stays published while its tokens live.
        await identity.StopAsync();
        identity = await StartAsync("Production", WithKeys(new()
        {
            ["Identity__SigningKeys__0"] = newKey,
            ["Identity__SigningKeys__1"] = oldKey,
        }), database, port);
        await identity.WaitUntilHealthyAsync();
        var afterRotation = await ServiceTokenAsync(identity);
        Assert.True(IsSignedBy(afterRotation, newKey));
        Assert.Equal(2, (await JwksAsync(identity)).Count);
        Assert.Equal(HttpStatusCode.Forbidden, await GatewayAnswerAsync(gateway, afterRotation));
        Assert.Equal(HttpStatusCode.Forbidden, await GatewayAnswerAsync(gateway, beforeRotation));
    }

    public async Task DisposeAsync()
    {
        for (var i = _resources.Count - 1; i >= 0; i--)
            await _resources[i].DisposeAsync();
        _http.Dispose();
        Directory.Delete(_keys, recursive: true);
    }

    // ---- the identity process ----

    /// <summary>The three forms a key may take: a file path, base64 of a PEM, an inline PEM.</summary>
    private Dictionary<string, string> WithKeys(Dictionary<string, string> settings)
    {
        settings.TryAdd("Identity__SigningKeys__0", NewKeyFile("signing.pem"));
        settings.TryAdd("Identity__EncryptionKeys__0", File.ReadAllText(NewKeyFile("encryption.pem")));
        return settings;
    }

    private async Task<ServiceProcess> StartAsync(string environment, Dictionary<string, string> settings, TestDatabase? database = null, int? port = null)
    {
        database ??= await NewDatabaseAsync();
        port ??= ServiceProcess.FreePort();
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings["ConnectionStrings__Identity"] = database.ConnectionString("identity", 3);
        settings["Identity__Issuer"] = $"http://127.0.0.1:{port}/";
        settings["Clients__ServicesSecret"] = ServicesSecret;
        var identity = ServiceProcess.Start("identity", "Ordre.Identity", port.Value, settings);
        _resources.Add(identity);
        return identity;
    }

    private async Task<TestDatabase> NewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(_servers, "identity");
        _resources.Insert(0, database); // dropped after every process is stopped
        return database;
    }

    private static async Task AssertRefusesToStartAsync(ServiceProcess identity, string reason)
    {
        Assert.Equal(1, await identity.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Identity refuses to start: ", identity.RecentOutput);
        Assert.Contains(reason, identity.RecentOutput);
    }

    private string NewKeyFile(string name)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(_keys, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    // ---- tokens ----

    private Task<string> ServiceTokenAsync(ServiceProcess identity) => TokenAsync(identity, new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = "ordre-services", ["client_secret"] = ServicesSecret, ["scope"] = "api",
    });

    private async Task<string> TokenAsync(ServiceProcess identity, Dictionary<string, string> form)
    {
        using var response = await PostTokenAsync(identity, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        _expiresIn[token] = json.RootElement.GetProperty("expires_in").GetInt32();
        return token;
    }

    private readonly Dictionary<string, int> _expiresIn = [];

    private Task<HttpResponseMessage> PostTokenAsync(ServiceProcess identity, Dictionary<string, string> form) =>
        _http.PostAsync(new Uri(identity.Url, "/connect/token"), new FormUrlEncodedContent(form));

    private (TimeSpan Lifetime, int ExpiresIn) LifetimeOf(string token)
    {
        var claims = Claims(token);
        return (TimeSpan.FromSeconds(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64()), _expiresIn[token]);
    }

    private static JsonElement Header(string token) => Part(token, 0);
    private static JsonElement Claims(string token) => Part(token, 1);
    private static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index])).RootElement.Clone();

    private static bool IsSignedBy(string token, string keyFile)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(keyFile));
        var parts = token.Split('.');
        return rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The same header and claims, signed by another key: a forgery.</summary>
    private static string SignedBy(string token, string keyFile)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(keyFile));
        var parts = token.Split('.');
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The published signing keys: kid → RSA modulus (base64url).</summary>
    private async Task<Dictionary<string, string>> JwksAsync(ServiceProcess identity)
    {
        using var jwks = JsonDocument.Parse(await _http.GetStringAsync(new Uri(identity.Url, "/.well-known/jwks")));
        return jwks.RootElement.GetProperty("keys").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kid").GetString()!, k => k.GetProperty("n").GetString()!);
    }

    private static string Modulus(string keyFile)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(keyFile));
        return Base64Url.EncodeToString(rsa.ExportParameters(false).Modulus!);
    }

    // ---- the gateway, a real JWT validator ----

    private static async Task<ServiceProcess> StartGatewayAsync(ServiceProcess identity)
    {
        var gateway = ServiceProcess.Start("gateway", "Ordre.Gateway", ServiceProcess.FreePort(), new Dictionary<string, string>
        {
            ["Identity__Authority"] = identity.Url.ToString(),
            ["Identity__Issuer"] = identity.Url.ToString(),
        });
        await gateway.WaitUntilHealthyAsync();
        return gateway;
    }

    private async Task<HttpStatusCode> GatewayAnswerAsync(ServiceProcess gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Url, "/dashboard/registrations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }
}
