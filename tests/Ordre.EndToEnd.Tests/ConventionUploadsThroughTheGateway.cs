using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ordre.Testing;
using Xunit.Abstractions;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// IDAHE's bulk CSV through the gateway, with real tokens, the real Tableau over gRPC (one batch call per 1,000 rows),
/// PostgreSQL and RabbitMQ: good rows recorded and bad ones reported by line, column and French message (JSON and CSV),
/// a re-upload changing nothing, test mode recording nothing, another company's 404, the size limit refused before the
/// body is read, a 20,000-row file decided while it is still being sent (the service's memory measured), and a sender cut
/// or the service killed mid-file leaving whole batches that the same file sent again completes.
/// </summary>
[Collection(SystemCollection.Name)]
public class ConventionUploadsThroughTheGateway(OrdreSystem system, ITestOutputHelper output)
{
    private const string Exemple = "labo-exemple", Autre = "labo-autre";
    private const string Header = "reference;categorie;beneficiaire;rpps;ine;nom;objet;nature;description;montant;date_avantage;debut_periode;fin_periode;urgent";

    private static string Day(int days) => Scenarios.Today.AddDays(days).ToString("yyyy-MM-dd");

    private static string Doctor(string reference, string rpps, string amount = "1500,00", string nature = "remuneration", int benefitIn = 45) =>
        $"{reference};honoraires;medecin;{rpps};;;Intervention au congrès;{nature};Honoraires;{amount};{Day(benefitIn)};{Day(benefitIn - 15)};{Day(benefitIn + 15)};non";

    private static string Student(string reference, string amount = "500,00", int benefitIn = 45) =>
        $"{reference};etudes;etudiant;;1234567890A;;Stage d'été;remuneration;Gratification;{amount};{Day(benefitIn)};{Day(benefitIn - 15)};{Day(benefitIn + 15)};";

    private static MultipartFormDataContent Form(string csv) =>
        new() { { new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)]) { Headers = { ContentType = new("text/csv") } }, "fichier", "conventions.csv" } };

    [Fact]
    public async Task Good_rows_are_recorded_bad_ones_reported_by_line_column_and_message_and_a_re_upload_changes_nothing()
    {
        var doctor = await system.GrantedInscription();
        var unknown = Scenarios.NewDoctor("75").Rpps!;
        using var company = await system.HttpClientFor(Exemple);
        var prefix = $"UP-{Guid.NewGuid():N}"[..11];
        var csv = string.Join("\r\n", Header,
            Doctor($"{prefix}-1", doctor.Rpps!),
            Doctor($"{prefix}-2", doctor.Rpps!, amount: "2500,00"),
            Doctor($"{prefix}-3", unknown, amount: "-5"),
            Doctor($"{prefix}-4", unknown),
            Student($"{prefix}-5").Replace("etudes", "cadeaux"),
            Doctor($"{prefix}-6", "12345678901")) + "\r\n";

        var created = await company.PostAsync("/conventions/uploads", Form(csv));
        var upload = await Json(created, HttpStatusCode.Created);
        Assert.Equal((6, 3, 0, 3, "Completed"), Counts(upload));
        var id = upload.GetProperty("id").GetGuid();

        var rows = (await Json(await company.GetAsync($"/conventions/uploads/{id}/report"), HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Accepted", "Accepted", "Rejected", "Accepted", "Rejected", "Rejected"], rows.Select(r => r.GetProperty("outcome").GetString()));
        // The Tableau's yes/no for each doctor; the regime from the thresholds; the legal dates with the calendar.
        Assert.Equal([true, true, false], new[] { 0, 1, 3 }.Select(i => rows[i].GetProperty("beneficiaryRegisteredAndPractising").GetBoolean()));
        Assert.Equal(["Declaration", "Authorisation"], new[] { 0, 1 }.Select(i => rows[i].GetProperty("parts")[0].GetProperty("regime").GetString()));
        Assert.Equal(Scenarios.Today.AddMonths(2), DateOnly.Parse(rows[1].GetProperty("parts")[0].GetProperty("decisionDueOn").GetString()!));
        Assert.Equal(Scenarios.Today.AddMonths(2).AddDays(1), DateOnly.Parse(rows[1].GetProperty("parts")[0].GetProperty("authorisedBySilenceOn").GetString()!));
        var dossierId = rows[1].GetProperty("parts")[0].GetProperty("dossierId").GetGuid();
        Assert.Equal("UnderReview", (await Json(await company.GetAsync($"/conventions/dossiers/{dossierId}"), HttpStatusCode.OK)).GetProperty("dossier").GetProperty("status").GetString());
        string Error(int i) => rows[i].GetProperty("row").GetInt32() + " " + rows[i].GetProperty("errors")[0].GetProperty("column").GetString() + " " + rows[i].GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.StartsWith("4 montant Le montant est en euros, positif ou nul", Error(2));
        Assert.StartsWith("6 categorie « cadeaux » n'est pas reconnu", Error(4));
        Assert.StartsWith("7 rpps Le numéro RPPS du médecin doit comporter 11 chiffres", Error(5));

        // The report as CSV: one line per error, with its line, column and message.
        var report = await company.GetAsync($"/conventions/uploads/{id}/report?format=csv");
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        var lines = (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith($"6;\"{prefix}-5\";refusee;\"categorie\";\"« cadeaux » n'est pas reconnu", lines[5]);

        // The same file again: nothing changes.
        var again = await Json(await company.PostAsync("/conventions/uploads", Form(csv)), HttpStatusCode.Created);
        Assert.Equal((6, 0, 3, 3, "Completed"), Counts(again));
        var againRows = (await Json(await company.GetAsync($"/conventions/uploads/{again.GetProperty("id").GetGuid()}/report"), HttpStatusCode.OK)).GetProperty("rows");
        Assert.Equal(dossierId, againRows[1].GetProperty("parts")[0].GetProperty("dossierId").GetGuid());

        // Another company: no such upload. Its own list does not show it; the company's does, newest first.
        using var autre = await system.HttpClientFor(Autre);
        await Problem(await autre.GetAsync($"/conventions/uploads/{id}"), HttpStatusCode.NotFound);
        await Problem(await autre.GetAsync($"/conventions/uploads/{id}/report?format=csv"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Json(await autre.GetAsync("/conventions/uploads"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal(again.GetProperty("id").GetGuid(), (await Json(await company.GetAsync("/conventions/uploads"), HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetGuid());
        // A page at a time: the second of one is the first upload; a page out of range is a problem.
        var second = await Json(await company.GetAsync("/conventions/uploads?page=2&pageSize=1"), HttpStatusCode.OK);
        Assert.Equal((id, 2, 1), (second.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.True(second.GetProperty("total").GetInt64() >= 2);
        await Problem(await company.GetAsync("/conventions/uploads?pageSize=101"), HttpStatusCode.BadRequest);
        using var cnom = await system.HttpClientFor("cnom");
        await Problem(await cnom.GetAsync($"/conventions/uploads/{id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Test_mode_answers_every_row_and_the_single_submission_and_records_nothing()
    {
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Exemple);
        var prefix = $"TM-{Guid.NewGuid():N}"[..11];
        // Remuneration under its threshold and hospitality above: the convention would be split in two dossiers.
        var csv = string.Join("\n", Header, Doctor($"{prefix}-1", doctor.Rpps!), Doctor($"{prefix}-2", doctor.Rpps!, amount: "3000,00", nature: "hospitalite"),
            Student($"{prefix}-3", amount: "1,001"));

        var tested = await Json(await company.PostAsync("/conventions/uploads?mode=test", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal((3, 2, 1), (tested.GetProperty("rows").GetInt32(), tested.GetProperty("accepted").GetInt32(), tested.GetProperty("rejected").GetInt32()));
        var results = tested.GetProperty("results");
        var declaration = results[0].GetProperty("parts")[0];
        Assert.Equal(("Declaration", true, JsonValueKind.Null), (declaration.GetProperty("regime").GetString(),
            results[0].GetProperty("beneficiaryRegisteredAndPractising").GetBoolean(), declaration.GetProperty("dossierId").ValueKind));
        Assert.True(DateOnly.Parse(declaration.GetProperty("latestSendingOn").GetString()!) < Scenarios.Today.AddDays(45));
        Assert.Equal("Authorisation", results[1].GetProperty("parts")[0].GetProperty("regime").GetString());
        Assert.Equal("montant", results[2].GetProperty("errors")[0].GetProperty("column").GetString());

        // The single submission in test mode, then for real: it is new (201), so the test recorded nothing.
        var single = new
        {
            reference = $"{prefix}-S", category = "Fees", beneficiary = new { kind = "Doctor", rpps = doctor.Rpps }, purpose = "Conseil scientifique",
            benefits = new[] { new { nature = "Remuneration", description = "Honoraires", amount = 2_500m } },
            periodFrom = Scenarios.Today, periodTo = Scenarios.Today.AddMonths(3), benefitOn = Scenarios.Today.AddMonths(1),
        };
        var preCheck = await Json(await company.PostAsJsonAsync("/conventions/dossiers?mode=test", single), HttpStatusCode.OK);
        Assert.Equal(("Accepted", "Authorisation"), (preCheck.GetProperty("outcome").GetString(), preCheck.GetProperty("parts")[0].GetProperty("regime").GetString()));
        await Json(await company.PostAsJsonAsync("/conventions/dossiers", single), HttpStatusCode.Created);

        // The file for real: every valid row is new.
        var recorded = await Json(await company.PostAsync("/conventions/uploads", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.Created);
        Assert.Equal((3, 2, 0, 1, "Completed"), Counts(recorded));
    }

    [Fact]
    public async Task A_file_off_the_template_or_over_the_limit_is_a_problem_before_anything_is_recorded()
    {
        using var company = await system.HttpClientFor(Exemple);
        var missing = await Problem(await company.PostAsync("/conventions/uploads", new StringContent(Header.Replace(";objet", "") + "\nx", Encoding.UTF8, "text/csv")),
            HttpStatusCode.BadRequest);
        Assert.Contains("« objet » absente", missing.GetProperty("detail").GetString());
        await Problem(await company.PostAsJsonAsync("/conventions/uploads", new { csv = "x" }), HttpStatusCode.UnsupportedMediaType);

        // Over 50 MiB: the gateway answers 413 on the declared length, before the body is sent (Expect: 100-continue).
        using var oversize = new HttpRequestMessage(HttpMethod.Post, "/conventions/uploads")
        {
            Content = new StreamContent(new MemoryStream(new byte[51 * 1024 * 1024])) { Headers = { ContentType = new("text/csv") } },
        };
        oversize.Headers.ExpectContinue = true;
        var refused = await Problem(await company.SendAsync(oversize), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("51200 Kio", refused.GetProperty("detail").GetString());
        // A body sent in chunks, its size unknown until its end: refused before a row is read (its first batches would be
        // recorded before an oversize end was reached), nothing recorded.
        var uploads = (await Json(await company.GetAsync("/conventions/uploads"), HttpStatusCode.OK)).GetProperty("total").GetInt64();
        var chunked = new StreamContent(new GeneratedCsv(Header, 1_500, i => Student($"CHUNK-{Guid.NewGuid():N}"[..20]))) { Headers = { ContentType = new("text/csv") } };
        var lengthRequired = await Problem(await company.PostAsync("/conventions/uploads", chunked), HttpStatusCode.LengthRequired);
        Assert.Contains("Content-Length", lengthRequired.GetProperty("detail").GetString());
        Assert.Equal(uploads, (await Json(await company.GetAsync("/conventions/uploads"), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        // Elsewhere the limit stays 1 MiB.
        await Problem(await company.PostAsync("/conventions/dossiers?mode=test",
            new StringContent(JsonSerializer.Serialize(new { purpose = new string('a', 2 * 1024 * 1024) }), Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_large_file_is_decided_while_it_is_still_being_sent_with_bounded_memory()
    {
        const int rows = 20_000;
        var doctor = await system.GrantedInscription();
        using var company = await system.HttpClientFor(Autre);
        var prefix = $"BIG-{Guid.NewGuid():N}"[..12];
        var conventions = system.Service("conventions");
        var baseline = Rss(conventions.ProcessId);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(conventions.ProcessId));
                await Task.Delay(50);
            }
        });
        var seenWhileSending = 0;
        // Half the rows a doctor (the Tableau asked once per 1,000 rows), half students; produced as the request body is read.
        // Benefits two years ahead: these 20,000 declarations close then, not when another test moves the service's clock by weeks.
        var body = new GeneratedCsv(Header, rows, i => i % 2 == 0 ? Doctor($"{prefix}-{i:D6}", doctor.Rpps!, benefitIn: 730) : Student($"{prefix}-{i:D6}", benefitIn: 730), async written =>
        {
            if (written != rows / 2)
                return;
            // Halfway: the service has already recorded whole batches and shows its progress.
            seenWhileSending = await Eventually.Until(async () =>
            {
                var list = await company.GetFromJsonAsync<JsonElement>("/conventions/uploads");
                return list.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("status").GetString() == "Processing").Select(u => u.GetProperty("rows").GetInt32()).FirstOrDefault();
            }, n => n >= 1_000, TimeSpan.FromSeconds(120), "rows recorded while the file is still being sent");
        });
        var clock = Stopwatch.StartNew();
        var response = await company.PostAsync("/conventions/uploads", body.AsContent());
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var upload = await Json(response, HttpStatusCode.Created);
        Assert.Equal((rows, rows, 0, 0, "Completed"), Counts(upload));
        Assert.InRange(seenWhileSending, 1_000, rows / 2);
        output.WriteLine($"{rows} rows, {body.Position / 1024} KiB sent in chunks through the gateway, decided in {clock.Elapsed.TotalSeconds:F1} s; " +
                         $"{seenWhileSending} rows recorded before the second half was sent; conventions' RSS {baseline / 1024 / 1024} MiB before, " +
                         $"peak {peak / 1024 / 1024} MiB during (+{(peak - baseline) / 1024 / 1024} MiB)");
        Assert.True(peak - baseline < 200L * 1024 * 1024, $"RSS grew by {(peak - baseline) / 1024 / 1024} MiB");

        // The Tableau was asked once per batch of 1,000 rows, never once per row: its audit trail has one line per gRPC
        // call naming the doctor, who is in every other row.
        using var cnom = await system.HttpClientFor("cnom");
        var trail = await Json(await cnom.GetAsync($"/tableau/audit?record={doctor.Rpps}&pageSize=200"), HttpStatusCode.OK);
        var lookups = trail.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("path").GetString()!.EndsWith("/GetStatuses", StringComparison.Ordinal));
        Assert.Equal(rows / 1_000, lookups);
    }

    [Fact]
    public async Task An_upload_cut_mid_file_keeps_its_whole_batches_and_sending_the_file_again_completes_it()
    {
        const int rows = 3_000;
        using var company = await system.HttpClientFor(Exemple);
        var prefix = $"CUT-{Guid.NewGuid():N}"[..12];
        string Row(int i) => Student($"{prefix}-{i:D6}", benefitIn: 700);
        // The sender fails after 2,500 rows: the connection is dropped mid-body.
        var cut = new GeneratedCsv(Header, rows, Row, written => written == 2_500
            ? Task.Delay(2_000).ContinueWith(_ => throw new IOException("the sender crashed"))
            : Task.CompletedTask);
        await Assert.ThrowsAnyAsync<Exception>(() => company.PostAsync("/conventions/uploads", cut.AsContent()));

        // The batches read in whole before the cut are recorded, the upload says it stopped.
        var interrupted = await Eventually.Until(async () => (await company.GetFromJsonAsync<JsonElement>("/conventions/uploads")).GetProperty("items")[0],
            u => u.GetProperty("status").GetString() != "Processing", TimeSpan.FromSeconds(30), "the cut upload marked as stopped");
        Assert.Equal("Interrupted", interrupted.GetProperty("status").GetString());
        var recorded = interrupted.GetProperty("accepted").GetInt32();
        Assert.Equal(0, recorded % 1_000);
        Assert.InRange(recorded, 1_000, 2_000);

        // The whole file again: the rows already recorded are unchanged, the others recorded now.
        var again = await Json(await company.PostAsync("/conventions/uploads", new GeneratedCsv(Header, rows, Row).AsContent()), HttpStatusCode.Created);
        Assert.Equal((rows, rows - recorded, recorded, 0, "Completed"), Counts(again));
    }

    [Fact]
    public async Task A_crash_of_the_service_mid_upload_leaves_whole_batches_and_sending_the_file_again_completes_it()
    {
        const int rows = 5_000;
        using var company = await system.HttpClientFor(Autre);
        using var cnom = await system.HttpClientFor("cnom");
        var prefix = $"CRASH-{Guid.NewGuid():N}"[..14];
        string Row(int i) => Student($"{prefix}-{i:D6}", benefitIn: 700);
        string? companyId = null;
        async Task<long> Dossiers() =>
            (await Json(await cnom.GetAsync($"/conventions/review?company={companyId}&pageSize=1"), HttpStatusCode.OK)).GetProperty("total").GetInt64();

        // The service is killed (SIGKILL: nothing flushed, the batch being saved rolled back) once it has recorded a batch,
        // while the file is still being sent.
        var crashing = new GeneratedCsv(Header, rows, Row, async written =>
        {
            if (written != 3_000)
                return;
            var processing = await Eventually.Until(async () => (await company.GetFromJsonAsync<JsonElement>("/conventions/uploads")).GetProperty("items").EnumerateArray().FirstOrDefault(),
                u => u.ValueKind == JsonValueKind.Object && u.GetProperty("status").GetString() == "Processing" && u.GetProperty("accepted").GetInt32() >= 1_000,
                TimeSpan.FromSeconds(60), "a batch recorded");
            companyId = processing.GetProperty("companyId").GetString();
            await system.Service("conventions").KillAsync();
        });
        try
        {
            try
            {
                using var lost = await company.PostAsync("/conventions/uploads", crashing.AsContent());
                Assert.True((int)lost.StatusCode >= 500, $"{(int)lost.StatusCode} from a service killed mid-upload");
            }
            catch (HttpRequestException)
            {
                // The gateway may drop the connection instead of answering 502.
            }
            // Started again a day later on its clock: its sweep at start marks the upload that no process will finish.
            await system.RestartServiceAsync("conventions", clockShiftDays: 1);
            var interrupted = await Eventually.Until(async () => (await company.GetFromJsonAsync<JsonElement>("/conventions/uploads")).GetProperty("items")[0],
                u => u.GetProperty("status").GetString() != "Processing", TimeSpan.FromSeconds(60), "the upload of the killed process marked as stopped");
            Assert.Equal("Interrupted", interrupted.GetProperty("status").GetString());
            var recorded = interrupted.GetProperty("accepted").GetInt32();
            Assert.Equal(0, recorded % 1_000);
            Assert.InRange(recorded, 1_000, 3_000);
            var uploadId = interrupted.GetProperty("id").GetGuid();
            Assert.Equal(recorded, (await Json(await company.GetAsync($"/conventions/uploads/{uploadId}/report"), HttpStatusCode.OK)).GetProperty("rows").GetArrayLength());

            // Whole batches only: the company's dossiers grew by what the upload says it recorded; the file sent again completes it.
            var counted = await Dossiers();
            var again = await Json(await company.PostAsync("/conventions/uploads", new GeneratedCsv(Header, rows, Row).AsContent()), HttpStatusCode.Created);
            Assert.Equal((rows, rows - recorded, recorded, 0, "Completed"), Counts(again));
            Assert.Equal(counted + rows - recorded, await Dossiers());
            output.WriteLine($"killed after {recorded} rows recorded; the company's dossiers: {counted} after the crash, {counted + rows - recorded} after the file sent again");
        }
        finally
        {
            await system.RestartServiceAsync("conventions");
        }
    }

    /// <summary>The resident set of a process (Linux /proc), in bytes.</summary>
    private static long Rss(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:")).Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).Single();

    private static (int, int, int, int, string?) Counts(JsonElement upload) => (upload.GetProperty("rows").GetInt32(), upload.GetProperty("accepted").GetInt32(),
        upload.GetProperty("unchanged").GetInt32(), upload.GetProperty("rejected").GetInt32(), upload.GetProperty("status").GetString());

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await Json(response, expected);
    }
}
