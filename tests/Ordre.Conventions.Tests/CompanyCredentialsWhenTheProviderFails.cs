using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ordre.Conventions.Companies;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.Conventions.Tests;

/// <summary>
/// The order of writes of company accounts, in process on real PostgreSQL: the event first, then the identity provider;
/// when the provider fails the answer is 503 and the same request again provisions the credentials (the provider is a
/// recording stand-in here that fails when told; the real one is exercised through the gateway by the system tests).
/// </summary>
public class CompanyCredentialsWhenTheProviderFails(ConventionsInProcessForAccounts conventions) : IClassFixture<ConventionsInProcessForAccounts>
{
    [Fact]
    public async Task Every_step_that_provisions_answers_503_when_the_provider_fails_and_the_same_request_again_completes_it()
    {
        var identity = conventions.Identity;
        using var anonymous = conventions.CreateClient();
        var requested = await Json(await anonymous.PostAsJsonAsync("/companies", new
        {
            legalName = "Laboratoires Fiables SA", identifier = "123456782", administrator = new { name = "Claire Dubois", email = "claire@fiables.example.fr" },
        }), HttpStatusCode.Created);
        var id = requested.GetProperty("id").GetGuid();
        var code = requested.GetProperty("activationCode").GetString();
        using var cnom = conventions.ClientAs(null, "cnom");
        await Json(await cnom.PostAsync($"/companies/{id}/approval", null), HttpStatusCode.OK);

        // Activation: the provider fails, 503; the same code again provisions the administrator, once.
        identity.FailNext = 1;
        await Json(await anonymous.PostAsJsonAsync($"/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.ServiceUnavailable);
        Assert.Empty(identity.Clients);
        var credentials = await Json(await anonymous.PostAsJsonAsync($"/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.OK);
        var admin = identity.Clients[credentials.GetProperty("clientId").GetString()!];
        Assert.Equal(("123456782", credentials.GetProperty("clientSecret").GetString()), (admin.CompanyId, admin.Secret));
        Assert.Equal(["company", "company-admin"], admin.Roles);
        await Json(await anonymous.PostAsJsonAsync($"/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.Forbidden);

        // A user: 503, then the same e-mail again gives the same user its credentials; no second user.
        using var administrator = conventions.ClientAs("123456782", "company", "company-admin");
        identity.FailNext = 1;
        await Json(await administrator.PostAsJsonAsync($"/companies/{id}/users", new { name = "Marc Petit", email = "marc@fiables.example.fr" }), HttpStatusCode.ServiceUnavailable);
        var user = await Json(await administrator.PostAsJsonAsync($"/companies/{id}/users", new { name = "Marc Petit", email = "marc@fiables.example.fr" }), HttpStatusCode.Created);
        var userClient = user.GetProperty("clientId").GetString()!;
        Assert.Equal(["company"], identity.Clients[userClient].Roles);
        var account = await Json(await administrator.GetAsync($"/companies/{id}"), HttpStatusCode.OK);
        Assert.Equal(2, account.GetProperty("users").GetArrayLength());
        await Json(await administrator.PostAsJsonAsync($"/companies/{id}/users", new { name = "Marc Petit", email = "marc@fiables.example.fr" }), HttpStatusCode.Conflict);

        // Removal: 503 leaves the client at the provider; the same request again deletes it.
        identity.FailNext = 1;
        var userId = user.GetProperty("userId").GetGuid();
        await Json(await administrator.DeleteAsync($"/companies/{id}/users/{userId}"), HttpStatusCode.ServiceUnavailable);
        Assert.True(identity.Clients.ContainsKey(userClient));
        Assert.Equal(HttpStatusCode.NoContent, (await administrator.DeleteAsync($"/companies/{id}/users/{userId}")).StatusCode);
        Assert.False(identity.Clients.ContainsKey(userClient));

        // Another company's administrator: 404 on the account's routes, as for an unknown account.
        using var other = conventions.ClientAs("732829320", "company", "company-admin");
        await Json(await other.GetAsync($"/companies/{id}"), HttpStatusCode.NotFound);
        await Json(await other.PostAsJsonAsync($"/companies/{id}/users", new { name = "Intrus", email = "intrus@autre.example.fr" }), HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>The identity provider's company clients, recorded; fails the next <see cref="FailNext"/> calls as a provider that is down.</summary>
public sealed class RecordingIdentity : IIdentityCompanyClients
{
    public ConcurrentDictionary<string, CompanyClient> Clients { get; } = new();
    public int FailNext { get; set; }

    public Task PutAsync(string clientId, CompanyClient client, CancellationToken ct)
    {
        Fail();
        Clients[clientId] = client;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string clientId, CancellationToken ct)
    {
        Fail();
        Clients.TryRemove(clientId, out _);
        return Task.CompletedTask;
    }

    private void Fail()
    {
        if (FailNext <= 0) return;
        FailNext--;
        throw new HttpRequestException("Connection refused (test)");
    }
}

/// <summary>Conventions in process with <see cref="RecordingIdentity"/>; the headers X-Test-Roles and X-Test-Company stand for a token.</summary>
public sealed class ConventionsInProcessForAccounts : ConventionsInProcess
{
    public RecordingIdentity Identity { get; } = new();

    public HttpClient ClientAs(string? company, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(Caller.RolesHeader, string.Join(',', roles));
        if (company is not null)
            client.DefaultRequestHeaders.Add(Caller.CompanyHeader, company);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IIdentityCompanyClients>(Identity);
            services.AddAuthentication(Caller.Name).AddScheme<AuthenticationSchemeOptions, Caller>(Caller.Name, _ => { });
        });
    }

    private sealed class Caller(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestCaller", RolesHeader = "X-Test-Roles", CompanyHeader = "X-Test-Company";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[RolesHeader].ToString() is not { Length: > 0 } roles)
                return Task.FromResult(AuthenticateResult.NoResult());
            var claims = roles.Split(',').Select(r => new Claim(OrdreClaims.Role, r)).Append(new Claim(OrdreClaims.Subject, "test-" + roles)).ToList();
            if (Request.Headers[CompanyHeader].ToString() is { Length: > 0 } company)
                claims.Add(new Claim(OrdreClaims.CompanyId, company));
            var identity = new ClaimsIdentity(claims, Name, OrdreClaims.Subject, OrdreClaims.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
