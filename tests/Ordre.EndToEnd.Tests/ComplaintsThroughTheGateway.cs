using System.Net;
using System.Net.Http.Json;
using Ordre.Client;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>Discipline's first slice: a complaint checked against the Tableau over gRPC, conciliated, transmitted.</summary>
[Collection(SystemCollection.Name)]
public class ComplaintsThroughTheGateway(OrdreSystem system)
{
    [Fact]
    public async Task A_complaint_about_a_registered_doctor_goes_through_conciliation_to_the_chamber()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");

        var created = await paris.PostAsJsonAsync("/discipline/complaints", Complaint(doctor.Rpps!));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;

        await Step(paris, id, "acknowledgement", new { });
        Assert.Equal(HttpStatusCode.BadRequest, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/conciliators", new { conciliators = new[] { "Mme Durand" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/transmission", new { opinion = "Griefs sérieux" })).StatusCode);
        await Step(paris, id, "conciliators", new { conciliators = new[] { "Dr Anne Petit", "Dr Paul Roux", "Dr Léa Blanc" } });
        Assert.Equal(HttpStatusCode.Conflict, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/conciliation", new { outcome = "Failed" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/convocation", new { meetingOn = Scenarios.Today.AddDays(-1) })).StatusCode);
        await Step(paris, id, "convocation", new { meetingOn = Scenarios.Today });
        await Step(paris, id, "conciliation", new { outcome = "Failed" });
        var transmitted = await Step(paris, id, "transmission", new { opinion = "Les griefs paraissent sérieux.", councilJoins = true });
        Assert.Equal("Transmitted", transmitted.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/withdrawal", new { })).StatusCode);

        using var cnom = await system.HttpClientFor("cnom");
        Assert.Equal(HttpStatusCode.OK, (await cnom.GetAsync($"/discipline/complaints/{id}")).StatusCode);
        using var marseille = await system.HttpClientFor("cdom13");
        Assert.Equal(HttpStatusCode.Forbidden, (await marseille.GetAsync($"/discipline/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marseille.PostAsJsonAsync($"/discipline/complaints/{id}/withdrawal", new { })).StatusCode);
    }

    [Fact]
    public async Task A_complaint_is_refused_for_an_unknown_or_struck_off_doctor_and_outside_the_doctors_department()
    {
        using var paris = await system.HttpClientFor("cdom75");
        var unknown = await paris.PostAsJsonAsync("/discipline/complaints", Complaint(DemoDoctors.Rpps(99_999_998)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("aucun médecin inscrit", await unknown.Content.ReadAsStringAsync());

        var struck = await system.GrantedInscription();
        await system.Change(struck, "striking-off", new { reason = "CeasedPractice" });
        var refused = await paris.PostAsJsonAsync("/discipline/complaints", Complaint(struck.Rpps!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("radié", await refused.Content.ReadAsStringAsync());

        var elsewhere = await system.GrantedInscription("cdom13", "13");
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.PostAsJsonAsync("/discipline/complaints", Complaint(elsewhere.Rpps!))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await paris.PostAsJsonAsync("/discipline/complaints", new { rpps = "123" })).StatusCode);
    }

    [Fact]
    public async Task The_national_council_refers_a_complaint_to_another_council_which_alone_then_handles_it()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        using var marseille = await system.HttpClientFor("cdom13");
        using var cnom = await system.HttpClientFor("cnom");
        var id = (await (await paris.PostAsJsonAsync("/discipline/complaints", Complaint(doctor.Rpps!))).Content.ReadFromJsonAsync<Created>())!.Id;

        var referral = new { toDepartment = "13", reason = "Un conseiller de Paris est mis en cause." };
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/referral", referral)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cnom.PostAsJsonAsync($"/discipline/complaints/{id}/referral", referral with { toDepartment = "75" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cnom.PostAsJsonAsync($"/discipline/complaints/{id}/referral", referral)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await paris.GetAsync($"/discipline/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.PostAsJsonAsync($"/discipline/complaints/{id}/acknowledgement", new { })).StatusCode);
        Assert.DoesNotContain((await paris.GetFromJsonAsync<ComplaintPage>("/discipline/complaints?pageSize=100"))!.Items, c => c.Id == id);
        Assert.Contains((await marseille.GetFromJsonAsync<ComplaintPage>("/discipline/complaints?pageSize=100"))!.Items, c => c.Id == id);
        await Step(marseille, id, "acknowledgement", new { });
        // The national council does not act in the council's place, and its president is seized only after 3 months.
        Assert.Equal(HttpStatusCode.Forbidden, (await cnom.PostAsJsonAsync($"/discipline/complaints/{id}/conciliators", new { conciliators = new[] { "Dr A" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await cnom.PostAsJsonAsync($"/discipline/complaints/{id}/recourse", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marseille.PostAsJsonAsync($"/discipline/complaints/{id}/recourse", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await cnom.PostAsJsonAsync($"/discipline/complaints/{id}/transmission", new { opinion = "avis" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cnom.GetAsync("/discipline/complaints?page=0")).StatusCode);
    }

    [Fact]
    public async Task Only_the_national_chamber_moves_a_case_and_not_before_its_six_months_have_run_out()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        var id = (await (await paris.PostAsJsonAsync("/discipline/complaints", new
        {
            rpps = doctor.Rpps, complainant = new { kind = "Authority", name = "Préfet" }, grounds = new[] { "Exercice dangereux" },
        })).Content.ReadFromJsonAsync<Created>())!.Id;
        var caseId = (await Step(paris, id, "transmission", new { opinion = "Griefs graves.", councilJoins = true })).CaseId!.Value;

        using var chamber = await system.HttpClientFor("cdpiidf");
        using var national = await system.HttpClientFor("cdn");
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/move", new { toRegion = "PAC" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/move", new { toRegion = "XX" })).StatusCode);
        var early = await national.PostAsJsonAsync($"/discipline/cases/{caseId}/move", new { toRegion = "PAC" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("ne peut être dépaysée", await early.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_doctor_suspended_in_an_emergency_by_the_ars_is_judged_within_two_months_and_the_sanction_applies_despite_an_appeal()
    {
        var suspended = await system.GrantedInscription();
        await system.Change(suspended, "suspensions", new { source = "ArsEmergency", from = Scenarios.Today }, "arsidf");
        var notSuspended = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        object Referral(string rpps, string kind = "Authority") => new
        {
            rpps, complainant = new { kind, name = "Directeur général de l'ARS Île-de-France" }, grounds = new[] { "Danger grave pour les patients" },
            emergencySuspension = true,
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await paris.PostAsJsonAsync("/discipline/complaints", Referral(suspended.Rpps!, "Patient"))).StatusCode);
        var unsuspended = await paris.PostAsJsonAsync("/discipline/complaints", Referral(notSuspended.Rpps!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsuspended.StatusCode);
        Assert.Contains("suspension d'urgence", await unsuspended.Content.ReadAsStringAsync());

        var created = await paris.PostAsJsonAsync("/discipline/complaints", Referral(suspended.Rpps!));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        var caseId = (await Step(paris, id, "transmission", new { opinion = "Suspension d'urgence du DG ARS.", councilJoins = true })).CaseId!.Value;

        using var chamber = await system.HttpClientFor("cdpiidf");
        var emergencyCase = await chamber.GetFromJsonAsync<EmergencyCaseView>($"/discipline/cases/{caseId}");
        Assert.Equal((true, Scenarios.Today.AddMonths(2)), (emergencyCase!.EmergencySuspension, emergencyCase.DecisionDueOn));
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/decision",
            new { form = "PresidentialOrder", outcome = "PracticeBan", banMonths = 3, suspendedMonths = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/notification", new { })).StatusCode);
        using var national = await system.HttpClientFor("cdn");
        Assert.Equal(HttpStatusCode.OK, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/appeal", new { })).StatusCode);

        // No waiting for the appeal window nor the appeal's outcome: the appeal does not suspend it (L.4113-14).
        var entry = await Eventually.Until(() => paris.GetFromJsonAsync<EntryWithSanctions>($"/tableau/register/{suspended.Rpps}"),
            e => e?.Sanctions.Count == 1, what: "emergency sanction recorded on the Tableau at notification");
        Assert.Equal((caseId, Scenarios.Today.AddDays(1)), (entry!.Sanctions[0].SanctionId, entry.Sanctions[0].From));
    }

    [Theory]
    [InlineData("labo-exemple", HttpStatusCode.Forbidden)]
    [InlineData("cdpiidf", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_departmental_councils_lodge_complaints(string? account, HttpStatusCode expected)
    {
        using var http = account is null ? new HttpClient { BaseAddress = system.Gateway.Url } : await system.HttpClientFor(account);
        var response = await http.PostAsJsonAsync("/discipline/complaints", Complaint(DemoDoctors.Rpps(12)));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static object Complaint(string rpps) => new
    {
        rpps,
        complainant = new { kind = "Patient", name = "Mme Durand" },
        grounds = new[] { "Qualité des soins" },
    };

    private static async Task<Changed> Step(HttpClient http, Guid id, string step, object body)
    {
        var response = await http.PostAsJsonAsync($"/discipline/complaints/{id}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Changed>())!;
    }

    [Fact]
    public async Task The_chamber_judges_the_transmitted_case_and_notifies_its_decision()
    {
        var doctor = await system.GrantedInscription();
        using var paris = await system.HttpClientFor("cdom75");
        var id = (await (await paris.PostAsJsonAsync("/discipline/complaints", Complaint(doctor.Rpps!))).Content.ReadFromJsonAsync<Created>())!.Id;
        await Step(paris, id, "conciliators", new { conciliators = new[] { "Dr Anne Petit", "Dr Paul Roux", "Dr Léa Blanc" } });
        await Step(paris, id, "convocation", new { meetingOn = Scenarios.Today });
        await Step(paris, id, "conciliation", new { outcome = "Absent" });
        var caseId = (await Step(paris, id, "transmission", new { opinion = "Griefs établis.", councilJoins = false })).CaseId!.Value;

        // The Île-de-France chamber judges it; another region's chamber neither sees nor acts on it, nor does a council.
        using var chamber = await system.HttpClientFor("cdpiidf");
        using var otherChamber = await system.HttpClientFor("cdpipaca");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherChamber.GetAsync($"/discipline/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherChamber.PostAsJsonAsync($"/discipline/cases/{caseId}/rapporteur", new { rapporteur = "Dr X" })).StatusCode);
        Assert.DoesNotContain((await otherChamber.GetFromJsonAsync<CasePage>("/discipline/cases?pageSize=100"))!.Items, c => c.Id == caseId);
        Assert.Contains((await chamber.GetFromJsonAsync<CasePage>("/discipline/cases?pageSize=100"))!.Items, c => c.Id == caseId);
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.GetAsync($"/discipline/cases/{caseId}")).StatusCode);
        using (var cnom = await system.HttpClientFor("cnom"))
            Assert.Equal(HttpStatusCode.OK, (await cnom.GetAsync($"/discipline/cases/{caseId}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/rapporteur", new { rapporteur = "Dr Hélène Garnier" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/hearing", new { hearingOn = Scenarios.Today })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/hearing", new { hearingOn = Scenarios.Today.AddDays(14) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/decision",
            new { form = "Collegial", outcome = "PracticeBan", banMonths = 6, suspendedMonths = 2 })).StatusCode); // before the hearing

        var decision = new { form = "PresidentialOrder", outcome = "PracticeBan", banMonths = 6, suspendedMonths = 2 };
        Assert.Equal(HttpStatusCode.Forbidden, (await paris.PostAsJsonAsync($"/discipline/cases/{caseId}/decision", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/decision", decision with { banMonths = 48 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/decision", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/notification", new { })).StatusCode);

        var judged = await chamber.GetFromJsonAsync<CaseView>($"/discipline/cases/{caseId}");
        Assert.Equal(("Notified", doctor.Rpps), (judged!.Status, judged.Rpps));

        // Appeal to the national chamber; its decision is final at once and reaches the Tableau over the bus.
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/appeal", new { })).StatusCode);
        using var national = await system.HttpClientFor("cdn");
        Assert.Equal(HttpStatusCode.OK, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/appeal", new { })).StatusCode);
        var ruling = new { ruling = "Replaced", decision = new { form = "Collegial", outcome = "PracticeBan", banMonths = 3, suspendedMonths = 0 } };
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.PostAsJsonAsync($"/discipline/cases/{caseId}/appeal/decision", ruling)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/appeal/decision", ruling)).StatusCode);
        Assert.Equal("Final", (await national.GetFromJsonAsync<CaseView>($"/discipline/cases/{caseId}"))!.Status);

        var entry = await Eventually.Until(() => paris.GetFromJsonAsync<EntryWithSanctions>($"/tableau/register/{doctor.Rpps}"),
            e => e?.Sanctions.Count == 1, what: "sanction recorded on the Tableau");
        var sanction = entry!.Sanctions.Single();
        Assert.Equal((caseId, "PracticeBan", Scenarios.Today.AddDays(1), true), (sanction.SanctionId, sanction.Kind, sanction.From, sanction.Pending));

        // Annulled in cassation: the sanction ends (SanctionEnded), and the Tableau cancels it.
        Assert.Equal(HttpStatusCode.OK, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/cassation", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await national.PostAsJsonAsync($"/discipline/cases/{caseId}/cassation/decision", new { outcome = "Annulled" })).StatusCode);
        await Eventually.Until(() => paris.GetFromJsonAsync<EntryWithSanctions>($"/tableau/register/{doctor.Rpps}"),
            e => e?.Sanctions.Single() is { Over: true, Pending: false }, what: "sanction cancelled on the Tableau");
    }

    private sealed record SanctionView(Guid SanctionId, string Kind, DateOnly From, DateOnly? To, bool Pending, bool Over);
    private sealed record EntryWithSanctions(IReadOnlyList<SanctionView> Sanctions);

    private sealed record Created(Guid Id);
    private sealed record Changed(Guid Id, string Status, long Version, Guid? CaseId);
    private sealed record CaseView(Guid Id, string Rpps, string Status);
    private sealed record EmergencyCaseView(Guid Id, bool EmergencySuspension, DateOnly DecisionDueOn);
    private sealed record ComplaintView(Guid Id, string Department, string HandlingDepartment);
    private sealed record ComplaintPage(IReadOnlyList<ComplaintView> Items, long Total);
    private sealed record CasePage(IReadOnlyList<CaseView> Items, long Total);
}
