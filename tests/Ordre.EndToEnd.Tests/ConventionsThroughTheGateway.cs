using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// IDAHE through the gateway, with real tokens, the real Tableau over gRPC, PostgreSQL and RabbitMQ: a company submits a
/// convention (the regime computed, a mixed one split), the Tableau's answer reaches it as yes/no, the national council
/// reviews and decides; silence authorises when the service's clock is moved; one company never reaches another's dossiers.
/// </summary>
[Collection(SystemCollection.Name)]
public class ConventionsThroughTheGateway(OrdreSystem system)
{
    private const string Exemple = "labo-exemple", Autre = "labo-autre";

    [Fact]
    public async Task A_company_submits_a_mixed_convention_the_tableau_answers_and_the_national_council_decides()
    {
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Exemple);
        using var cnom = await system.HttpClientFor("cnom");
        var reference = Reference();
        var body = Convention(reference, doctor.Rpps!, ("Remuneration", 1_500m), ("Hospitality", 2_350.50m));

        var submitted = await company.PostAsJsonAsync("/conventions/dossiers", body);
        var answer = await Json(submitted, HttpStatusCode.Created);
        Assert.True(answer.GetProperty("beneficiaryRegisteredAndPractising").GetBoolean());
        var dossiers = answer.GetProperty("dossiers").EnumerateArray().ToList();
        Assert.Equal(["Declaration", "Authorisation"], dossiers.Select(d => d.GetProperty("regime").GetString()));
        Assert.Equal([1_500m, 2_350.50m], dossiers.Select(d => d.GetProperty("total").GetDecimal()));
        var (declaration, authorisation) = (dossiers[0].GetProperty("id").GetGuid(), dossiers[1].GetProperty("id").GetGuid());
        Assert.Equal(Scenarios.Today.AddMonths(2), DateOnly.Parse(dossiers[1].GetProperty("decisionDueOn").GetString()!));
        Assert.False(dossiers[0].GetProperty("late").GetBoolean());

        // The same reference and content answers the first result; another content under the same reference is 409.
        var again = await Json(await company.PostAsJsonAsync("/conventions/dossiers", body), HttpStatusCode.OK);
        Assert.Equal(answer.ToString(), again.ToString());
        await Problem(await company.PostAsJsonAsync("/conventions/dossiers", Convention(reference, doctor.Rpps!, ("Remuneration", 1_600m))), HttpStatusCode.Conflict);

        // A doctor the Tableau does not know: accepted, and the company learns "no", nothing more.
        var unknown = await Json(await company.PostAsJsonAsync("/conventions/dossiers",
            Convention(Reference(), Scenarios.NewDoctor("75").Rpps!, ("Remuneration", 100m))), HttpStatusCode.Created);
        Assert.False(unknown.GetProperty("beneficiaryRegisteredAndPractising").GetBoolean());
        Assert.Equal(["reference", "beneficiaryRegisteredAndPractising", "dossiers"], unknown.EnumerateObject().Select(p => p.Name));

        // The national council's queue: the authorisation, due first, with its company's filter.
        var queue = await Json(await cnom.GetAsync("/conventions/review?company=552100554&regime=Authorisation&status=UnderReview&pageSize=100"), HttpStatusCode.OK);
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, d => d.GetProperty("id").GetGuid() == authorisation);
        Assert.All(items, d => Assert.Equal(("Authorisation", "552100554"), (d.GetProperty("regime").GetString(), d.GetProperty("companyId").GetString())));
        var dues = items.Select(d => DateOnly.Parse(d.GetProperty("nextDeadline").GetString()!)).ToList();
        Assert.Equal(dues.Order(), dues);

        // Incomplete within the month: the clock stops; the company sends the documents: 2 months again from today.
        var incomplete = await Json(await cnom.PostAsJsonAsync($"/conventions/dossiers/{authorisation}/incompleteness", new { missing = new[] { "Convention signée" } }), HttpStatusCode.OK);
        Assert.Equal("AwaitingDocuments", incomplete.GetProperty("status").GetString());
        await Problem(await cnom.PostAsync($"/conventions/dossiers/{authorisation}/authorisation", null), HttpStatusCode.Conflict);
        var completed = await Json(await company.PostAsJsonAsync($"/conventions/dossiers/{authorisation}/missing-documents", new { documents = new[] { "Convention signée" } }), HttpStatusCode.OK);
        Assert.Equal(("UnderReview", Scenarios.Today.AddMonths(2)), (completed.GetProperty("status").GetString(), DateOnly.Parse(completed.GetProperty("decisionDueOn").GetString()!)));

        // A refusal without reasons is refused; the authorisation is granted.
        await Problem(await cnom.PostAsJsonAsync($"/conventions/dossiers/{authorisation}/refusal", new { reasons = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("Authorised", (await Json(await cnom.PostAsync($"/conventions/dossiers/{authorisation}/authorisation", null), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Problem(await cnom.PostAsync($"/conventions/dossiers/{authorisation}/authorisation", null), HttpStatusCode.Conflict);
        await Json(await cnom.PostAsJsonAsync($"/conventions/dossiers/{declaration}/recommendation", new { recommendation = "Préciser le programme scientifique." }), HttpStatusCode.OK);

        // The company follows its dossier and its history.
        var read = await Json(await company.GetAsync($"/conventions/dossiers/{authorisation}"), HttpStatusCode.OK);
        Assert.Equal(("Authorised", declaration), (read.GetProperty("dossier").GetProperty("status").GetString(), read.GetProperty("dossier").GetProperty("linkedDossierId").GetGuid()));
        // The company learns of the Tableau only yes/no, not the department the doctor is registered in; the council sees it.
        Assert.Equal(JsonValueKind.Null, read.GetProperty("dossier").GetProperty("calendarDepartment").ValueKind);
        Assert.Equal("75", (await Json(await cnom.GetAsync($"/conventions/dossiers/{authorisation}"), HttpStatusCode.OK))
            .GetProperty("dossier").GetProperty("calendarDepartment").GetString());
        Assert.Equal(["dossier_submitted", "beneficiary_checked", "dossier_incomplete_notified", "missing_documents_received", "authorisation_granted"],
            read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()));
        Assert.Equal("Autorisation accordée", read.GetProperty("history")[4].GetProperty("label").GetString());
        Assert.Equal("Préciser le programme scientifique.",
            (await Json(await company.GetAsync($"/conventions/dossiers/{declaration}"), HttpStatusCode.OK)).GetProperty("dossier").GetProperty("recommendation").GetString());

        // The rules, with their sources, for the councils.
        var rules = await Json(await cnom.GetAsync("/conventions/rules"), HttpStatusCode.OK);
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("name").GetString() == "threshold-remuneration-doctor"
            && r.GetProperty("value").GetInt32() == 2_000 && r.GetProperty("source").GetString()!.Contains("arrêté du 7 août 2020"));
    }

    [Fact]
    public async Task The_same_reference_sent_at_once_many_times_opens_its_dossiers_once()
    {
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Exemple);
        var body = Convention(Reference(), doctor.Rpps!, ("Remuneration", 700m), ("ResearchGift", 5_500m));
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => company.PostAsJsonAsync("/conventions/dossiers", body)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(answers.Distinct());
        using var cnom = await system.HttpClientFor("cnom");
        var queue = await Json(await cnom.GetAsync("/conventions/review?company=552100554&pageSize=100"), HttpStatusCode.OK);
        var ids = JsonDocument.Parse(answers[0]).RootElement.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, queue.GetProperty("items").EnumerateArray().Count(d => d.GetProperty("reference").GetString() == JsonDocument.Parse(answers[0]).RootElement.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task Silence_authorises_the_request_once_the_services_clock_has_passed_the_two_months()
    {
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Exemple);
        var answer = await Json(await company.PostAsJsonAsync("/conventions/dossiers",
            Convention(Reference(), doctor.Rpps!, ("Remuneration", 3_000m))), HttpStatusCode.Created);
        var request = Assert.Single(answer.GetProperty("dossiers").EnumerateArray().ToList());
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal("UnderReview", request.GetProperty("status").GetString());
        try
        {
            // The last day to decide is today + 2 months (at most 62 days away): the day after, the clock's sweep authorises
            // (it runs in the background from the start, oldest deadline first, behind the other tests' due dossiers).
            await system.RestartServiceAsync("conventions", clockShiftDays: 63);
            var read = await Eventually.Until(async () => await Json(await company.GetAsync($"/conventions/dossiers/{id}"), HttpStatusCode.OK),
                r => r.GetProperty("dossier").GetProperty("status").GetString() == "DeemedAuthorised", what: "the request deemed authorised");
            Assert.Equal("authorisation_deemed_granted", read.GetProperty("history").EnumerateArray().Last().GetProperty("what").GetString());
            using var cnom = await system.HttpClientFor("cnom");
            await Problem(await cnom.PostAsJsonAsync($"/conventions/dossiers/{id}/refusal", new { reasons = "Trop tard." }), HttpStatusCode.Conflict);
        }
        finally
        {
            await system.RestartServiceAsync("conventions");
        }
    }

    [Fact]
    public async Task An_urgent_request_has_three_weeks_its_refusal_is_followed_by_an_amended_convention_decided_again()
    {
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Exemple);
        using var cnom = await system.HttpClientFor("cnom");
        var answer = await Json(await company.PostAsJsonAsync("/conventions/dossiers",
            Urgent(Convention(Reference(), doctor.Rpps!, ("TrainingFunding", 1_200m)))), HttpStatusCode.Created);
        var request = Assert.Single(answer.GetProperty("dossiers").EnumerateArray().ToList());
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal(Scenarios.Today.AddDays(21), DateOnly.Parse(request.GetProperty("decisionDueOn").GetString()!));

        var ordinary = await Json(await cnom.PostAsJsonAsync($"/conventions/dossiers/{id}/urgency-rejection", new { reasons = "Formation programmée de longue date." }), HttpStatusCode.OK);
        Assert.Equal(Scenarios.Today.AddMonths(2), DateOnly.Parse(ordinary.GetProperty("decisionDueOn").GetString()!));
        await Json(await cnom.PostAsJsonAsync($"/conventions/dossiers/{id}/refusal", new { reasons = "Financement sans lien avec l'exercice du bénéficiaire." }), HttpStatusCode.OK);

        var amended = await Json(await company.PostAsJsonAsync($"/conventions/dossiers/{id}/amended-convention", new
        {
            purpose = "Formation continue en cardiologie interventionnelle",
            benefits = new[] { new { nature = "TrainingFunding", description = "Frais d'inscription", amount = 1_100m } },
        }), HttpStatusCode.OK);
        Assert.Equal(("UnderReview", Scenarios.Today.AddDays(15)), (amended.GetProperty("status").GetString(), DateOnly.Parse(amended.GetProperty("decisionDueOn").GetString()!)));
        await Json(await cnom.PostAsync($"/conventions/dossiers/{id}/authorisation", null), HttpStatusCode.OK);

        var read = await Json(await company.GetAsync($"/conventions/dossiers/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Authorised", true, 1_100m), (read.GetProperty("dossier").GetProperty("status").GetString(),
            read.GetProperty("dossier").GetProperty("amended").GetBoolean(), read.GetProperty("dossier").GetProperty("total").GetDecimal()));
        Assert.Equal(["dossier_submitted", "beneficiary_checked", "urgency_rejected", "authorisation_refused", "amended_convention_submitted", "authorisation_granted"],
            read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()));
    }

    [Fact]
    public async Task Two_companies_never_reach_each_others_dossiers_and_wrong_roles_are_refused()
    {
        var doctor = await system.GrantedInscription();
        using var exemple = await system.HttpClientFor(Exemple);
        using var autre = await system.HttpClientFor(Autre);
        using var cnom = await system.HttpClientFor("cnom");
        using var council = await system.HttpClientFor("cdom75");
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.Url };
        var reference = Reference();
        var answer = await Json(await exemple.PostAsJsonAsync("/conventions/dossiers",
            Convention(reference, doctor.Rpps!, ("Remuneration", 500m), ("ResearchGift", 6_000m))), HttpStatusCode.Created);
        var ids = answer.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        var (declaration, authorisation) = (ids[0], ids[1]);
        await Json(await cnom.PostAsJsonAsync($"/conventions/dossiers/{authorisation}/incompleteness", new { missing = new[] { "Convention signée" } }), HttpStatusCode.OK);

        // Another company: every request on these dossiers answers 404, as for a dossier that does not exist.
        var unknown = Guid.CreateVersion7();
        foreach (var id in new[] { declaration, authorisation, unknown })
        {
            var read = await Problem(await autre.GetAsync($"/conventions/dossiers/{id}"), HttpStatusCode.NotFound);
            Assert.Equal($"Aucun dossier {id}.", read.GetProperty("detail").GetString());
            await Problem(await autre.PostAsJsonAsync($"/conventions/dossiers/{id}/missing-documents", new { documents = new[] { "Convention signée" } }), HttpStatusCode.NotFound);
        }
        var queue = await Json(await cnom.GetAsync("/conventions/review?company=732829320&pageSize=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), d => ids.Contains(d.GetProperty("id").GetGuid()));
        var theirs = await Json(await autre.GetAsync("/conventions/dossiers?pageSize=100"), HttpStatusCode.OK);
        Assert.All(theirs.GetProperty("items").EnumerateArray(), d => Assert.Equal("732829320", d.GetProperty("companyId").GetString()));
        var ours = await Json(await exemple.GetAsync("/conventions/dossiers?status=AwaitingDocuments&pageSize=100"), HttpStatusCode.OK);
        Assert.Contains(ours.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == authorisation);
        Assert.All(ours.GetProperty("items").EnumerateArray(), d => Assert.Equal("552100554", d.GetProperty("companyId").GetString()));
        // Its references are its own: the same reference is another dossier.
        await Json(await autre.PostAsJsonAsync("/conventions/dossiers", Convention(reference, doctor.Rpps!, ("Remuneration", 10m))), HttpStatusCode.Created);
        // The owner still reaches them, and its documents were not taken from the other company.
        Assert.Equal("AwaitingDocuments", (await Json(await exemple.GetAsync($"/conventions/dossiers/{authorisation}"), HttpStatusCode.OK)).GetProperty("dossier").GetProperty("status").GetString());

        // Wrong roles: a company does not decide nor read the queue; the national council does not submit; a council reads nothing.
        foreach (var (client, method, path) in new (HttpClient, string, string)[]
                 {
                     (autre, "POST", $"/conventions/dossiers/{authorisation}/authorisation"), (exemple, "POST", $"/conventions/dossiers/{authorisation}/authorisation"),
                     (exemple, "POST", $"/conventions/dossiers/{declaration}/recommendation"), (exemple, "POST", $"/conventions/dossiers/{authorisation}/refusal"),
                     (exemple, "POST", $"/conventions/dossiers/{authorisation}/incompleteness"), (exemple, "GET", "/conventions/review"),
                     (exemple, "GET", "/conventions/audit"), (cnom, "POST", "/conventions/dossiers"), (cnom, "POST", $"/conventions/dossiers/{authorisation}/missing-documents"),
                     (council, "GET", $"/conventions/dossiers/{authorisation}"), (cnom, "GET", "/conventions/dossiers"), (council, "GET", "/conventions/review"), (council, "POST", "/conventions/dossiers"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { reasons = "x" }) : null };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/conventions/dossiers/{authorisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/conventions/dossiers", new { })).StatusCode);

        // The audit trail shows the other company's attempt, not found.
        var audit = await Json(await cnom.GetAsync($"/conventions/audit?record={declaration}&outcome=introuvable"), HttpStatusCode.OK);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("status").GetInt32() == 404 && e.GetProperty("roles")[0].GetString() == "company");
    }

    [Fact]
    public async Task Bad_submissions_are_problems_naming_their_fields()
    {
        using var company = await system.HttpClientFor(Exemple);
        var problem = await Problem(await company.PostAsync("/conventions/dossiers", new StringContent(
            "{\"reference\":\"R 1\",\"category\":\"Fees\",\"beneficiary\":{\"kind\":\"Doctor\",\"rpps\":\"10001234567\"},\"purpose\":\"x\"," +
            "\"benefits\":[{\"nature\":\"Remuneration\",\"amount\":-1}],\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2025-01-01\",\"benefitOn\":\"2026-01-01\"}",
            Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "reference", "beneficiary.rpps", "benefits[0].amount", "periodTo" }, fields);
        await Problem(await company.PostAsync("/conventions/dossiers", new StringContent("{\"benefits\":[{\"amount\":1e400}]}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }

    private static string Reference() => $"E2E-{Guid.NewGuid():N}"[..24];

    private static object Urgent(object convention)
    {
        var json = JsonSerializer.SerializeToNode(convention)!.AsObject();
        json["urgent"] = true;
        return json;
    }

    private static object Convention(string reference, string rpps, params (string Nature, decimal Amount)[] benefits) => new
    {
        reference, category = "Fees", beneficiary = new { kind = "Doctor", rpps }, purpose = "Intervention au congrès national de cardiologie",
        benefits = benefits.Select(b => new { nature = b.Nature, description = "Prestation", amount = b.Amount }),
        periodFrom = Scenarios.Today, periodTo = Scenarios.Today.AddMonths(6), benefitOn = Scenarios.Today.AddDays(30),
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
