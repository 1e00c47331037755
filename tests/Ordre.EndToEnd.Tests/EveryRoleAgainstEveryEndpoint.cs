using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ordre.Contracts.Conventions;
using Ordre.Contracts.Dashboard;
using Ordre.Contracts.Discipline;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.Problems;
using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// The role × jurisdiction × endpoint matrix, generated from the services' OpenAPI documents (each operation names its
/// policy, x-ordre-policy) and the policy tables (OrdrePolicies, TableauPolicies, DisciplinePolicies .RolesAdmitted), run through the gateway with real tokens
/// for every role in two regions and two departments, a doctor, a company and no token. The records asked for lie in
/// Paris (75, Île-de-France). A cell the policy refuses must answer 401/403; a cell outside the caller's jurisdiction
/// 403 (or 404); an allowed cell must never be refused for jurisdiction or by the policy, and never answer 5xx.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class EveryRoleAgainstEveryEndpoint(OrdreSystem system, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> PolicyTable = new[]
        { OrdrePolicies.RolesAdmitted, TableauPolicies.RolesAdmitted, DisciplinePolicies.RolesAdmitted, ConventionsPolicies.RolesAdmitted,
          SolidarityPolicies.RolesAdmitted, DashboardPolicies.RolesAdmitted }
        .SelectMany(table => table).ToDictionary();

    /// <summary>A caller, with what the test itself (not the code under test) knows of its reach.</summary>
    private sealed record Caller(string Account, string? Role, string? Department = null, string? Region = null, string? AlsoRole = null)
    {
        public bool Anonymous => Role is null;
        // A commission member acts nationwide (the need-to-know between members, entraide2 not assigned to the Paris
        // request, answers 404 and is tested by EntraideThroughTheGateway).
        public bool CoversParis => Role is "cnom" or "cdn" or "entraide" || Department == "75" || (Role is "crom" or "cdpi" or "ars" && Region == "IDF");
    }

    private static readonly Caller[] Callers =
    [
        new("anonyme", null),
        new("cdom75", "cdom", "75"), new("cdom92", "cdom", "92"), new("cdom13", "cdom", "13"),
        new("cromidf", "crom", Region: "IDF"), new("crompaca", "crom", Region: "PAC"),
        new("cdpiidf", "cdpi", Region: "IDF"), new("cdpipaca", "cdpi", Region: "PAC"),
        new("arsidf", "ars", Region: "IDF"), new("arspaca", "ars", Region: "PAC"),
        new("cnom", "cnom"), new("cdn", "cdn"), new("docteur", "doctor"), new("labo-exemple", "company"),
        new("entraide1", "entraide"), new("entraide2", "entraide"),
        // The administrator of an activated company account (client credentials): roles company and company-admin.
        new(CompanyAdmin, "company-admin", AlsoRole: "company"),
    ];

    private const string CompanyAdmin = "entreprise-admin";

    private sealed record Operation(string Service, string Method, string Template, string Policy);

    [Fact]
    public async Task Every_role_is_refused_outside_its_policy_and_jurisdiction_and_allowed_within_them()
    {
        var records = await BuildParisRecords();
        var operations = new List<Operation>();
        // Every service of deploy/services.txt: a new one is walked as soon as it is listed.
        foreach (var service in OrdreServices.Services)
            operations.AddRange(await OperationsOf(service.Name, system.Service(service.Name).Url));
        Assert.DoesNotContain(operations, o => o.Policy == "fallback");

        int tried = 0, refused = 0, allowed = 0;
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var (path, body, aboutParis) = Request(operation, records);
            foreach (var caller in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                if (body is not null)
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                if (!caller.Anonymous)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                        caller.Account == CompanyAdmin ? records.CompanyAdminToken : await system.TokenFor(caller.Account));
                // Headers first: the dashboard's live stream (text/event-stream) never ends; disposing the response closes it.
                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
                tried++;

                var admitted = Admits(operation.Policy, caller);
                string? wrong = null;
                if (status >= 500)
                    wrong = "server error";
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/fhir+json"))
                    wrong = $"a {status} that is not problem details";
                else if (!admitted)
                {
                    refused++;
                    if (status != (caller.Anonymous ? 401 : 403))
                        wrong = $"the policy {operation.Policy} should refuse";
                }
                else if (aboutParis && !caller.CoversParis)
                {
                    refused++;
                    if (status is not (403 or 404))
                        wrong = "outside the caller's jurisdiction, should be refused";
                }
                else
                {
                    allowed++;
                    if (status == 401 || (status == 403 && (text.Contains(Problems.OutsideJurisdictionCode) || text.Length == 0 || !text.Contains("detail"))))
                        wrong = "refused although within the policy and the jurisdiction";
                }
                if (wrong is not null)
                    failures.Add($"{caller.Account,-12} {operation.Method,-6} {path} → {status}: {wrong} {Trim(text)}");
            }
        }

        output.WriteLine($"Matrix: {operations.Count} operations × {Callers.Length} callers = {tried} cells tried; {refused} to refuse, {allowed} to allow; {failures.Count} wrong.");
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(operations.Count >= 45, $"only {operations.Count} operations found in the OpenAPI documents");
    }

    private static bool Admits(string policy, Caller caller) => policy switch
    {
        "anonymous" or OrdrePolicies.Public => true,
        OrdrePolicies.Authenticated => !caller.Anonymous,
        _ => caller.Role is { } role && PolicyTable.TryGetValue(policy, out var roles) && (roles.Contains(role) || (caller.AlsoRole is { } also && roles.Contains(also))),
    };

    private HttpClient Http => _http ??= new HttpClient { BaseAddress = system.Gateway.Url };
    private HttpClient? _http;

    private async Task<IReadOnlyList<Operation>> OperationsOf(string service, Uri url)
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/openapi/v1.json")));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
                operations.Add(new Operation(service, method.Name.ToUpperInvariant(), $"/{service}{path.Name}",
                    method.Value.TryGetProperty("x-ordre-policy", out var policy) ? policy.GetString()! : "fallback"));
        return operations;
    }

    /// <summary>Records in Paris the matrix asks for, built through the API by the Paris council and the chambers.</summary>
    /// <summary><paramref name="Dossier"/>: a convention dossier of the company caller (labo-exemple), with a Paris doctor; <paramref name="Upload"/>: its CSV upload.</summary>
    /// <summary><paramref name="Company"/>: the company account of the <see cref="CompanyAdmin"/> caller, whose token is <paramref name="CompanyAdminToken"/>.</summary>
    private sealed record ParisRecords(string Rpps, Guid Inscription, Guid Complaint, Guid Case, string JuniorRpps, Guid Dossier, Guid Upload,
        Guid AidRequest, Guid Loan, Guid Company, string CompanyAdminToken);

    private async Task<ParisRecords> BuildParisRecords()
    {
        var doctor = await system.GrantedInscription();
        var (inscription, _) = await system.RequestedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        var complaint = await Created(paris, "/discipline/complaints", Complaint(doctor.Rpps!));
        var other = await Created(paris, "/discipline/complaints", Complaint(doctor.Rpps!, "Authority"));
        var transmitted = await paris.PostAsJsonAsync($"/discipline/complaints/{other}/transmission", new { opinion = "Griefs sérieux.", councilJoins = true });
        Assert.True(transmitted.IsSuccessStatusCode, await transmitted.Content.ReadAsStringAsync());
        var caseId = (await transmitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        var junior = Scenarios.NewDoctor("75");
        await Created(paris, "/tableau/special-lists/junior-doctors", Junior(junior.Rpps!));
        // Solidarity: the Paris council's account with the fund (opening it again with the same fields is a no-op).
        using (var national = await system.HttpClientFor("cnom"))
            await Created(national, "/solidarity/accounts", ParisLedgerAccount);
        using var company = await system.HttpClientFor("labo-exemple");
        var submitted = await company.PostAsJsonAsync("/conventions/dossiers", Convention(doctor.Rpps!));
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var dossier = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossiers")[0].GetProperty("id").GetGuid();
        var uploaded = await company.PostAsync("/conventions/uploads", new StringContent(
            "reference;categorie;beneficiaire;ine;objet;nature;montant;date_avantage;debut_periode;fin_periode\n" +
            $"MATRIX-UP;etudes;etudiant;1234567890A;Stage;remuneration;100;{Scenarios.Today.AddMonths(1):yyyy-MM-dd};{Scenarios.Today:yyyy-MM-dd};{Scenarios.Today.AddMonths(3):yyyy-MM-dd}\n",
            Encoding.UTF8, "text/csv"));
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var upload = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var aid = await system.ParisAidRequest(doctor.Rpps!);
        var loan = await system.ParisBridgeLoan();
        var account = await system.ActivatedCompany();
        using var admin = await system.HttpClientForClient(account.ClientId, account.ClientSecret);
        return new ParisRecords(doctor.Rpps!, inscription, complaint, caseId, junior.Rpps!, dossier, upload, aid, loan, account.Id, admin.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    private static object Complaint(string rpps, string kind = "Patient") => new
    {
        rpps, complainant = new { kind, name = kind == "Patient" ? "Mme Durand" : "Agence régionale de santé" }, grounds = new[] { "Qualité des soins" },
    };

    private static object Junior(string rpps) => new
    {
        rpps, lastName = "Morel", firstName = "Inès", department = "75", specialty = "Pédiatrie",
        from = Scenarios.Today, until = Scenarios.Today.AddYears(1),
    };

    /// <summary>A convention with a doctor, above the threshold (an authorisation request), under a reference of its own.</summary>
    private static object Convention(string rpps) => new
    {
        reference = $"MATRIX-{Guid.NewGuid():N}"[..24], category = "Fees", beneficiary = new { kind = "Doctor", rpps }, purpose = "Conseil scientifique",
        benefits = new[] { new { nature = "Remuneration", description = "Honoraires", amount = 2_500m } },
        periodFrom = Scenarios.Today, periodTo = Scenarios.Today.AddMonths(3), benefitOn = Scenarios.Today.AddMonths(1),
    };
    private static readonly object ParisLedgerAccount = new { id = "cdom-75", kind = "council", name = "Conseil départemental de Paris", department = "75" };

    private static async Task<Guid> Created(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid) ? guid : Guid.Empty;
    }

    /// <summary>The concrete path, body and whether the request is about a Paris record, for one operation.</summary>
    private static (string Path, string? Body, bool AboutParis) Request(Operation operation, ParisRecords records)
    {
        var t = operation.Template;
        var path = RouteParameter().Replace(t, m => m.Groups[1].Value switch
        {
            "rpps" when t.Contains("/special-lists/") => records.JuniorRpps,
            "rpps" => records.Rpps,
            "list" => "JuniorDoctors",
            "id" when t.Contains("/inscriptions/") => records.Inscription.ToString(),
            "id" when t.Contains("/complaints/") => records.Complaint.ToString(),
            "id" when t.Contains("/cases/") => records.Case.ToString(),
            "id" when t.Contains("/dossiers/") => records.Dossier.ToString(),
            "accountId" => "cdom-75",
            "id" when t.Contains("/uploads/") => records.Upload.ToString(),
            "id" when t.Contains("/aid-requests/") => records.AidRequest.ToString(),
            "id" when t.Contains("/loans/") => records.Loan.ToString(),
            "id" when t.Contains("/companies/") => records.Company.ToString(),
            _ => Guid.NewGuid().ToString(),
        });
        var aboutParis = t.Contains("{rpps}") || t.Contains("{accountId}")
            || (t.Contains("{id}") && (t.Contains("/inscriptions/") || t.Contains("/complaints/") || t.Contains("/cases/") || t.Contains("/aid-requests/") || t.Contains("/loans/")));
        // Any council or chamber reads a doctor's standing (need-to-know decides how much: NeedToKnow.cs, tested by NeedToKnowAndAuditThroughTheGateway).
        if (operation.Method == "GET" && t == "/tableau/register/{rpps}")
            aboutParis = false;
        string? body = operation.Method is "POST" or "PUT" ? "{}" : null;
        // Creations name their department (or their doctor) in the body: the Paris one.
        switch (operation.Method, t)
        {
            case ("POST", "/tableau/inscriptions"):
                body = JsonSerializer.Serialize(Scenarios.NewDoctor("75"), Json); aboutParis = true; break;
            case ("POST", "/discipline/complaints"):
                body = JsonSerializer.Serialize(Complaint(records.Rpps), Json); aboutParis = true; break;
            case ("POST", "/tableau/special-lists/junior-doctors"):
                body = JsonSerializer.Serialize(Junior(Scenarios.NewDoctor("75").Rpps!), Json); aboutParis = true; break;
            case ("POST", "/conventions/dossiers"):
                body = JsonSerializer.Serialize(Convention(records.Rpps), Json); break;
            case ("POST", "/solidarity/aid-requests"):
                body = JsonSerializer.Serialize(new { channel = "cdom", applicant = "doctor", rpps = records.Rpps, amountAsked = 10m, applicantName = "Dr Test", situation = "Test." });
                aboutParis = true; break;
            case ("POST", "/tableau/lookup"):
                body = JsonSerializer.Serialize(new { rpps = new[] { records.Rpps } }); break;
        }
        if (t.Contains("/fhir/") || t.Contains("/annuaire") || t.Contains("/case-law"))
            path += t.Contains("/annuaire") ? "?rpps=" + records.Rpps : "";
        return (path, body, aboutParis);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Trim(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
