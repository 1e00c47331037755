using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using Ordre.Contracts.Conventions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Ordre.Conventions.Dossiers;
using Ordre.Conventions.Dossiers.Submitting;
using Ordre.Conventions.Dossiers.Uploading;
using Xunit.Abstractions;
using Ordre.Testing;

namespace Ordre.Conventions.Tests;

/// <summary>
/// The bulk upload in process on real PostgreSQL: good and bad rows, the report per row (JSON and CSV), a re-upload that
/// changes nothing, test mode that records nothing, another company's 404, a large file read as it is sent. Students and
/// associations only: no Tableau here (the system tests check doctors through the gateway).
/// </summary>
public class UploadsInProcess(ConventionsInProcessForCompanies conventions, ITestOutputHelper output) : IClassFixture<ConventionsInProcessForCompanies>
{
    private const string Header = "reference;categorie;beneficiaire;rpps;ine;nom;objet;nature;description;montant;date_avantage;debut_periode;fin_periode;urgent";

    private static string Student(string reference, string amount = "500,00", string benefitOn = "2027-02-15") =>
        $"{reference};etudes;etudiant;;1234567890A;;Stage d'été;remuneration;Gratification;{amount};{benefitOn};2027-01-04;2027-03-31;non";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Good_rows_are_recorded_bad_ones_reported_a_re_upload_changes_nothing_and_only_the_company_reads_it()
    {
        var company = "111111118";
        using var http = conventions.ClientFor(company);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var file = string.Join("\r\n", Header,
            Student($"{prefix}-1"),
            Student($"{prefix}-2", amount: "12,345"),
            $"{prefix}-3;divers;association;;;Association des internes;Journée de formation;formation;\"Salle; pauses\";750,00;2027-04-10;2027-04-01;2027-04-30;",
            Student($"{prefix}-4", benefitOn: "2027-13-01"),
            Student($"{prefix}-5").Replace("etudes", "cadeaux"),
            "tronquée;etudes",
            Student($"{prefix}-6", amount: "9000,00")) + "\r\n";

        var created = await http.PostAsync("/uploads", Csv(file));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var upload = (await created.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(("Completed", 7, 3, 0, 4, 100), (upload.GetProperty("status").GetString(), upload.GetProperty("rows").GetInt32(),
            upload.GetProperty("accepted").GetInt32(), upload.GetProperty("unchanged").GetInt32(), upload.GetProperty("rejected").GetInt32(), upload.GetProperty("percent").GetInt32()));
        var id = upload.GetProperty("id").GetGuid();
        Assert.Equal($"/uploads/{id}", created.Headers.Location!.OriginalString);

        // The report: every row in the file's order, the bad ones with their line, column and a French message.
        var report = await http.GetFromJsonAsync<JsonElement>($"/uploads/{id}/report");
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(["Accepted", "Rejected", "Accepted", "Rejected", "Rejected", "Rejected", "Accepted"], rows.Select(r => r.GetProperty("outcome").GetString()));
        string[] Error(int i) => [.. rows[i].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString() + ": " + e.GetProperty("message").GetString())];
        Assert.Contains("au centime près", Assert.Single(Error(1)));
        Assert.StartsWith("montant: ", Error(1)[0]);
        Assert.StartsWith("date_avantage: « 2027-13-01 » n'est pas une date", Assert.Single(Error(3)));
        Assert.StartsWith("categorie: « cadeaux » n'est pas reconnu", Assert.Single(Error(4)));
        Assert.StartsWith("ligne: La ligne compte 2 colonnes", Assert.Single(Error(5)));
        // Above the student's 800 € threshold: authorisation, with its legal dates; below: a declaration and its latest sending day.
        var authorisation = Assert.Single(rows[6].GetProperty("parts").EnumerateArray());
        Assert.Equal("Authorisation", authorisation.GetProperty("regime").GetString());
        Assert.Equal(new DateOnly(2027, 1, 22), DateOnly.Parse(authorisation.GetProperty("decisionDueOn").GetString()!));
        Assert.Equal(new DateOnly(2027, 1, 23), DateOnly.Parse(authorisation.GetProperty("authorisedBySilenceOn").GetString()!));
        Assert.Equal("Declaration", rows[0].GetProperty("parts")[0].GetProperty("regime").GetString());

        // The same report as CSV (Accept: text/csv, or ?format=csv).
        using var asCsv = new HttpRequestMessage(HttpMethod.Get, $"/uploads/{id}/report");
        asCsv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await http.SendAsync(asCsv)).Content.ReadAsStringAsync();
        Assert.Equal(csv, await http.GetStringAsync($"/uploads/{id}/report?format=csv"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ligne;reference;resultat;colonne;message", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"5;\"{prefix}-4\";refusee;\"date_avantage\";\"« 2027-13-01 » n'est pas une date", StringComparison.Ordinal));
        Assert.Contains($"2;\"{prefix}-1\";acceptee;;", lines);

        // The same file again: nothing changes; the same reference with another content is refused on its row.
        var dossiers = await CountDossiers(company);
        Assert.Equal(3, dossiers);
        var again = await (await http.PostAsync("/uploads", Csv(file))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3, 4), (again.GetProperty("accepted").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("rejected").GetInt32()));
        Assert.Equal(dossiers, await CountDossiers(company));
        var changed = await (await http.PostAsync("/uploads", Csv(Header + "\n" + Student($"{prefix}-1", amount: "501,00")))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, changed.GetProperty("rejected").GetInt32());
        Assert.Equal(dossiers, await CountDossiers(company));

        // Another company: neither the upload nor its report exists.
        using var other = conventions.ClientFor("222222226");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/uploads/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/uploads/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/uploads/{id}")).StatusCode);
    }

    [Fact]
    public async Task Test_mode_answers_every_row_and_records_nothing()
    {
        var company = "333333334";
        using var http = conventions.ClientFor(company);
        var before = (await CountDossiers(company), await Count<CompanySubmission>(), await Count<ConventionUpload>());
        var file = string.Join("\n", Header, Student("T-1"), Student("T-2", amount: "-1"), Student("T-3", amount: "9000"));

        var response = await http.PostAsync("/uploads?mode=test", Csv(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 2, 1), (answer.GetProperty("rows").GetInt32(), answer.GetProperty("accepted").GetInt32(), answer.GetProperty("rejected").GetInt32()));
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        var declaration = results[0].GetProperty("parts")[0];
        Assert.Equal(("Declaration", JsonValueKind.Null), (declaration.GetProperty("regime").GetString(), declaration.GetProperty("dossierId").ValueKind));
        // The 8th jour ouvrable before Monday 15 February 2027 (Paris calendar, Saturdays counted): Friday 5 February.
        Assert.Equal(new DateOnly(2027, 2, 5), DateOnly.Parse(declaration.GetProperty("latestSendingOn").GetString()!));
        Assert.Equal("montant", results[1].GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal("Authorisation", results[2].GetProperty("parts")[0].GetProperty("regime").GetString());

        // The single submission in test mode: the same pre-check, errors with the JSON field names.
        var single = await http.PostAsJsonAsync("/dossiers?mode=test", new
        {
            reference = "T-SINGLE", category = "Studies", beneficiary = new { kind = "Student", ine = "1234567890A" }, purpose = "Stage",
            benefits = new[] { new { nature = "Remuneration", description = "Gratification", amount = 900m } },
            periodFrom = "2027-01-04", periodTo = "2027-03-31", benefitOn = "2027-02-15",
        });
        var pre = await single.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, "Accepted", "Authorisation"), (single.StatusCode, pre.GetProperty("outcome").GetString(), pre.GetProperty("parts")[0].GetProperty("regime").GetString()));
        var invalid = await (await http.PostAsJsonAsync("/dossiers?mode=test", new { reference = "T-BAD" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", invalid.GetProperty("outcome").GetString());
        Assert.Contains("purpose", invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/dossiers?mode=essai", new { reference = "T-BAD" })).StatusCode);

        Assert.Equal(before, (await CountDossiers(company), await Count<CompanySubmission>(), await Count<ConventionUpload>()));
    }

    [Fact]
    public async Task A_file_off_the_template_is_a_problem_naming_its_first_fault_and_nothing_is_recorded()
    {
        using var http = conventions.ClientFor("444444440");
        var before = await Count<ConventionUpload>();
        var missing = await http.PostAsync("/uploads", Csv(Header.Replace(";montant", "") + "\n" + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Contains("« montant » absente", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsJsonAsync("/uploads", new { csv = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/uploads", Csv(""))).StatusCode);
        Assert.Equal(before, await Count<ConventionUpload>());

        // The file of a multipart form is read the same way.
        using var form = new MultipartFormDataContent { { new StringContent(Header + "\n" + Student("M-1"), Encoding.UTF8, "text/csv"), "fichier", "conventions.csv" } };
        var multipart = await (await http.PostAsync("/uploads", form)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("conventions.csv", 1), (multipart.GetProperty("fileName").GetString(), multipart.GetProperty("accepted").GetInt32()));
    }

    [Fact]
    public async Task A_large_file_is_decided_batch_by_batch()
    {
        const int rows = 20_000;
        var company = "555555555";
        using var http = conventions.ClientFor(company);
        var body = new GeneratedCsv(Header, rows, i => Student($"BIG-{i:D6}"));
        var clock = Stopwatch.StartNew();
        var response = await http.PostAsync("/uploads", body.AsContent());
        clock.Stop();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((rows, rows), (upload.GetProperty("rows").GetInt32(), upload.GetProperty("accepted").GetInt32()));
        output.WriteLine($"{rows} rows ({body.Position / 1024} KiB) recorded in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(rows, await CountDossiers(company));
        var report = await http.GetFromJsonAsync<JsonElement>($"/uploads/{upload.GetProperty("id").GetGuid()}/report");
        Assert.Equal(rows, report.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task An_upload_is_counted_on_the_bus_by_one_message_per_batch_and_its_dossiers_are_not_published_one_by_one()
    {
        var batches = Channel.CreateUnbounded<ConventionDossiersSubmitted>();
        var singles = Channel.CreateUnbounded<ConventionDossierSubmitted>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(conventions.Broker.Amqp);
            rabbit.ReceiveEndpoint("test-upload-batches", e => e.Handler<ConventionDossiersSubmitted>(c => batches.Writer.WriteAsync(c.Message).AsTask()));
            rabbit.ReceiveEndpoint("test-upload-singles", e => e.Handler<ConventionDossierSubmitted>(c => singles.Writer.WriteAsync(c.Message).AsTask()));
        });
        await bus.StartAsync();
        try
        {
            const int rows = 2_500;
            var company = "666666666";
            using var http = conventions.ClientFor(company);
            // 2,499 declarations and one authorisation (above the student's 800 €), in three batches of 1,000, 1,000 and 500.
            var body = new GeneratedCsv(Header, rows, i => Student($"BUS-{i:D6}", amount: i == 1_234 ? "900,00" : "500,00"));
            var response = await http.PostAsync("/uploads", body.AsContent());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var received = new List<ConventionDossiersSubmitted>();
            while (received.Sum(b => b.Counts.Sum(c => c.Dossiers)) < rows)
                received.Add(await batches.Reader.ReadAsync(timeout.Token));
            Assert.Equal(3, received.Count);
            Assert.Equal([1_000, 1_000, 500], received.Select(b => b.Counts.Sum(c => c.Dossiers)).Order().Reverse());
            var month = ParisCalendar.Today(conventions.Clock).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(received, b => Assert.Equal(month, b.Month));
            Assert.Equal(1, received.SelectMany(b => b.Counts).Where(c => c.Regime == "Authorisation").Sum(c => c.Dossiers));
            Assert.Equal(rows - 1, received.SelectMany(b => b.Counts).Where(c => c.Regime == "Declaration" && c.Category == "Studies").Sum(c => c.Dossiers));

            // None of these dossiers was published by itself (a single submission still is: DeadlinesSweptByTheClock).
            await Task.Delay(TimeSpan.FromSeconds(2));
            await using var query = conventions.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var ids = (await query.Query<Dossier>().Where(d => d.CompanyId == company).Select(d => d.Id).ToListAsync()).ToHashSet();
            Assert.Equal(rows, ids.Count);
            var published = new List<Guid>();
            while (singles.Reader.TryRead(out var single))
                published.Add(single.DossierId);
            Assert.DoesNotContain(published, ids.Contains);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task A_reference_recorded_by_another_batch_meanwhile_fails_the_whole_batch_as_a_duplicate_so_it_is_decided_again()
    {
        var store = conventions.Services.GetRequiredService<IDocumentStore>();
        var tableau = conventions.Services.GetRequiredService<Ordre.Contracts.Tableau.Lookup.PractitionerLookup.PractitionerLookupClient>();
        var today = ParisCalendar.Today(conventions.Clock);
        var reference = $"DUP-{Guid.NewGuid():N}"[..16];
        ConventionInput Input(string name) => new(2, new SubmitDossier(name, ConventionCategory.Studies,
            new BeneficiaryRequest(BeneficiaryKind.Student, null, "1234567890A", null), "Stage d'été",
            [new BenefitRequest(BenefitNature.Remuneration, "Gratification", 500m)], today.AddDays(30), today.AddDays(60), today.AddDays(40)), []);
        // Two batches decided at the same time, neither seeing the other's reference; the first commits.
        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        await ConventionBatch.DecideAsync([Input(reference)], "777777777", today, first, first, tableau, conventions.Clock, "test", CancellationToken.None);
        await ConventionBatch.DecideAsync([Input($"{reference}-B"), Input(reference)], "777777777", today, second, second, tableau, conventions.Clock, "test", CancellationToken.None);
        await first.SaveChangesAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => second.SaveChangesAsync());
        Assert.True(ConventionBatch.IsDuplicate(refused), refused.ToString());
        // Nothing of the second batch was written, not even its other reference.
        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<CompanySubmission>($"777777777/{reference}-B"));
        Assert.Equal(1, await query.Query<Dossier>().CountAsync(d => d.CompanyId == "777777777" && d.Reference.StartsWith(reference)));
    }

    [Fact]
    public async Task Dossiers_written_by_one_statement_per_batch_are_the_rows_Marten_writes_and_their_snapshot_is_their_events_applied()
    {
        var store = conventions.Services.GetRequiredService<IDocumentStore>();
        var today = ParisCalendar.Today(conventions.Clock);
        var prefix = $"SET-{Guid.NewGuid():N}"[..12];
        var tableau = new Ordre.Conventions.Dossiers.Beneficiaries.TableauAnswer(true, "69");
        IReadOnlyList<(Guid Id, object[] Events)> Decided(string reference, decimal amount, Ordre.Conventions.Dossiers.Beneficiaries.TableauAnswer? answer) =>
            SubmitDossierEndpoint.Decide(new SubmitDossier(reference, ConventionCategory.Studies,
                new BeneficiaryRequest(BeneficiaryKind.Student, null, "1234567890A", null), "Stage d'été",
                [new BenefitRequest(BenefitNature.Remuneration, "Gratification", amount), new BenefitRequest(BenefitNature.Hospitality, "Repas", 12_000m)],
                today.AddDays(30), today.AddDays(60), today.AddDays(40)), "777777777", today, answer, conventions.Clock, "test");
        // The same conventions, one checked by the Tableau (two events) and one not, written by Marten and by the batch's statements.
        var byMarten = Decided($"{prefix}-M1", 500m, tableau).Concat(Decided($"{prefix}-M2", 900m, null)).ToList();
        var bySet = Decided($"{prefix}-S1", 500m, tableau).Concat(Decided($"{prefix}-S2", 900m, null)).ToList();
        await using (var session = store.LightweightSession())
        {
            foreach (var (id, events) in byMarten)
                session.Events.StartStream<Dossier>(id, events);
            await session.SaveChangesAsync();
        }
        DateTimeOffset before;
        await using (var clock = store.QuerySession())
            before = (await clock.AdvancedSql.QueryAsync<DateTimeOffset>("select clock_timestamp()", CancellationToken.None)).Single();
        await using (var session = store.LightweightSession())
        {
            var writer = new DossierBatchWriter(session);
            foreach (var (id, events) in bySet)
                writer.Add(id, events);
            writer.Queue();
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        async Task<string> Rows(Guid id) => string.Join(" / ",
            (await query.AdvancedSql.QueryAsync<string>("select concat_ws('|', type, version, tenant_id, is_archived, compacted_version) from conventions.mt_streams where id = ?", CancellationToken.None, id)).Single(),
            string.Join(", ", await query.AdvancedSql.QueryAsync<string>(
                "select concat_ws('|', version, type, mt_dotnet_type, tenant_id, is_archived, bdata is null) from conventions.mt_events where stream_id = ? order by seq_id", CancellationToken.None, id)),
            (await query.AdvancedSql.QueryAsync<string>("select concat_ws('|', mt_dotnet_type, mt_version) from conventions.mt_doc_dossier where id = ?", CancellationToken.None, id)).Single());
        Assert.Equal(byMarten.Count, bySet.Count);
        // Each event's time is its transaction's, as Marten's append writes it (mt_events' own default is a constant).
        var times = await query.AdvancedSql.QueryAsync<DateTimeOffset>("select timestamp from conventions.mt_events where stream_id = any(?)",
            CancellationToken.None, bySet.Select(d => d.Id).ToArray());
        Assert.Equal(bySet.Sum(d => d.Events.Length), times.Count);
        Assert.All(times, t => Assert.InRange(t, before, DateTimeOffset.UtcNow.AddMinutes(1)));
        for (var i = 0; i < byMarten.Count; i++)
        {
            var written = await Rows(bySet[i].Id);
            output.WriteLine(written);
            Assert.Equal(await Rows(byMarten[i].Id), written);
            // The snapshot is what Marten's projection gives from the events; a command appends after them as usual.
            var snapshot = await query.LoadAsync<Dossier>(bySet[i].Id);
            var aggregated = await query.Events.AggregateStreamAsync<Dossier>(bySet[i].Id);
            Assert.Equal(JsonSerializer.Serialize(aggregated), JsonSerializer.Serialize(snapshot));
            Assert.Equal(JsonSerializer.Serialize((await query.LoadAsync<Dossier>(byMarten[i].Id))! with { Id = Guid.Empty, Reference = "", LinkedDossierId = null }),
                JsonSerializer.Serialize(snapshot! with { Id = Guid.Empty, Reference = "", LinkedDossierId = null }));
        }
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Dossier>(bySet[0].Id);
            Assert.Equal(bySet[0].Events.Length, stream.CurrentVersion);
            stream.AppendOne(new Ordre.Conventions.Dossiers.Recommending.RecommendationIssued(bySet[0].Id, "Rien à redire", today, "test", ConventionCategory.Studies));
            await session.SaveChangesAsync();
        }
        await using var after = store.QuerySession();
        Assert.Equal("Rien à redire", (await after.LoadAsync<Dossier>(bySet[0].Id))!.Recommendation);
    }

    [Fact]
    public async Task A_company_s_list_counts_its_dossiers_exactly_up_to_a_bound_and_beyond_says_only_that_there_are_more()
    {
        // A company of its own (this fixture's other tests add to theirs): five dossiers.
        var company = "444444442";
        using var http = conventions.ClientFor(company);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var file = string.Join("\r\n", [Header, .. Enumerable.Range(1, 5).Select(i => Student($"{prefix}-{i}"))]) + "\r\n";
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/uploads", Csv(file))).StatusCode);
        var all = await CountDossiers(company);
        Assert.True(all >= 5, $"{all} dossiers");

        // Through the endpoint (bound 10,000): exact, and whether a next page exists.
        var listed = await http.GetFromJsonAsync<JsonElement>("/dossiers?pageSize=2");
        Assert.Equal((all, true, true, 2), (listed.GetProperty("total").GetInt64(), listed.GetProperty("totalIsExact").GetBoolean(),
            listed.GetProperty("hasMore").GetBoolean(), listed.GetProperty("items").GetArrayLength()));
        var last = await http.GetFromJsonAsync<JsonElement>($"/dossiers?pageSize=2&page={(all + 1) / 2}");
        Assert.False(last.GetProperty("hasMore").GetBoolean());

        // With a bound below the company's count: the total stops at the bound (« more than »), the pages are unchanged.
        await using var query = conventions.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var dossiers = query.Query<Dossier>().Where(d => d.CompanyId == company);
        var bounded = await Ordre.Conventions.Dossiers.Reading.ListOwnDossiersEndpoint.PageAsync(dossiers, 1, 2, all - 2, CancellationToken.None);
        Assert.Equal((all - 2L, false, true, 2), (bounded.Total, bounded.TotalIsExact, bounded.HasMore, bounded.Items.Count));
        // A page beyond the bound is counted to itself, and the end of the list is exact.
        var end = await Ordre.Conventions.Dossiers.Reading.ListOwnDossiersEndpoint.PageAsync(dossiers, (all + 1) / 2, 2, 1, CancellationToken.None);
        Assert.Equal(((long)all, true, false), (end.Total, end.TotalIsExact, end.HasMore));
        var exact = await Ordre.Conventions.Dossiers.Reading.ListOwnDossiersEndpoint.PageAsync(dossiers, 1, 2, all, CancellationToken.None);
        Assert.Equal(((long)all, true, true), (exact.Total, exact.TotalIsExact, exact.HasMore));
    }

    private async Task<int> CountDossiers(string company)
    {
        await using var query = conventions.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await query.Query<Dossier>().CountAsync(d => d.CompanyId == company);
    }

    private async Task<int> Count<T>() where T : notnull
    {
        await using var query = conventions.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await query.Query<T>().CountAsync();
    }
}
