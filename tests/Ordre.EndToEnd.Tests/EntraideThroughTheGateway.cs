using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// Entraide through the gateway with real tokens and the real Tableau: a doctor's aid request filed by its council,
/// the council's opinion, the assigned member's decision, the payment from the entraide fund through the ledger; the
/// details only for the case's handlers (another council, another member: 404; the national council without them),
/// every read in the audit trail; the helpline's anonymous counts and their report.
/// </summary>
[Collection(SystemCollection.Name)]
public class EntraideThroughTheGateway(OrdreSystem system)
{
    private const string Situation = "Épuisement professionnel, arrêt de travail de trois mois, charges du cabinet impayées.";

    [Fact]
    public async Task An_aid_request_goes_from_the_doctors_council_to_a_payment_and_only_its_handlers_read_its_details()
    {
        var doctor = await system.GrantedInscription();
        var run = Guid.NewGuid().ToString("N")[..8];
        var (fund, payees, giver) = ($"fonds-entraide-{run}", $"aides-entraide-{run}", $"cdom-75-{run}");
        using var national = await system.HttpClientFor("cnom");
        using var paris = await system.HttpClientFor("cdom75");
        using var marseille = await system.HttpClientFor("cdom13");
        using var member = await system.HttpClientFor("entraide1");
        using var otherMember = await system.HttpClientFor("entraide2");
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = fund, kind = "fund", name = "Fonds d'entraide (test)" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = payees, kind = "beneficiaries", name = "Aides versées (test)" }));
        await Ok(national.PostAsJsonAsync("/solidarity/accounts", new { id = giver, kind = "council", name = "CDOM 75 (test)", department = "75" }));
        await Ok(national.PostAsJsonAsync("/solidarity/transfers", new { transferId = Guid.CreateVersion7(), legs = new[] { new { debit = giver, credit = fund, amount = 10_000m } } }));

        // Filed by the doctor's council: the Tableau gives the department; the answer carries no details.
        var filed = await Ok(paris.PostAsJsonAsync("/solidarity/aid-requests", new
        {
            channel = "cdom", applicant = "doctor", rpps = doctor.Rpps, amountAsked = 4_000m, applicantName = $"Dr {doctor.LastName}",
            contact = "06 12 34 56 78", situation = Situation,
        }));
        var id = filed.GetProperty("id").GetGuid();
        Assert.Equal("75", filed.GetProperty("department").GetString());
        Assert.DoesNotContain(Situation, filed.GetRawText());
        // Marseille cannot file for a Paris doctor; an RPPS the Tableau does not know is refused.
        await Problem(marseille.PostAsJsonAsync("/solidarity/aid-requests", new
            { channel = "cdom", applicant = "doctor", rpps = doctor.Rpps, amountAsked = 1m, applicantName = "X", situation = "Y" }), HttpStatusCode.Forbidden);
        var unknown = await Problem(member.PostAsJsonAsync("/solidarity/aid-requests", new
            { channel = "helpline", applicant = "doctor", rpps = "10002727377", amountAsked = 1m, applicantName = "X", situation = "Y" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("rpps", out _));

        await Ok(national.PutAsJsonAsync($"/solidarity/aid-requests/{id}/members", new { members = new[] { "entraide1" } }));
        await Problem(marseille.PostAsJsonAsync($"/solidarity/aid-requests/{id}/opinion", new { favourable = true }), HttpStatusCode.NotFound);
        await Ok(paris.PostAsJsonAsync($"/solidarity/aid-requests/{id}/opinion", new { favourable = true, comment = "Confrère isolé." }));
        await Problem(otherMember.PostAsJsonAsync($"/solidarity/aid-requests/{id}/decision", new { decision = "grant", amount = 3_000m }), HttpStatusCode.NotFound);
        var over = await Problem(member.PostAsJsonAsync($"/solidarity/aid-requests/{id}/decision", new { decision = "grant", amount = 1_000_000m }), HttpStatusCode.BadRequest);
        Assert.True(over.GetProperty("errors").TryGetProperty("amount", out _));
        await Ok(member.PostAsJsonAsync($"/solidarity/aid-requests/{id}/decision", new { decision = "grant", amount = 3_000m }));
        var paid = await Ok(national.PostAsJsonAsync($"/solidarity/aid-requests/{id}/payment", new { fund, payee = payees }));
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal(7_000m, (await Ok(national.GetAsync($"/solidarity/accounts/{fund}"))).GetProperty("balance").GetDecimal());

        // Need-to-know: the handlers read the details, the national council the record without them, others nothing.
        Assert.Equal(Situation, (await Ok(member.GetAsync($"/solidarity/aid-requests/{id}"))).GetProperty("details").GetProperty("situation").GetString());
        Assert.Equal(doctor.Rpps, (await Ok(paris.GetAsync($"/solidarity/aid-requests/{id}"))).GetProperty("details").GetProperty("rpps").GetString());
        var withoutDetails = await Ok(national.GetAsync($"/solidarity/aid-requests/{id}"));
        Assert.Equal(JsonValueKind.Null, withoutDetails.GetProperty("details").ValueKind);
        Assert.DoesNotContain(doctor.Rpps!, withoutDetails.GetRawText());
        await Problem(marseille.GetAsync($"/solidarity/aid-requests/{id}"), HttpStatusCode.NotFound);
        await Problem(otherMember.GetAsync($"/solidarity/aid-requests/{id}"), HttpStatusCode.NotFound);
        foreach (var lister in new[] { national, paris, member })
        {
            var list = await Ok(lister.GetAsync("/solidarity/aid-requests?pageSize=200"));
            Assert.DoesNotContain(Situation, list.GetRawText());
            Assert.DoesNotContain(doctor.Rpps!, list.GetRawText());
        }
        Assert.DoesNotContain(id.ToString(), (await Ok(otherMember.GetAsync("/solidarity/aid-requests?pageSize=200"))).GetRawText());

        // Every read is in the audit trail, the refused ones too.
        var audit = await Ok(national.GetAsync($"/solidarity/audit?record={id}&pageSize=50"));
        var lines = audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("entraide1", "autorisé"), lines);
        Assert.Contains(("cdom75", "autorisé"), lines);
        Assert.Contains(("cdom13", "introuvable"), lines);
        Assert.Contains(("entraide2", "introuvable"), lines);
    }

    [Fact]
    public async Task Helpline_calls_are_counted_anonymously_and_reported_to_the_national_council()
    {
        using var member = await system.HttpClientFor("entraide1");
        using var national = await system.HttpClientFor("cnom");
        var day = Scenarios.Today.AddDays(-1);
        var before = (await Ok(national.GetAsync($"/solidarity/helpline/report?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))).GetProperty("calls").GetInt32();
        var entry = Guid.CreateVersion7();
        await Ok(member.PostAsJsonAsync("/solidarity/helpline/calls", new { day, profession = "infirmier", mode = "salarie", route = "psychologue", calls = 2, entry }));
        await Ok(member.PostAsJsonAsync("/solidarity/helpline/calls", new { day, profession = "infirmier", mode = "salarie", route = "psychologue", calls = 2, entry }));
        await Problem(member.PostAsJsonAsync("/solidarity/helpline/calls", new { day, profession = "Mme X au 06 00 00 00 00", mode = "salarie", route = "psychologue" }),
            HttpStatusCode.BadRequest);
        var report = await Ok(national.GetAsync($"/solidarity/helpline/report?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"));
        Assert.Equal(before + 2, report.GetProperty("calls").GetInt32());
        using var paris = await system.HttpClientFor("cdom75");
        await Problem(paris.GetAsync($"/solidarity/helpline/report?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"), HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
