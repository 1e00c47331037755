using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Client;
using Ordre.Testing;
using Refit;

namespace Ordre.EndToEnd.Tests;

/// <summary>State built through the API, as users build it.</summary>
public static class Scenarios
{
    private static readonly DemoDoctors Doctors = new(Random.Shared.Next());
    /// <summary>Today in Europe/Paris, as the services count business days (not the UTC date, which differs before 1 or 2 a.m.).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    public static InscriptionRequest NewDoctor(string department) => Doctors.Next(department, Today);

    public static async Task<(Guid Id, InscriptionRequest Request)> RequestedInscription(this OrdreSystem system, string council = "cdom75", string department = "75")
    {
        var request = NewDoctor(department);
        var response = await system.Api.RequestInscription(request, await system.TokenFor(council));
        Assert.True(response.StatusCode == HttpStatusCode.Created, Describe(response));
        return (response.Content!.Id, request);
    }

    public static async Task<InscriptionRequest> GrantedInscription(this OrdreSystem system, string council = "cdom75", string department = "75")
    {
        var (id, request) = await system.RequestedInscription(council, department);
        var decided = await system.Api.DecideInscription(id, InscriptionDecision.Grant(), await system.TokenFor(council));
        Assert.True(decided.StatusCode == HttpStatusCode.OK, Describe(decided));
        return request;
    }

    /// <summary>A change to a register entry that must succeed, by the doctor's council unless another account is named.</summary>
    public static async Task<RegisterEntryChanged> Change(this OrdreSystem system, InscriptionRequest doctor, string change, object body, string account = "cdom75")
    {
        var response = await system.Api.ChangeRegisterEntry(doctor.Rpps!, change, body, await system.TokenFor(account));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{change}: {Describe(response)}");
        return response.Content!;
    }

    /// <summary>Waits until the public directory (an asynchronous projection) shows, or no longer shows, the doctor.</summary>
    public static Task VisibleInDirectory(this OrdreSystem system, InscriptionRequest doctor, bool visible) =>
        Eventually.Until(() => system.Api.SearchDirectory(null, rpps: doctor.Rpps),
            p => p.Content?.Items.Any(d => d.Rpps == doctor.Rpps) == visible, what: $"{doctor.Rpps} {(visible ? "" : "not ")}in the directory");

    /// <summary>The identifier system of RPPS numbers in the FHIR directory.</summary>
    public const string FhirSystem = "https://rpps.esante.gouv.fr";

    /// <summary>The HL7 FhirClient on the gateway's FHIR directory, anonymous.</summary>
    public static Hl7.Fhir.Rest.FhirClient FhirClient(this OrdreSystem system) => new(new Uri(system.Gateway.Url, "/tableau/fhir"),
        new Hl7.Fhir.Rest.FhirClientSettings { PreferredFormat = Hl7.Fhir.Rest.ResourceFormat.Json, VerifyFhirVersion = false });

    /// <summary>A new SIREN: 8 random digits and the Luhn key (never one of the demo companies').</summary>
    public static string NewSiren()
    {
        while (true)
        {
            var body = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var siren = Enumerable.Range(0, 10).Select(k => body + k).First(Ordre.Contracts.Identifiers.Siren.IsValid);
            if (siren is not ("552100554" or "732829320" or "356000000")) return siren;
        }
    }

    /// <summary>A company account requested anonymously, then approved by the national council: its id, identifier and activation code.</summary>
    public static async Task<(Guid Id, string Siren, string ActivationCode)> ApprovedCompany(this OrdreSystem system, string? siren = null)
    {
        siren ??= NewSiren();
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var requested = await anonymous.PostAsJsonAsync("/conventions/companies", new
        {
            legalName = $"Laboratoires {siren}", identifier = siren, administrator = new { name = "Claire Dubois", email = $"admin@{siren}.example.fr" },
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var answer = await requested.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetGuid();
        using var cnom = await system.HttpClientFor("cnom");
        var approved = await cnom.PostAsync($"/conventions/companies/{id}/approval", null);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return (id, siren, answer.GetProperty("activationCode").GetString()!);
    }

    /// <summary>A company account approved and activated: its id, identifier and its administrator's client credentials.</summary>
    public static async Task<(Guid Id, string Siren, string ClientId, string ClientSecret)> ActivatedCompany(this OrdreSystem system)
    {
        var (id, siren, code) = await system.ApprovedCompany();
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var activated = await anonymous.PostAsJsonAsync($"/conventions/companies/{id}/activation", new { activationCode = code });
        Assert.True(activated.StatusCode == HttpStatusCode.OK, await activated.Content.ReadAsStringAsync());
        var credentials = await activated.Content.ReadFromJsonAsync<JsonElement>();
        return (id, siren, credentials.GetProperty("clientId").GetString()!, credentials.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>The token endpoint's answer to a client-credentials request through the gateway (a company's person signs in so).</summary>
    public static async Task<HttpResponseMessage> ClientCredentials(this OrdreSystem system, string clientId, string clientSecret)
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        return await anonymous.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["scope"] = "api",
        }));
    }

    /// <summary>A plain HTTP client on the gateway with a company person's token (client credentials).</summary>
    public static async Task<HttpClient> HttpClientForClient(this OrdreSystem system, string clientId, string clientSecret)
    {
        var response = await system.ClientCredentials(clientId, clientSecret);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var http = new HttpClient { BaseAddress = system.Gateway.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>A plain HTTP client on the gateway, signed in as a demo account.</summary>
    public static async Task<HttpClient> HttpClientFor(this OrdreSystem system, string account)
    {
        var http = new HttpClient { BaseAddress = system.Gateway.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await system.TokenFor(account));
        return http;
    }

    /// <summary>
    /// An entraide aid request for a Paris doctor, filed by the Paris council and assigned to the commission member
    /// entraide1 (entraide2 is not): the record the walkers' aid-request routes point at.
    /// </summary>
    public static async Task<Guid> ParisAidRequest(this OrdreSystem system, string rpps)
    {
        using var paris = await system.HttpClientFor("cdom75");
        var filed = await paris.PostAsJsonAsync("/solidarity/aid-requests", new
            { channel = "cdom", applicant = "doctor", rpps, amountAsked = 1_000m, applicantName = "Dr Test", situation = "Situation de test." });
        Xunit.Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var id = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var national = await system.HttpClientFor("cnom");
        var assigned = await national.PutAsJsonAsync($"/solidarity/aid-requests/{id}/members", new { members = new[] { "entraide1" } });
        Xunit.Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A bridge loan to the Paris council's account (cdom-75), disbursed from a fund of its own: its loan id.</summary>
    public static async Task<Guid> ParisBridgeLoan(this OrdreSystem system)
    {
        using var national = await system.HttpClientFor("cnom");
        var fund = $"fonds-pret-{Guid.NewGuid():N}"[..24];
        async Task<System.Text.Json.JsonElement> Post(string path, object body)
        {
            var response = await national.PostAsJsonAsync(path, body);
            Xunit.Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        }
        await Post("/solidarity/accounts", new { id = "cdom-75", kind = "council", name = "Conseil départemental de Paris", department = "75" });
        await Post("/solidarity/accounts", new { id = fund, kind = "fund", name = "Fonds de prêt (test)" });
        await Post("/solidarity/transfers", new { transferId = Guid.CreateVersion7(), legs = new[] { new { debit = "cdom-75", credit = fund, amount = 1_000m } } });
        var request = (await Post("/solidarity/financing-requests", new { council = "cdom-75", amount = 600m, purpose = "Trésorerie" })).GetProperty("id").GetGuid();
        await Post($"/solidarity/financing-requests/{request}/examination", new { });
        await Post($"/solidarity/financing-requests/{request}/decision", new { decision = "bridge-loan" });
        return (await Post($"/solidarity/financing-requests/{request}/disbursement", new { fund })).GetProperty("loan").GetGuid();
    }

    /// <summary>
    /// The shortest path to a final ban through the gateway: an authority's complaint (no conciliation), a
    /// presidential order, an appeal and the national chamber's confirmation (final at once). Returns the case id.
    /// </summary>
    public static async Task<Guid> FinalBan(this OrdreSystem system, InscriptionRequest doctor, int banMonths, string complainant = "Agence régionale de santé")
    {
        using var council = await system.HttpClientFor("cdom75");
        using var chamber = await system.HttpClientFor("cdpiidf");
        using var national = await system.HttpClientFor("cdn");
        var complaint = await Posted<IdOnly>(council, "/discipline/complaints", new
        {
            rpps = doctor.Rpps, complainant = new { kind = "Authority", name = complainant }, grounds = new[] { "Mise en danger" },
        });
        var caseId = (await Posted<Transmitted>(council, $"/discipline/complaints/{complaint.Id}/transmission", new { opinion = "Griefs graves.", councilJoins = true })).CaseId;
        await Posted<IdOnly>(chamber, $"/discipline/cases/{caseId}/decision", new { form = "PresidentialOrder", outcome = "PracticeBan", banMonths, suspendedMonths = 0 });
        await Posted<IdOnly>(chamber, $"/discipline/cases/{caseId}/notification", new { });
        await Posted<IdOnly>(national, $"/discipline/cases/{caseId}/appeal", new { });
        await Posted<IdOnly>(national, $"/discipline/cases/{caseId}/appeal/decision", new { ruling = "Confirmed" });
        return caseId;
    }

    private sealed record IdOnly(Guid Id);
    private sealed record Transmitted(Guid Id, Guid CaseId);

    private static async Task<T> Posted<T>(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<int> RegisteredCount(this OrdreSystem system, string department)
    {
        var figures = await system.Api.GetRegistrationFigures(await system.TokenFor("cnom"));
        Assert.True(figures.IsSuccessStatusCode, Describe(figures));
        return figures.Content!.Departments.SingleOrDefault(d => d.Department == department)?.Registered ?? 0;
    }

    public static Task<int> RegisteredCountReaches(this OrdreSystem system, string department, int expected, TimeSpan? timeout = null) =>
        Eventually.Until(() => system.RegisteredCount(department), count => count >= expected, timeout,
            $"registrations counted for department {department} = {expected}");

    /// <summary>The dashboard's one consumer queue (every integration event it keeps; MassTransit endpoint name, prefixed by the service).</summary>
    public const string DashboardQueue = "dashboard-record-integration-events";
    public const string GrantedInscriptionsQueue = DashboardQueue;
    public const string ImplicitRejectionsQueue = DashboardQueue;

    /// <summary>
    /// Waits until the dashboard has stored the message (its one-event stream, id = message id) and its figures'
    /// projection has counted every stored event: the counts then include the message.
    /// </summary>
    public static async Task ProcessedByDashboard(this OrdreSystem system, Guid messageId)
    {
        await Eventually.Until(() => system.DashboardDatabase.QueryAsync<long>(
                $"select count(*) from dashboard.mt_streams where id = '{messageId}'"),
            rows => rows[0] == 1, what: $"message {messageId} stored by the dashboard");
        await Eventually.Until(() => system.DashboardDatabase.QueryAsync<bool>(
                "select coalesce((select max(last_seq_id) from dashboard.mt_event_progression where name like 'dashboard-figures%'), 0) " +
                ">= (select coalesce(max(seq_id), 0) from dashboard.mt_events)"),
            rows => rows[0], what: "the dashboard's figures caught up");
    }

    /// <summary>
    /// The Tableau's publication: the last event sequence its publication subscription has published (its progress,
    /// stored once a page is published) and the last committed event sequence.
    /// </summary>
    public static async Task<(long Published, long Committed)> TableauPublication(this OrdreSystem system)
    {
        var published = await system.TableauDatabase.QueryAsync<long>(
            "select coalesce(max(last_seq_id), 0) from tableau.mt_event_progression where name like 'IntegrationEventPublication%'");
        var committed = await system.TableauDatabase.QueryAsync<long>("select coalesce(max(seq_id), 0) from tableau.mt_events");
        return (published[0], committed[0]);
    }

    /// <summary>Waits until the Tableau has published every committed event (its publisher will send no further copy).</summary>
    public static Task TableauPublishedEverything(this OrdreSystem system, TimeSpan? timeout = null) =>
        Eventually.Until(system.TableauPublication, p => p.Published >= p.Committed, timeout, "every committed Tableau event published");

    /// <summary>Checks a refusal is RFC 9457 problem details and returns its JSON.</summary>
    public static JsonElement AssertProblem(this IApiResponse response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentHeaders?.ContentType?.MediaType);
        var body = (response.Error as ApiException)?.Content;
        Assert.False(string.IsNullOrEmpty(body), "a problem details body");
        var problem = JsonDocument.Parse(body!).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static string Describe(IApiResponse response) =>
        $"{(int?)response.StatusCode} {(response.Error as ApiException)?.Content}";
}
