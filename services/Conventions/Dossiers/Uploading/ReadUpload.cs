using System.Buffers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Ordre.ServiceDefaults.Queries;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Dossiers.Uploading;

/// <summary>The JSON report's shape, as the OpenAPI document states it (the report itself is written row by row as it is read).</summary>
public sealed record UploadReport(ConventionUpload Upload, IReadOnlyList<ConventionPreCheck> Rows);

/// <summary>GET /uploads/{id} (progress and counts) and /uploads/{id}/report (every row, JSON or CSV): the company's own uploads; another's is 404.</summary>
public static class ReadUploadEndpoint
{
    public static async Task<Results<Ok<ConventionUpload>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await OwnUpload(id, user, session, ct) is { } upload ? TypedResults.Ok(upload) : NotFound(id);

    /// <summary>The company's uploads, the newest first, a page at a time, with their progress and counts.</summary>
    public static async Task<Results<Ok<Paged<ConventionUpload>>, ValidationProblem, ProblemHttpResult>> List(
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        if (DossierChange.CompanyOf(user) is not { } company)
            return Problems.Forbidden("Le jeton ne désigne aucune entreprise.");
        if (Paging.Invalid(page, pageSize, 100) is { } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = invalid }, title: "Pagination invalide");
        return TypedResults.Ok(await session.Query<ConventionUpload>().Where(u => u.CompanyId == company)
            .ToPageAsync(q => q.OrderByDescending(u => u.StartedAt).ThenByDescending(u => u.Id), page, pageSize, ct));
    }

    /// <summary>The report: <c>?format=csv</c> (or Accept: text/csv) one line per error and one per row without error; otherwise JSON.</summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Report(
        Guid id, string? format, HttpRequest http, ClaimsPrincipal user, IDocumentStore store, IQuerySession session,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (format is not (null or "" or "csv" or "json"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Le format est csv ou json."] }, title: "Requête invalide");
        if (await OwnUpload(id, user, session, ct) is not { } upload)
            return NotFound(id);
        var csv = format == "csv" || (format is null or "" && http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        return TypedResults.Stream(async body =>
        {
            await using var rows = store.QuerySession();
            var results = Rows(rows.Query<ConventionUploadBatch>().Where(r => r.UploadId == upload.Id).OrderBy(r => r.Id).ToAsyncEnumerable(ct));
            if (csv)
                await WriteCsv(body, results, ct);
            else
                await WriteJson(body, upload, results, json.Value.SerializerOptions, ct);
        }, csv ? "text/csv; charset=utf-8" : "application/json", csv ? $"rapport-{upload.Id}.csv" : null);
    }

    private static async Task WriteJson(Stream body, ConventionUpload upload, IAsyncEnumerable<ConventionPreCheck> rows, JsonSerializerOptions options, CancellationToken ct)
    {
        // Written to a buffer (the serializer flushes synchronously), copied to the response every 32 KiB.
        var buffer = new ArrayBufferWriter<byte>(65_536);
        await using var writer = new Utf8JsonWriter(buffer);
        async Task Send()
        {
            await writer.FlushAsync(ct);
            await body.WriteAsync(buffer.WrittenMemory, ct);
            buffer.ResetWrittenCount();
        }
        writer.WriteStartObject();
        writer.WritePropertyName("upload");
        JsonSerializer.Serialize(writer, upload, options);
        writer.WriteStartArray("rows");
        await foreach (var row in rows)
        {
            JsonSerializer.Serialize(writer, row, options);
            if (buffer.WrittenCount > 32_768)
                await Send();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await Send();
    }

    /// <summary>ligne;reference;resultat;colonne;message, UTF-8 with a BOM (so a spreadsheet reads the accents), every field quoted.</summary>
    private static async Task WriteCsv(Stream body, IAsyncEnumerable<ConventionPreCheck> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(true), 32_768) { NewLine = "\r\n" };
        await writer.WriteLineAsync("ligne;reference;resultat;colonne;message");
        await foreach (var row in rows)
        {
            var r = row;
            var outcome = r.Outcome switch { RowOutcome.Accepted => "acceptee", RowOutcome.Unchanged => "inchangee", _ => "refusee" };
            if (r.Errors.Count == 0)
                await writer.WriteLineAsync($"{r.Row};{Quote(r.Reference)};{outcome};;");
            foreach (var error in r.Errors)
                await writer.WriteLineAsync($"{r.Row};{Quote(r.Reference)};{outcome};{Quote(error.Column)};{Quote(error.Message)}");
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>The rows of the batches' reports, read one batch at a time.</summary>
    private static async IAsyncEnumerable<ConventionPreCheck> Rows(IAsyncEnumerable<ConventionUploadBatch> batches)
    {
        await foreach (var batch in batches)
            foreach (var row in batch.Rows)
                yield return row;
    }

    /// <summary>
    /// A quoted cell; one that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first: a company's
    /// own reference is written back as it was sent) starts with an apostrophe, so it is shown as text, never run.
    /// </summary>
    public static string Quote(string? text) =>
        text is null ? "" : "\"" + (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text).Replace("\"", "\"\"") + "\"";

    private static async Task<ConventionUpload?> OwnUpload(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        DossierChange.CompanyOf(user) is { } company && await session.LoadAsync<ConventionUpload>(id, ct) is { } upload && upload.CompanyId == company
            ? upload
            : null;

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"Aucun envoi {id} de l'entreprise.");
}
