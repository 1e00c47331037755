using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Bad input driven by the services' own OpenAPI documents: every operation is called through the gateway, with a
/// token its route admits, with unknown and nil ids, nulls inside lists and objects, NUL and control characters,
/// emoji and right-to-left marks, texts beyond their maxLength, lists beyond their maxItems, extreme and impossible
/// dates and numbers, huge pages, wrong content types, malformed JSON and empty bodies. None may answer 5xx, and
/// every 4xx is problem details (FHIR routes: a FHIR OperationOutcome).
/// </summary>
[Collection(SystemCollection.Name)]
public class NoInputGivesAServerError(OrdreSystem system, ITestOutputHelper output)
{
    private const string Nul = "a\u0000b";
    private const string Controls = "\u0001\u0007\u001b[31m\u007f\u0085";
    private const string Emoji = "Dr 👩‍⚕️ 🩺 Ñoël";
    private const string RightToLeft = "\u202Eالطبيب\u200F\u202C";
    private static readonly string Lone = "x\uD800y"; // a lone surrogate: not encodable as UTF-8 (sent as U+FFFD)

    [Fact]
    public async Task No_operation_answers_a_server_error_whatever_the_input()
    {
        var known = await KnownRecords();
        var operations = new List<Operation>();
        // Every service of deploy/services.txt: a new one is walked as soon as it is listed.
        foreach (var service in OrdreServices.Services)
            operations.AddRange(await OperationsOf(service.GatewayPrefix!, system.Service(service.Name).Url));
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the OpenAPI documents");

        var requests = operations.SelectMany(o => BadRequests(o, known)).ToList();
        var tokens = new Dictionary<string, string>();
        foreach (var account in requests.Select(r => r.Account).OfType<string>().Distinct())
            tokens[account] = account == CompanyAdmin ? known.CompanyAdminToken : await system.TokenFor(account);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 })
        {
            BaseAddress = system.Gateway.Url, Timeout = TimeSpan.FromSeconds(30),
        };
        var byStatus = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentBag<(string What, string Line)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bad, ct) =>
        {
            using var request = bad.Build();
            if (bad.Account is { } account)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[account]);
            // Headers first: the dashboard's live stream never ends; disposing the response closes it.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var expected = bad.Path.Contains("/fhir/") ? "application/fhir+json" : "application/problem+json";
            // A NUL in the path is refused by the gateway's Kestrel while parsing the request line, before any
            // middleware runs: a bare 400 with "Connection: close" that no application code can turn into a problem.
            var refusedByKestrel = status == 400 && bad.Path.Contains("%00") && response.Content.Headers.ContentLength == 0;
            if (refusedByKestrel)
                byStatus.AddOrUpdate(-400, 1, (_, n) => n + 1);
            else if (status >= 500 || (status >= 400 && mediaType != expected && !(bad.Path.Contains("/fhir/") && mediaType == "application/problem+json")))
                failures.Add(($"{bad.What} → {status}", $"{bad.Method} {bad.Path} [{bad.What}] as {bad.Account ?? "anonymous"} → {status} {mediaType}: "
                                                      + Truncate(await response.Content.ReadAsStringAsync(ct), 300)));
        });
        clock.Stop();

        output.WriteLine($"{operations.Count} operations, {requests.Count} requests in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"  of which 400 without a body from Kestrel (NUL in the path): {byStatus.GetValueOrDefault(-400)}");
        foreach (var group in byStatus.Where(s => s.Key > 0).GroupBy(s => s.Key / 100).OrderBy(g => g.Key))
            output.WriteLine($"  {group.Key}xx: {group.Sum(s => s.Value)} ({string.Join(", ", group.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))})");
        foreach (var kind in failures.GroupBy(f => f.What).OrderByDescending(g => g.Count()))
            output.WriteLine($"  FAILED {kind.Count()} × {kind.Key}, e.g. {kind.First().Line}");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were a server error or not problem details:\n"
                                      + string.Join("\n", failures.GroupBy(f => f.What).Select(g => $"{g.Count()} × {g.First().Line}").Take(25)));
    }

    [Fact]
    public async Task The_classes_seen_as_500_are_problems_that_name_the_field()
    {
        var doctor = await system.GrantedInscription();
        var (inscription, _) = await system.RequestedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        using var region = await system.HttpClientFor("cromidf");

        var nullInList = await Problem(await paris.PostAsync("/tableau/lookup", JsonBody("{\"rpps\":[null]}")), HttpStatusCode.BadRequest);
        Assert.True(nullInList.GetProperty("errors").TryGetProperty("rpps[0]", out _), nullInList.ToString());

        await Problem(await paris.PostAsJsonAsync($"/tableau/inscriptions/{Guid.Empty}/completion", new { }), HttpStatusCode.NotFound);
        await Problem(await paris.GetAsync($"/tableau/inscriptions/{Guid.Empty}"), HttpStatusCode.NotFound);
        using var chamber = await system.HttpClientFor("cdpiidf");
        await Problem(await chamber.PostAsJsonAsync($"/discipline/cases/{Guid.Empty}/hearing", new { hearingOn = Scenarios.Today }), HttpStatusCode.NotFound);

        foreach (var (from, until) in new[] { ("9999-12-01", "9999-12-31"), ("0001-01-01", "0001-02-01"), (Scenarios.Today.AddYears(3).ToString("yyyy-MM-dd"), Scenarios.Today.AddYears(4).ToString("yyyy-MM-dd")) })
        {
            var suspension = await Problem(await region.PostAsJsonAsync($"/tableau/register/{doctor.Rpps}/suspensions",
                new { source = "Health", from, until }), HttpStatusCode.BadRequest);
            Assert.True(suspension.GetProperty("errors").TryGetProperty("from", out _), suspension.ToString());
        }
        var tooLong = await Problem(await region.PostAsJsonAsync($"/tableau/register/{doctor.Rpps}/suspensions",
            new { source = "Health", until = Scenarios.Today.AddYears(30) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("until", out _), tooLong.ToString());

        var nul = await Problem(await paris.PostAsJsonAsync($"/tableau/inscriptions/{inscription}/rapporteur", new { rapporteur = "Dr\u0000X" }), HttpStatusCode.BadRequest);
        Assert.True(nul.GetProperty("errors").TryGetProperty("rapporteur", out _), nul.ToString());

        // Lengths: the built-in validation, in French, with the JSON field names.
        var overlong = await Problem(await paris.PostAsJsonAsync($"/tableau/inscriptions/{inscription}/documents-requested",
            new { missing = Enumerable.Range(0, 51).Select(i => $"pièce {i}") }), HttpStatusCode.BadRequest);
        Assert.Equal("Requête invalide", overlong.GetProperty("title").GetString());
        Assert.Contains("50 éléments au plus", overlong.GetProperty("errors").GetProperty("missing")[0].GetString());
        var name = await Problem(await paris.PostAsJsonAsync("/tableau/inscriptions", Scenarios.NewDoctor("75") with { LastName = new string('a', 101) }), HttpStatusCode.BadRequest);
        Assert.Contains("100 caractères au plus", name.GetProperty("errors").GetProperty("lastName")[0].GetString());
        var nested = await Problem(await paris.PostAsJsonAsync("/tableau/inscriptions",
            Scenarios.NewDoctor("75") with { Diploma = new Ordre.Client.Diploma(new string('d', 201), "Université", new DateOnly(2010, 6, 30)) }), HttpStatusCode.BadRequest);
        Assert.True(nested.GetProperty("errors").TryGetProperty("diploma.title", out _), nested.ToString());

        // ... and visible in the OpenAPI document.
        using var tableau = new HttpClient { BaseAddress = system.Tableau.Url };
        var schemas = JsonNode.Parse(await tableau.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        Assert.Equal(100, (int)schemas["RequestInscription"]!["properties"]!["lastName"]!["maxLength"]!);
        Assert.Equal(50, (int)schemas["RequestDocuments"]!["properties"]!["missing"]!["maxItems"]!);
        Assert.Equal(200, (int)schemas["RequestDocuments"]!["properties"]!["missing"]!["items"]!["maxLength"]!);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    // ---- The records the ids point at, so that requests reach the handlers and the rules, not only the 404 ----

    /// <summary><paramref name="Dossier"/>: labo-exemple's convention dossier awaiting documents (an authorisation request declared incomplete).</summary>
    /// <summary><paramref name="Company"/>: an activated company account, its <paramref name="CompanyUser"/> and its administrator's token.</summary>
    private sealed record Known(string Rpps, Guid Inscription, Guid Complaint, Guid Case, Guid Dossier, Guid Upload, Guid AidRequest, Guid Loan,
        Guid Company = default, Guid CompanyUser = default, string CompanyAdminToken = "");

    /// <summary>The account name of the activated company's administrator (a client-credentials token, not a demo account).</summary>
    private const string CompanyAdmin = "company-admin";

    private async Task<Known> KnownRecords()
    {
        var doctor = await system.GrantedInscription();
        var (inscription, _) = await system.RequestedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        var complaint = await paris.PostAsJsonAsync("/discipline/complaints", new
        {
            rpps = doctor.Rpps, complainant = new { kind = "Authority", name = "Agence régionale de santé" }, grounds = new[] { "Mise en danger" },
        });
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        var complaintId = (await complaint.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var transmitted = await paris.PostAsJsonAsync($"/discipline/complaints/{complaintId}/transmission", new { opinion = "Griefs graves.", councilJoins = true });
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var caseId = (await transmitted.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<Guid>();
        // A second complaint still open, for the conciliation steps.
        var open = await paris.PostAsJsonAsync("/discipline/complaints", new
        {
            rpps = doctor.Rpps, complainant = new { kind = "Patient", name = "M. Dupont" }, grounds = new[] { "Refus de soins" },
        });
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        // Solidarity: the Paris council's account with the fund, for the account routes (the same fields again are a no-op).
        using (var national = await system.HttpClientFor("cnom"))
            Assert.Contains((await national.PostAsJsonAsync("/solidarity/accounts",
                new { id = "cdom-75", kind = "council", name = "Conseil départemental de Paris", department = "75" })).StatusCode,
                new[] { HttpStatusCode.Created, HttpStatusCode.OK });
        using var company = await system.HttpClientFor("labo-exemple");
        var submitted = await company.PostAsJsonAsync("/conventions/dossiers", new
        {
            reference = $"BAD-INPUT-{Guid.NewGuid():N}"[..24], category = "Fees", beneficiary = new { kind = "Doctor", rpps = doctor.Rpps },
            purpose = "Conseil scientifique", benefits = new[] { new { nature = "Remuneration", description = "Honoraires", amount = 2_500m } },
            periodFrom = Scenarios.Today, periodTo = Scenarios.Today.AddMonths(3), benefitOn = Scenarios.Today.AddMonths(1),
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var dossier = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["dossiers"]![0]!["id"]!.GetValue<Guid>();
        using var cnom = await system.HttpClientFor("cnom");
        Assert.Equal(HttpStatusCode.OK, (await cnom.PostAsJsonAsync($"/conventions/dossiers/{dossier}/incompleteness", new { missing = new[] { "Convention signée" } })).StatusCode);
        var uploaded = await company.PostAsync("/conventions/uploads", new StringContent(
            "reference;categorie;beneficiaire;ine;objet;nature;montant;date_avantage;debut_periode;fin_periode\n" +
            $"BAD-INPUT-UP;etudes;etudiant;1234567890A;Stage;remuneration;100;{Scenarios.Today.AddMonths(1):yyyy-MM-dd};{Scenarios.Today:yyyy-MM-dd};{Scenarios.Today.AddMonths(3):yyyy-MM-dd}\n",
            Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var upload = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var aid = await system.ParisAidRequest(doctor.Rpps!);
        var loan = await system.ParisBridgeLoan();
        // An activated company account with one user, for the account routes (its administrator adds and removes users).
        var account = await system.ActivatedCompany();
        using var admin = await system.HttpClientForClient(account.ClientId, account.ClientSecret);
        var user = await admin.PostAsJsonAsync($"/conventions/companies/{account.Id}/users", new { name = "Utilisateur Test", email = "test@entreprise.example.fr" });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        return new Known(doctor.Rpps!, inscription, (await open.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(), caseId, dossier, upload, aid, loan,
            account.Id, (await user.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<Guid>(), admin.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    // ---- The operations, from each service's own OpenAPI document ----

    private sealed record Parameter(string Name, string In, JsonObject Schema);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, JsonObject? Body, string? Account);

    private async Task<List<Operation>> OperationsOf(string prefix, Uri service)
    {
        using var http = new HttpClient { BaseAddress = service };
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (path.StartsWith("/health") || path.StartsWith("/openapi")) continue;
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description") continue;
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new Parameter((string)p!["name"]!, (string)p["in"]!, Resolve(p["schema"], schemas)))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema, schemas) : null;
                var route = prefix + path;
                var upper = method.ToUpperInvariant();
                operations.Add(new Operation(upper, route, parameters, body is null ? null : Inline(body, schemas, 0), AccountFor(upper, route)));
            }
        }
        return operations;
    }

    /// <summary>An account whose role the gateway's route policy (and the endpoint's) admits, so requests reach the handler.</summary>
    private static string? AccountFor(string method, string path) => path switch
    {
        _ when path.StartsWith("/tableau/annuaire") || path.StartsWith("/tableau/fhir") || path.StartsWith("/discipline/case-law") => null,
        _ when path.EndsWith("/appeals") || path.EndsWith("/appeals/decision") => "cromidf",
        _ when path.StartsWith("/tableau/inscriptions") && path.EndsWith("/withdrawal") => "cnom",
        _ when path.StartsWith("/tableau/register") && path.Contains("/qualifications") => "cnom",
        _ when path.StartsWith("/tableau/register") && path.Contains("/suspensions") => "cromidf",
        _ when path.StartsWith("/solidarity/aid-requests") && path.EndsWith("/opinion") => "cdom75",
        _ when (path == "/solidarity/aid-requests" && method == "POST") || path.EndsWith("/decision") && path.StartsWith("/solidarity/aid-requests") => "entraide1",
        _ when path == "/solidarity/helpline/calls" => "entraide1",
        _ when path.StartsWith("/tableau/lps-declarations") || path.StartsWith("/dashboard") || path.StartsWith("/solidarity") => "cnom",
        _ when path.StartsWith("/tableau/special-lists/abroad") => "cnom",
        _ when path.StartsWith("/discipline/complaints") && (path.EndsWith("/recourse") || path.EndsWith("/referral")) => "cnom",
        _ when path.StartsWith("/discipline/cases") && method == "POST" && path.Contains("/appeal") => "cdn",
        _ when path.StartsWith("/discipline/cases") && path.Contains("/cassation") => "cdn",
        _ when path.StartsWith("/discipline/cases") => "cdpiidf",
        // A company submits, follows its dossiers and sends documents; the national council reviews and decides.
        _ when path.StartsWith("/conventions/uploads") => "labo-exemple",
        _ when path == "/conventions/dossiers" || path.EndsWith("/missing-documents") || path.EndsWith("/amended-convention") || (path.StartsWith("/conventions/dossiers") && method == "GET") => "labo-exemple",
        // Anyone requests and activates an account; its administrator reads it and adds and removes users; the national council decides.
        _ when path == "/conventions/companies" && method == "POST" => null,
        _ when path.EndsWith("/activation") => null,
        _ when path.StartsWith("/conventions/companies/") && (path.Contains("/users") || method == "GET") => CompanyAdmin,
        _ when path.StartsWith("/conventions") => "cnom",
        _ => "cdom75",
    };

    private static JsonObject Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var depth = 0; depth < 10 && schema is JsonObject o; depth++)
        {
            if (o["$ref"] is JsonValue reference)
                schema = schemas[((string)reference!).Split('/')[^1]];
            else if ((o["oneOf"] ?? o["anyOf"]) is JsonArray choices)
                schema = choices.FirstOrDefault(c => c is JsonObject x && (string?)x["type"] != "null") ?? choices[0];
            else
                return o;
        }
        return schema as JsonObject ?? [];
    }

    /// <summary>The schema with its references resolved (two levels deep is enough for our bodies).</summary>
    private static JsonObject Inline(JsonObject schema, JsonObject schemas, int depth)
    {
        var copy = schema.DeepClone().AsObject();
        if (depth > 3) return copy;
        if (copy["properties"] is JsonObject properties)
            foreach (var name in properties.Select(p => p.Key).ToList())
                properties[name] = Inline(Resolve(schema["properties"]![name], schemas), schemas, depth + 1);
        if (copy["items"] is { } items)
            copy["items"] = Inline(Resolve(schema["items"], schemas), schemas, depth + 1);
        return copy;
    }

    private static string TypeOf(JsonObject schema)
    {
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToList(),
            JsonValue one => [(string)one!],
            _ => [],
        };
        if (schema["properties"] is not null) return "object";
        foreach (var type in new[] { "object", "array", "integer", "number", "boolean", "string" })
            if (types.Contains(type)) return type;
        return schema["enum"] is not null ? "string" : "unknown";
    }

    // ---- The requests ----

    private sealed record BadRequest(string Method, string Path, string What, string? Account, Func<HttpContent?> Content)
    {
        public HttpRequestMessage Build() => new(new HttpMethod(Method), Path) { Content = Content() };
    }

    private static IEnumerable<BadRequest> BadRequests(Operation operation, Known known)
    {
        var pathParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        var validPath = Fill(operation.Path, pathParameters.ToDictionary(p => p.Name, p => GoodPathValue(operation.Path, p, known)));
        var sample = operation.Body is null ? null : Sample(operation.Body, known, "");
        HttpContent? Json(JsonNode? body) => body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        BadRequest Request(string path, string what, Func<HttpContent?> content) => new(operation.Method, path, what, operation.Account, content);

        // The ids in the path: unknown, nil, malformed, hostile.
        foreach (var parameter in pathParameters)
            foreach (var (what, value) in BadPathValues(parameter))
            {
                var values = pathParameters.ToDictionary(p => p.Name, p => GoodPathValue(operation.Path, p, known));
                values[parameter.Name] = value;
                yield return Request(Fill(operation.Path, values), $"{parameter.Name}={what}", () => Json(sample));
            }

        // The query: hostile texts, extreme numbers and dates, huge pages.
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
            foreach (var (what, value) in BadQueryValues(parameter))
                yield return Request($"{validPath}?{parameter.Name}={Uri.EscapeDataString(value)}", $"?{parameter.Name}={what}", () => Json(sample));
        if (operation.Method == "GET")
            yield return Request($"{validPath}?page=2147483647&pageSize=2147483647&page=-1", "duplicated huge pages", () => null);

        // The CSV upload (no JSON body): hostile files, each answered 2xx with a report or 4xx naming the fault.
        if (operation.Method == "POST" && operation.Path == "/conventions/uploads")
            foreach (var (what, bytes, type) in HostileCsvFiles())
                yield return Request(validPath, what, () =>
                {
                    var content = new ByteArrayContent(bytes);
                    content.Headers.ContentType = type is null ? null : MediaTypeHeaderValue.Parse(type);
                    return content;
                });

        if (sample is null)
        {
            // No body expected: send one anyway.
            yield return Request(validPath, "unexpected body", () => new StringContent("{\"x\":[null]}", Encoding.UTF8, "application/json"));
            yield break;
        }

        yield return Request(validPath, "the sample body", () => Json(sample));
        // The body as a whole.
        foreach (var (what, raw, type) in new (string, string, string?)[]
                 {
                     ("empty body", "", "application/json"), ("no content type", sample.ToJsonString(), null),
                     ("text/plain", sample.ToJsonString(), "text/plain"), ("xml", "<a/>", "application/xml"),
                     ("form", "a=1&b=2", "application/x-www-form-urlencoded"), ("null", "null", "application/json"),
                     ("array", "[]", "application/json"), ("number", "42", "application/json"), ("string", "\"x\"", "application/json"),
                     ("truncated", "{\"a\":", "application/json"), ("unclosed", "{", "application/json"), ("garbage", "\u0000\u0001{]", "application/json"),
                     ("trailing comma", "{\"a\":1,}", "application/json"), ("comment", "/* */ {}", "application/json"),
                     ("deep nesting", new string('[', 5_000) + new string(']', 5_000), "application/json"),
                     ("huge body", "{\"x\":\"" + new string('a', 2_000_000) + "\"}", "application/json"),
                     ("empty object", "{}", "application/json"), ("unknown field", "{\"unknown\":[null,{\"a\":null}]}", "application/json"),
                     ("latin1 bytes", "{\"x\":\"\u00e9\"}", "application/json; charset=iso-8859-1"),
                     ("charset nonsense", sample.ToJsonString(), "application/json; charset=klingon"),
                 })
            yield return Request(validPath, what, () =>
            {
                var content = new StringContent(raw, Encoding.UTF8);
                content.Headers.ContentType = type is null ? null : MediaTypeHeaderValue.Parse(type);
                return content;
            });

        // Each field, and each field of a nested object, replaced by something hostile.
        foreach (var (field, schema) in Fields(operation.Body!, ""))
            foreach (var (what, value) in BadValues(schema))
            {
                var body = sample.DeepClone().AsObject();
                Set(body, field, value);
                yield return Request(validPath, $"{field}={what}", () => Json(body));
            }

        // Every date of the body at once at the calendar's ends: a period both of whose ends are valid dates, whose
        // rules then add months or years past 9999 or before year 1 (one field at a time never gets there).
        var dates = Fields(operation.Body!, "").Where(f => (string?)f.Schema["format"] == "date").Select(f => f.Path).ToList();
        if (dates.Count > 0)
            foreach (var day in new[] { "9999-01-01", "9999-12-31", "0001-01-01" })
            {
                var body = sample.DeepClone().AsObject();
                foreach (var field in dates)
                    Set(body, field, day);
                yield return Request(validPath, $"every date={day}", () => Json(body));
            }
    }

    private static IEnumerable<(string Path, JsonObject Schema)> Fields(JsonObject schema, string prefix)
    {
        if (schema["properties"] is not JsonObject properties) yield break;
        foreach (var (name, node) in properties)
        {
            var field = (JsonObject)node!;
            yield return (prefix + name, field);
            if (prefix.Length == 0 && TypeOf(field) == "object")
                foreach (var nested in Fields(field, name + "."))
                    yield return nested;
        }
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var target = body;
        foreach (var name in names[..^1])
        {
            if (target[name] is not JsonObject next) target[name] = next = [];
            target = next;
        }
        target[names[^1]] = value;
    }

    private static JsonNode? Sample(JsonObject schema, Known known, string name) => TypeOf(schema) switch
    {
        "object" => new JsonObject((schema["properties"] as JsonObject ?? [])
            .Select(p => KeyValuePair.Create(p.Key, Sample((JsonObject)p.Value!, known, p.Key)))),
        "array" => new JsonArray(Sample(schema["items"] as JsonObject ?? [], known, name)),
        "integer" or "number" => 1,
        "boolean" => false,
        _ when schema["enum"] is JsonArray values => values.FirstOrDefault(v => v is not null)?.DeepClone(),
        _ when (string?)schema["format"] == "date" => Scenarios.Today.ToString("yyyy-MM-dd"),
        _ when (string?)schema["format"] == "date-time" => DateTimeOffset.UtcNow.ToString("O"),
        _ when (string?)schema["format"] == "uuid" => Guid.NewGuid().ToString(),
        _ => name.ToLowerInvariant() switch
        {
            "rpps" => known.Rpps,
            "department" or "todepartment" => "75",
            "toregion" => "PAC",
            "postalcode" => "75011",
            "country" => "BE",
            "phone" => "0102030405",
            _ => "Texte ordinaire",
        },
    };

    private static IEnumerable<(string What, JsonNode? Value)> BadValues(JsonObject schema)
    {
        yield return ("null", null);
        switch (TypeOf(schema))
        {
            case "array":
                var maxItems = (int?)schema["maxItems"] ?? 100;
                var itemLength = (int?)schema["items"]?["maxLength"] ?? 100;
                yield return ("[null]", new JsonArray((JsonNode?)null));
                yield return ("[null, text]", new JsonArray(null, "x"));
                yield return ("[{}]", new JsonArray(new JsonObject()));
                yield return ("[[null]]", new JsonArray(new JsonArray((JsonNode?)null)));
                yield return ("[]", new JsonArray());
                yield return ("maxItems+1", new JsonArray(Enumerable.Range(0, Math.Min(maxItems + 1, 30_000)).Select(i => (JsonNode?)$"élément {i}").ToArray()));
                yield return ("[overlong]", new JsonArray(new string('a', itemLength + 1)));
                yield return ("[NUL, controls, emoji, rtl]", new JsonArray(Nul, Controls, Emoji, RightToLeft));
                yield return ("object", new JsonObject { ["a"] = null });
                yield return ("text", "x");
                break;
            case "object":
                yield return ("{}", new JsonObject());
                yield return ("{nulls}", new JsonObject { ["kind"] = null, ["name"] = null, ["title"] = null });
                yield return ("[]", new JsonArray());
                yield return ("text", "x");
                break;
            case "integer" or "number":
                foreach (var (what, value) in new (string, JsonNode?)[]
                         {
                             ("max int", int.MaxValue), ("min int", int.MinValue), ("-1", -1), ("0", 0), ("2^31", 2147483648L),
                             ("2^63", JsonNode.Parse("9223372036854775808")), ("1e308", JsonNode.Parse("1e308")), ("1.5", 1.5), ("text", "1"),
                             ("NaN text", "NaN"), ("bool", true),
                         })
                    yield return (what, value);
                break;
            case "boolean":
                yield return ("text", "yes");
                yield return ("number", 1);
                break;
            default:
                var maxLength = (int?)schema["maxLength"] ?? 1_000;
                foreach (var (what, value) in new (string, JsonNode?)[]
                         {
                             ("NUL", Nul), ("controls", Controls), ("emoji", Emoji), ("right-to-left", RightToLeft), ("lone surrogate", Lone),
                             ("empty", ""), ("blank", "   "), ("maxLength+1", new string('é', maxLength + 1)), ("100k", new string('a', 100_000)),
                             ("number", 12), ("bool", false), ("object", new JsonObject()), ("array", new JsonArray("x")),
                             ("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31"), ("2026-02-30", "2026-02-30"), ("-0001-01-01", "-0001-01-01"),
                             ("date-time", "2026-01-01T25:61:00"), ("nil uuid", Guid.Empty.ToString()), ("unknown enum", "Inconnu"),
                             ("SQL", "'; drop table mt_events; --"), ("percent", "%00%zz"),
                         })
                    yield return (what, value);
                break;
        }
    }

    private static IEnumerable<(string What, byte[] Bytes, string? Type)> HostileCsvFiles()
    {
        const string header = "reference;categorie;beneficiaire;rpps;ine;nom;objet;nature;description;montant;date_avantage;debut_periode;fin_periode;urgent";
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        var row = $"HOSTILE-1;etudes;etudiant;;1234567890A;;Stage;remuneration;;100;{Scenarios.Today.AddMonths(1):yyyy-MM-dd};{Scenarios.Today:yyyy-MM-dd};{Scenarios.Today.AddMonths(3):yyyy-MM-dd};";
        yield return ("csv: empty", [], "text/csv");
        yield return ("csv: BOM only", [.. Encoding.UTF8.Preamble], "text/csv");
        yield return ("csv: header only", Utf8(header), "text/csv");
        yield return ("csv: binary garbage", [0, 1, 2, 0xFF, 0xFE, 0, 0x80, 0x81, 10, 0, 13], "text/csv");
        yield return ("csv: latin1 bytes", [.. Utf8(header + "\n"), .. Encoding.Latin1.GetBytes(row.Replace("Stage", "Stagé") + "\n")], "text/csv; charset=iso-8859-1");
        yield return ("csv: unclosed quote", Utf8(header + "\n\"" + row), "text/csv");
        yield return ("csv: NUL and controls in cells", Utf8(header + "\n" + row.Replace("Stage", Nul + Controls)), "text/csv");
        yield return ("csv: emoji and right-to-left", Utf8(header + "\n" + row.Replace("Stage", Emoji + RightToLeft)), "text/csv");
        yield return ("csv: 10,000 columns", Utf8(string.Join(';', Enumerable.Repeat("x", 10_000)) + "\n" + row), "text/csv");
        yield return ("csv: a 500 KB cell", Utf8(header + "\n" + row.Replace("Stage", new string('a', 500_000))), "text/csv");
        yield return ("csv: extreme dates and amounts", Utf8(header + "\n" + row.Replace("100;", "79228162514264337593543950335;").Replace($"{Scenarios.Today:yyyy-MM-dd}", "9999-12-31")), "text/csv");
        yield return ("csv: a period at the calendar's end", Utf8(header + "\n" + row.Replace($"{Scenarios.Today.AddMonths(1):yyyy-MM-dd};{Scenarios.Today:yyyy-MM-dd};{Scenarios.Today.AddMonths(3):yyyy-MM-dd}", "9999-03-01;9999-01-01;9999-06-01")), "text/csv");
        yield return ("csv: tab separated", Utf8(header.Replace(';', '\t') + "\n" + row.Replace(';', '\t')), "text/csv");
        yield return ("csv: multipart without a file", Utf8("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--\r\n"), "multipart/form-data; boundary=b");
        yield return ("csv: truncated multipart", Utf8("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n\r\n" + header), "multipart/form-data; boundary=b");
        yield return ("csv: multipart without boundary", Utf8(header), "multipart/form-data");
    }

    private static string GoodPathValue(string path, Parameter parameter, Known known) => parameter.Name switch
    {
        "rpps" or "id" when !IsUuid(parameter) => known.Rpps,
        "list" => "junior-doctors",
        "accountId" => "cdom-75",
        _ when path.Contains("/inscriptions/") => known.Inscription.ToString(),
        _ when path.Contains("/complaints/") => known.Complaint.ToString(),
        _ when path.Contains("/cases/") => known.Case.ToString(),
        _ when path.Contains("/dossiers/") => known.Dossier.ToString(),
        _ when path.Contains("/uploads/") => known.Upload.ToString(),
        _ when path.Contains("/aid-requests/") => known.AidRequest.ToString(),
        _ when path.Contains("/loans/") => known.Loan.ToString(),
        "userId" => known.CompanyUser.ToString(),
        _ when path.Contains("/companies/") => known.Company.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    private static bool IsUuid(Parameter parameter) => (string?)parameter.Schema["format"] == "uuid";

    private static IEnumerable<(string What, string Value)> BadPathValues(Parameter parameter)
    {
        yield return ("unknown uuid", Guid.CreateVersion7().ToString());
        yield return ("nil uuid", Guid.Empty.ToString());
        yield return ("nil uuid, braces", "{" + Guid.Empty + "}");
        yield return ("nil uuid, no dashes", Guid.Empty.ToString("N"));
        yield return ("malformed", "not-an-id");
        yield return ("unknown rpps", "10000000008");
        yield return ("zeros", "00000000000");
        yield return ("NUL", Uri.EscapeDataString(Nul));
        yield return ("emoji", Uri.EscapeDataString(Emoji));
        yield return ("right-to-left", Uri.EscapeDataString(RightToLeft));
        yield return ("overlong", new string('9', 5_000));
        yield return ("dot dot", "..%2F..%2Fopenapi");
        yield return ("encoded slash", "a%2Fb");
    }

    private static IEnumerable<(string What, string Value)> BadQueryValues(Parameter parameter)
    {
        yield return ("NUL", Nul);
        yield return ("controls", Controls);
        yield return ("emoji", Emoji);
        yield return ("right-to-left", RightToLeft);
        yield return ("empty", "");
        yield return ("overlong", new string('a', 4_000));
        yield return ("max int", int.MaxValue.ToString());
        yield return ("min int", int.MinValue.ToString());
        yield return ("2^63", "9223372036854775808");
        yield return ("-1", "-1");
        yield return ("0001-01-01", "0001-01-01");
        yield return ("9999-12-31", "9999-12-31");
        yield return ("2026-02-30", "2026-02-30");
        yield return ("nil uuid", Guid.Empty.ToString());
        yield return ("like wildcards", "%_\\");
        yield return ("tsquery syntax", "a & | ! ( <-> :* '");
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var path = template;
        foreach (var (name, value) in values)
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + name + "(:[^}]*)?\\}", value.Replace("$", "$$"));
        return path;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
