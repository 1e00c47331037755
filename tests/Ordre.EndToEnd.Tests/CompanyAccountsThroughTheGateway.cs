using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Company accounts (DOMAIN §4.1) through the gateway with the real identity provider: a company requests its account
/// anonymously, the national council approves it, the administrator activates it with the one-time code and signs in
/// with client credentials, adds a user who submits and reads a dossier; another company reaches none of it; a removed
/// user can no longer sign in.
/// </summary>
[Collection(SystemCollection.Name)]
public class CompanyAccountsThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_company_requests_its_account_the_national_council_approves_its_administrator_adds_a_user_who_submits_then_is_removed()
    {
        var siren = Scenarios.NewSiren();
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        using var cnom = await system.HttpClientFor("cnom");
        var request = new { legalName = "Laboratoires Nouveaux SA", identifier = siren, administrator = new { name = "Claire Dubois", email = "c.dubois@nouveaux.example.fr" } };
        var requested = await Json(await anonymous.PostAsJsonAsync("/conventions/companies", request), HttpStatusCode.Created);
        var id = requested.GetProperty("id").GetGuid();
        var code = requested.GetProperty("activationCode").GetString()!;
        Assert.Equal(("Requested", siren), (requested.GetProperty("status").GetString(), requested.GetProperty("identifier").GetString()));

        // One account per company: a second request, under the SIRET this time, is 409.
        await Problem(await anonymous.PostAsJsonAsync("/conventions/companies", new { request.legalName, identifier = Enumerable.Range(0, 10).Select(k => $"{siren}0001{k}").First(Ordre.Contracts.Identifiers.Siret.IsValid), request.administrator }), HttpStatusCode.Conflict);
        // Before the approval the code activates nothing.
        var early = await Problem(await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.Forbidden);

        var pending = await Json(await cnom.GetAsync("/conventions/companies?status=Requested&pageSize=100"), HttpStatusCode.OK);
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain("activationCode", pending.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Approved", (await Json(await cnom.PostAsync($"/conventions/companies/{id}/approval", null), HttpStatusCode.OK)).GetProperty("status").GetString());

        // A wrong code, an unknown account: the same refusal as before the approval, nothing leaks.
        var wrong = await Problem(await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = code + "x" }), HttpStatusCode.Forbidden);
        var unknown = await Problem(await anonymous.PostAsJsonAsync($"/conventions/companies/{Guid.CreateVersion7()}/activation", new { activationCode = code }), HttpStatusCode.Forbidden);
        Assert.Single(new[] { early, wrong, unknown }.Select(p => p.GetProperty("detail").GetString()).Distinct());
        var credentials = await Json(await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.OK);
        var (adminId, adminSecret) = (credentials.GetProperty("clientId").GetString()!, credentials.GetProperty("clientSecret").GetString()!);
        // The code works once.
        await Problem(await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = code }), HttpStatusCode.Forbidden);

        using var admin = await system.HttpClientForClient(adminId, adminSecret);
        var account = await Json(await admin.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Approved", "c.dubois@nouveaux.example.fr"), (account.GetProperty("status").GetString(), account.GetProperty("users")[0].GetProperty("email").GetString()));

        var added = await Json(await admin.PostAsJsonAsync($"/conventions/companies/{id}/users", new { name = "Marc Petit", email = "m.petit@nouveaux.example.fr" }), HttpStatusCode.Created);
        var (userId, userClient, userSecret) = (added.GetProperty("userId").GetGuid(), added.GetProperty("clientId").GetString()!, added.GetProperty("clientSecret").GetString()!);
        await Problem(await admin.PostAsJsonAsync($"/conventions/companies/{id}/users", new { name = "Marc Petit", email = "M.Petit@nouveaux.example.fr" }), HttpStatusCode.Conflict);

        // The user submits a dossier under the company's identifier and reads it.
        using var user = await system.HttpClientForClient(userClient, userSecret);
        var doctor = await system.GrantedInscription();
        var submitted = await Json(await user.PostAsJsonAsync("/conventions/dossiers", Convention(doctor.Rpps!)), HttpStatusCode.Created);
        var dossier = submitted.GetProperty("dossiers")[0].GetProperty("id").GetGuid();
        var read = await Json(await user.GetAsync($"/conventions/dossiers/{dossier}"), HttpStatusCode.OK);
        Assert.Equal(siren, read.GetProperty("dossier").GetProperty("companyId").GetString());
        // A user is not the administrator.
        await Problem(await user.PostAsJsonAsync($"/conventions/companies/{id}/users", new { name = "X", email = "x@nouveaux.example.fr" }), HttpStatusCode.Forbidden);
        await Problem(await user.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.Forbidden);

        // Other companies: the demo one and the administrator of another new account reach neither the dossier nor the account.
        using var autre = await system.HttpClientFor("labo-autre");
        await Problem(await autre.GetAsync($"/conventions/dossiers/{dossier}"), HttpStatusCode.NotFound);
        await Problem(await autre.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.Forbidden);
        var other = await system.ActivatedCompany();
        using var otherAdmin = await system.HttpClientForClient(other.ClientId, other.ClientSecret);
        await Problem(await otherAdmin.GetAsync($"/conventions/dossiers/{dossier}"), HttpStatusCode.NotFound);
        var notFound = await Problem(await otherAdmin.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.NotFound);
        Assert.Equal($"Aucun compte d'entreprise {id}.", notFound.GetProperty("detail").GetString());
        await Problem(await otherAdmin.PostAsJsonAsync($"/conventions/companies/{id}/users", new { name = "Intrus", email = "intrus@autre.example.fr" }), HttpStatusCode.NotFound);
        await Problem(await otherAdmin.DeleteAsync($"/conventions/companies/{id}/users/{userId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await system.ClientCredentials(userClient, userSecret)).StatusCode);

        // The administrator removes the user: the next token request is refused; removing again changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/conventions/companies/{id}/users/{userId}")).StatusCode);
        var refused = await system.ClientCredentials(userClient, userSecret);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/conventions/companies/{id}/users/{userId}")).StatusCode);
        var after = await Json(await cnom.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.OK);
        Assert.True(after.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("userId").GetGuid() == userId).GetProperty("removed").GetBoolean());
        // The administrator is not removed; the administrator still signs in.
        var adminUserId = after.GetProperty("users")[0].GetProperty("userId").GetGuid();
        await Problem(await admin.DeleteAsync($"/conventions/companies/{id}/users/{adminUserId}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await system.ClientCredentials(adminId, adminSecret)).StatusCode);
    }

    [Fact]
    public async Task A_refused_request_gives_its_reasons_and_frees_the_identifier_for_a_new_request()
    {
        var siren = Scenarios.NewSiren();
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        using var cnom = await system.HttpClientFor("cnom");
        var body = new { legalName = "Dispositifs Médicaux SARL", identifier = siren, administrator = new { name = "Léa Martin", email = "lea@dm.example.fr" } };
        var first = await Json(await anonymous.PostAsJsonAsync("/conventions/companies", body), HttpStatusCode.Created);
        var id = first.GetProperty("id").GetGuid();
        await Problem(await cnom.PostAsJsonAsync($"/conventions/companies/{id}/refusal", new { reasons = " " }), HttpStatusCode.BadRequest);
        await Json(await cnom.PostAsJsonAsync($"/conventions/companies/{id}/refusal", new { reasons = "Activité sans lien avec les produits de santé." }), HttpStatusCode.OK);
        await Problem(await cnom.PostAsync($"/conventions/companies/{id}/approval", null), HttpStatusCode.Conflict);
        var read = await Json(await cnom.GetAsync($"/conventions/companies/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Refused", "Activité sans lien avec les produits de santé."), (read.GetProperty("status").GetString(), read.GetProperty("refusalReasons").GetString()));
        await Problem(await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = first.GetProperty("activationCode").GetString() }), HttpStatusCode.Forbidden);
        await Json(await anonymous.PostAsJsonAsync("/conventions/companies", body), HttpStatusCode.Created);

        // A foreign company by its EU VAT number; a SIREN with a wrong key is a problem naming the field.
        var foreign = await Json(await anonymous.PostAsJsonAsync("/conventions/companies", new
        {
            legalName = "Medizintechnik GmbH", country = "DE", identifier = $"DE{Random.Shared.Next(100_000_000, 999_999_999)}",
            administrator = new { name = "Jonas Weber", email = "j.weber@mt.example.de" },
        }), HttpStatusCode.Created);
        Assert.StartsWith("DE:DE", foreign.GetProperty("identifier").GetString());
        var badKey = await Problem(await anonymous.PostAsJsonAsync("/conventions/companies", body with { identifier = "552100555" }), HttpStatusCode.BadRequest);
        Assert.Contains("clé", badKey.GetProperty("errors").GetProperty("identifier")[0].GetString());
    }

    [Fact]
    public async Task Wrong_roles_are_refused_and_the_identity_providers_internal_endpoint_is_not_reachable_through_the_gateway()
    {
        var (id, _, clientId, clientSecret) = await system.ActivatedCompany();
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        using var exemple = await system.HttpClientFor("labo-exemple");
        using var council = await system.HttpClientFor("cdom75");
        using var cnom = await system.HttpClientFor("cnom");
        using var admin = await system.HttpClientForClient(clientId, clientSecret);
        foreach (var (client, method, path) in new (HttpClient, string, string)[]
                 {
                     (exemple, "GET", "/conventions/companies"), (exemple, "GET", $"/conventions/companies/{id}"), (exemple, "POST", $"/conventions/companies/{id}/approval"),
                     (exemple, "POST", $"/conventions/companies/{id}/users"), (council, "GET", $"/conventions/companies/{id}"), (council, "GET", "/conventions/companies"),
                     (cnom, "POST", $"/conventions/companies/{id}/users"), (cnom, "DELETE", $"/conventions/companies/{id}/users/{Guid.CreateVersion7()}"),
                     (admin, "GET", "/conventions/companies"), (admin, "POST", $"/conventions/companies/{id}/approval"), (admin, "POST", $"/conventions/companies/{id}/refusal"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { name = "x", email = "x@x.fr", reasons = "x" }) : null };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/conventions/companies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/conventions/companies/{id}/approval", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/users", new { name = "x", email = "x@x.fr" })).StatusCode);

        // The administrator's token: the company's roles and identifier, not the services' role.
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        var payload = JsonDocument.Parse(Base64Url(token.Split('.')[1])).RootElement;
        Assert.Equal(["company", "company-admin"], payload.GetProperty("role").EnumerateArray().Select(r => r.GetString()).Order());

        // Identity's internal endpoint: not routed by the gateway, whoever asks; directly, a company's token is refused.
        var intruder = new { secret = new string('s', 40), companyId = "552100554", displayName = "Intrus", roles = new[] { "company", "company-admin" } };
        foreach (var http in new[] { anonymous, admin, cnom })
        {
            var intruderId = $"company-{Guid.NewGuid():N}";
            var status = (await http.PutAsJsonAsync($"/identity/company-clients/{intruderId}", intruder)).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{status}");
            Assert.False((await system.ClientCredentials(intruderId, intruder.secret)).IsSuccessStatusCode);
        }
        using var direct = new HttpClient { BaseAddress = system.Identity.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.PutAsJsonAsync($"/company-clients/company-{Guid.NewGuid():N}", intruder)).StatusCode);
        direct.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.PutAsJsonAsync($"/company-clients/company-{Guid.NewGuid():N}", intruder)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.DeleteAsync($"/company-clients/{clientId}")).StatusCode);
    }

    private static string Base64Url(string text) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '=')));

    private static object Convention(string rpps) => new
    {
        reference = $"ACC-{Guid.NewGuid():N}"[..24], category = "Fees", beneficiary = new { kind = "Doctor", rpps }, purpose = "Conseil scientifique",
        benefits = new[] { new { nature = "Remuneration", description = "Honoraires", amount = 800m } },
        periodFrom = Scenarios.Today, periodTo = Scenarios.Today.AddMonths(3), benefitOn = Scenarios.Today.AddMonths(1),
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem;
    }
}
