using System.Security.Claims;
using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using nietras.SeparatedValues;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Conventions.Dossiers.Submitting;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Conventions.Dossiers.Uploading;

public enum UploadStatus { Processing, Completed, Interrupted }

/// <summary>
/// An upload of the company's CSV, its progress (rows read, <paramref name="Percent"/> of the file's bytes, the time of the
/// last batch recorded: <paramref name="ProgressAt"/>) and its counts, updated in the same transaction as each batch of
/// rows. Only its company reads it.
/// </summary>
public sealed record ConventionUpload(
    Guid Id, string CompanyId, string? FileName, long? Size, UploadStatus Status, int Rows, int Accepted, int Unchanged, int Rejected,
    int? Percent, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Fault, DateTimeOffset? ProgressAt = null);

/// <summary>
/// The report of one batch of an upload, every row's result in the file's order (id: upload/first row, so the batches read in
/// the file's order): one document per batch of <see cref="UploadConventionsEndpoint.BatchRows"/> rows, not one per row.
/// </summary>
public sealed record ConventionUploadBatch(string Id, Guid UploadId, IReadOnlyList<ConventionPreCheck> Rows);

/// <summary>The answer to an upload in test mode: every row's pre-check, nothing recorded.</summary>
public sealed record UploadPreCheck(int Rows, int Accepted, int Unchanged, int Rejected, IReadOnlyList<ConventionPreCheck> Results);

/// <summary>
/// POST /uploads: the company's CSV (text/csv body, or the file of a multipart/form-data form), streamed with Sep from the
/// request body and decided by batches of <see cref="BatchRows"/> rows, each batch decided while the next is read and saved
/// while the next ones are read and decided (at most <see cref="SavesInFlight"/> at once): one query for the references
/// already recorded, one gRPC call to the Tableau, one Marten transaction (the dossiers, written by
/// <see cref="DossierBatchWriter"/>'s set statements, the references, the batch's report and its one integration message);
/// the upload's progress counts the batches committed. Bad rows never stop the good ones; a row
/// already recorded with the same content changes nothing, so a retry after a crash completes the file. <c>?mode=test</c>: every row's pre-check, nothing recorded.
/// </summary>
public static class UploadConventionsEndpoint
{
    /// <summary>The largest file: 50 MiB, some 200,000 rows — a large company's year (the gateway's route has the same limit).</summary>
    public const long LargestFile = 50L * 1024 * 1024;
    public const int BatchRows = 1_000;
    /// <summary>
    /// Batches being saved, each in its own transaction, while the next is read and decided. One (each batch's transaction
    /// writes the upload's counts, those of the batch before it included): with two, PostgreSQL did no
    /// more per second on 2 cores, and the transactions' interleaved event sequences left gaps that held the publication
    /// back (Marten's high-water mark waits for a gap to be filled or go stale: 29 s instead of 15 s to count 20,000
    /// conventions on the bus, docs/benchmarks.md).
    /// </summary>
    public const int SavesInFlight = 1;
    /// <summary>Test mode answers every row in one response: at most this many rows.</summary>
    public const int LargestTestRows = 5_000;
    public const string ModeMessage = "Le mode est « test » (vérification sans rien enregistrer) ou absent.";

    public static bool? IsTest(string? mode) =>
        string.IsNullOrEmpty(mode) ? false : string.Equals(mode, "test", StringComparison.OrdinalIgnoreCase) ? true : null;

    public static async Task<Results<Created<ConventionUpload>, Ok<UploadPreCheck>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest http, string? mode, ClaimsPrincipal user, IDocumentStore store, PractitionerLookup.PractitionerLookupClient tableau,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (DossierChange.CompanyOf(user) is not { } company)
            return Problems.Forbidden("Le jeton ne désigne aucune entreprise.");
        if (IsTest(mode) is not { } test)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [ModeMessage] }, title: "Fichier refusé");
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var type) || !IsCsvOrForm(type))
            return TypedResults.Problem(NotCsvOrForm, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Fichier refusé");
        // The size is declared, so that an oversize file is refused before any row is read or recorded (a chunked body's
        // size is known only at its end, after its first batches would have been recorded).
        if (http.ContentLength is null)
            return TypedResults.Problem($"Déclarez la taille du fichier (en-tête Content-Length, {LargestFile / 1024 / 1024} Mio au plus) : un envoi en morceaux (chunked) n'est pas accepté.",
                statusCode: StatusCodes.Status411LengthRequired, title: "Taille du fichier requise");
        if (http.ContentLength > LargestFile)
            return TypedResults.Problem($"Le fichier dépasse {LargestFile / 1024 / 1024} Mio : découpez-le.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Fichier trop volumineux");
        var (body, fileName, fault) = await BodyOf(http, type, ct);
        if (body is null)
            return TypedResults.Problem(fault, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Fichier refusé");

        var counting = new CountingStream(body);
        SepReader reader;
        IReadOnlyDictionary<string, int> columns;
        try
        {
            (reader, columns) = await ConventionCsv.OpenAsync(counting, ct);
        }
        catch (CsvTemplateException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Fichier refusé");
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException or IOException)
        {
            // IOException: a truncated multipart form (BadHttpRequestException, an IOException too: the body ended or overflowed).
            logs.CreateLogger(typeof(UploadConventionsEndpoint)).LogInformation("Fichier illisible : {Reason}", e.Message);
            return TypedResults.Problem($"Le fichier n'est pas un CSV lisible : {ReadFault(e)}",
                statusCode: e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                title: "Fichier refusé");
        }

        using (reader)
        {
            var today = ParisCalendar.Today(clock);
            var by = user.Actor();
            var headerCount = reader.Header.ColNames.Count;
            var timings = new UploadTimings();
            var total = System.Diagnostics.Stopwatch.StartNew();
            var batch = new List<ConventionInput>(BatchRows);
            var tested = test ? new List<ConventionPreCheck>() : null;
            var upload = new ConventionUpload(Guid.CreateVersion7(clock.GetUtcNow()), company, fileName, http.ContentLength, UploadStatus.Processing,
                0, 0, 0, 0, 0, clock.GetUtcNow(), null, null, clock.GetUtcNow());
            if (!test)
            {
                await using var session = store.LightweightSession();
                session.Insert(upload);
                await session.SaveChangesAsync(ct);
            }

            ConventionUpload Counted(ConventionUpload before, IReadOnlyList<ConventionPreCheck> results, long bytes)
            {
                var counts = results.CountBy(r => r.Outcome).ToDictionary();
                return before with
                {
                    Rows = before.Rows + results.Count,
                    Accepted = before.Accepted + counts.GetValueOrDefault(RowOutcome.Accepted),
                    Unchanged = before.Unchanged + counts.GetValueOrDefault(RowOutcome.Unchanged),
                    Rejected = before.Rejected + counts.GetValueOrDefault(RowOutcome.Rejected),
                    Percent = before.Size is > 0 and var size ? Math.Max(before.Percent ?? 0, (int)Math.Min(99, bytes * 100 / size)) : null,
                    ProgressAt = clock.GetUtcNow(),
                };
            }

            // The batches being saved (each in its own transaction) while the next one is read and decided: at most
            // SavesInFlight at once, so memory stays bounded; the upload's counts are those of the batches committed.
            var saving = new Queue<Task>();
            var deciding = Task.CompletedTask;
            var counted = new Lock();

            async Task Save(IDocumentSession session, List<ConventionInput> inputs, IReadOnlyList<ConventionPreCheck> results, long bytes, Task before)
            {
                try
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        session.Insert(new ConventionUploadBatch($"{upload.Id:N}/{results[0].Row:D9}", upload.Id, results));
                        // The upload's counts with this batch, in its transaction: the batch before it is committed (one save
                        // at a time), so they are those of the batches committed, and no transaction of their own is waited for
                        // between two saves.
                        ConventionUpload after;
                        lock (counted)
                            after = Counted(upload, results, bytes);
                        session.Update(after);
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        try
                        {
                            await session.SaveChangesAsync(ct);
                            lock (counted)
                            {
                                timings.Save += watch.Elapsed;
                                upload = after;
                            }
                            return;
                        }
                        catch (Exception e) when (attempt < 3 && ConventionBatch.IsDuplicate(e))
                        {
                            // A reference of this batch recorded meanwhile (by the batch before it, decided while this one was,
                            // or by another request): nothing of the batch was written; once the batch before is settled,
                            // decide it again.
                            await session.DisposeAsync();
                            await Settled(before);
                            session = store.LightweightSession();
                            var written = new DossierBatchWriter(session);
                            results = await ConventionBatch.DecideAsync(inputs, company, today, session, session, tableau, clock, by, ct,
                                (Guid.CreateVersion7(clock.GetUtcNow()), upload.Id), written: written);
                            written.Queue();
                        }
                    }
                }
                finally
                {
                    await session.DisposeAsync();
                }
            }

            async Task Decide()
            {
                if (batch.Count == 0)
                    return;
                var inputs = batch;
                batch = new List<ConventionInput>(BatchRows);
                if (tested is not null)
                {
                    await using var query = store.QuerySession();
                    var checkedRows = await ConventionBatch.DecideAsync(inputs, company, today, query, null, tableau, clock, by, ct, timings: timings);
                    tested.AddRange(checkedRows);
                    upload = Counted(upload, checkedRows, counting.BytesRead);
                    return;
                }
                var bytes = counting.BytesRead;
                var session = store.LightweightSession();
                var written = new DossierBatchWriter(session);
                IReadOnlyList<ConventionPreCheck> results;
                try
                {
                    results = await ConventionBatch.DecideAsync(inputs, company, today, session, session, tableau, clock, by, ct,
                        (Guid.CreateVersion7(clock.GetUtcNow()), upload.Id), timings, written);
                    // Serialized here, while the batch before is being saved: the saves are the upload's critical path.
                    var serializing = System.Diagnostics.Stopwatch.StartNew();
                    written.Queue();
                    timings.Decide += serializing.Elapsed;
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    if (saving.Count >= SavesInFlight)
                        await saving.Dequeue();
                    timings.Wait += watch.Elapsed;
                }
                catch
                {
                    await session.DisposeAsync();
                    throw;
                }
                // On the thread pool: the save serializes Marten's own documents (the report) before its first await.
                var previous = saving.LastOrDefault() ?? Task.CompletedTask;
                saving.Enqueue(Task.Run(() => Save(session, inputs, results, bytes, previous), CancellationToken.None));
            }

            static async Task Settled(Task save)
            {
                try
                {
                    await save;
                }
                catch (Exception)
                {
                    // Its batch is not recorded: the upload's counts say what is.
                }
            }

            async Task Settle()
            {
                await Settled(deciding);
                while (saving.TryDequeue(out var save))
                    await Settled(save);
            }

            try
            {
                await foreach (var row in reader)
                {
                    if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                        continue;
                    if (test && upload.Rows + batch.Count >= LargestTestRows)
                        return TypedResults.Problem($"En mode test, {LargestTestRows} lignes au plus : découpez le fichier.",
                            statusCode: StatusCodes.Status400BadRequest, title: "Fichier refusé");
                    batch.Add(ConventionCsv.Input(row, columns, headerCount, today));
                    if (batch.Count == BatchRows)
                    {
                        // The batch before is decided (its look-ups awaited) while this one was read; one batch decided at once.
                        var waited = System.Diagnostics.Stopwatch.StartNew();
                        await deciding;
                        timings.Pipeline += waited.Elapsed;
                        deciding = Decide();
                        if (test)
                            await deciding;
                    }
                }
                await deciding;
                await Decide();
                while (saving.TryDequeue(out var save))
                    await save;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                await Settle();
                await Interrupt(store, upload, test, clock.GetUtcNow(), "Le Tableau ne répond pas.");
                return SubmitDossierEndpoint.TableauUnavailable(
                    $"Le Tableau ne répond pas : {upload.Rows} lignes traitées. Envoyez de nouveau le fichier : les lignes déjà enregistrées ne changeront pas.");
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                await Settle();
                logs.CreateLogger(typeof(UploadConventionsEndpoint)).LogInformation("Envoi {UploadId} interrompu : {Reason}", upload.Id, e.Message);
                await Interrupt(store, upload, test, clock.GetUtcNow(), ReadFault(e));
                return TypedResults.Problem($"Lecture du fichier interrompue après {upload.Rows} lignes : {ReadFault(e)} Envoyez de nouveau le fichier : les lignes déjà enregistrées ne changeront pas.",
                    statusCode: e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    title: "Fichier refusé");
            }
            catch (Exception e)
            {
                // The caller gone (the request aborted) or the database down: the batches recorded stay, the upload says it stopped.
                await Settle();
                await Interrupt(store, upload, test, clock.GetUtcNow(), e is OperationCanceledException ? "Envoi interrompu par l'appelant." : "Erreur interne.");
                throw;
            }

            if (tested is not null)
                return TypedResults.Ok(new UploadPreCheck(upload.Rows, upload.Accepted, upload.Unchanged, upload.Rejected, tested));
            upload = upload with { Status = UploadStatus.Completed, Percent = 100, FinishedAt = clock.GetUtcNow() };
            await using (var session = store.LightweightSession())
            {
                session.Update(upload);
                await session.SaveChangesAsync(ct);
            }
            timings.Parse = total.Elapsed - timings.Pipeline;
            logs.CreateLogger(typeof(UploadConventionsEndpoint)).LogInformation(
                "Envoi {UploadId} : {Rows} lignes ({Accepted} acceptées, {Unchanged} inchangées, {Rejected} refusées) en {Seconds:0.0} s ; {Timings}",
                upload.Id, upload.Rows, upload.Accepted, upload.Unchanged, upload.Rejected, total.Elapsed.TotalSeconds, timings);
            return TypedResults.Created($"/uploads/{upload.Id}", upload);
        }
    }

    /// <summary>The request body as the OpenAPI document states it: the CSV as text, or a form with the file.</summary>
    public static OpenApiRequestBody RequestBody()
    {
        var csv = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Le fichier CSV lui-même." } };
        var form = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "fichier" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["fichier"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Le fichier CSV (le premier fichier du formulaire est lu)." },
                },
            },
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = $"Le fichier CSV des conventions, {LargestFile / 1024 / 1024} Mio au plus, taille déclarée (Content-Length).",
            Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = csv, ["multipart/form-data"] = form },
        };
    }

    /// <summary>Why the file could not be read, in French (the runtime's own message goes to the log).</summary>
    private static string ReadFault(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => $"le fichier dépasse {LargestFile / 1024 / 1024} Mio.",
        BadHttpRequestException or IOException => "l'envoi s'est arrêté avant la fin du fichier (connexion coupée ou corps incomplet).",
        _ => "le contenu ne se lit pas comme un CSV en UTF-8.",
    };

    private static async Task Interrupt(IDocumentStore store, ConventionUpload upload, bool test, DateTimeOffset now, string fault)
    {
        if (test)
            return;
        try
        {
            await using var session = store.LightweightSession();
            session.Update(upload with { Status = UploadStatus.Interrupted, Fault = fault, FinishedAt = now });
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The database itself is gone: the upload stays Processing; the rows recorded are recorded all the same.
        }
    }

    private const string NotCsvOrForm = "Envoyez le fichier en text/csv, ou dans un formulaire multipart/form-data.";

    private static bool IsCsv(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase)
        || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    /// <summary>A CSV body, or a form with its boundary: told from the header alone, before anything is read.</summary>
    private static bool IsCsvOrForm(MediaTypeHeaderValue type) =>
        IsCsv(type) || (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 200 });

    /// <summary>The CSV's stream: the body itself (text/csv), or the first file of a multipart/form-data form, read as it comes (<paramref name="type"/>: one <see cref="IsCsvOrForm"/> accepted).</summary>
    private static async Task<(Stream? Body, string? FileName, string? Fault)> BodyOf(HttpRequest http, MediaTypeHeaderValue type, CancellationToken ct)
    {
        if (IsCsv(type))
            return (http.Body, null, null);
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value!;
        var multipart = new MultipartReader(boundary, http.Body);
        try
        {
            while (await multipart.ReadNextSectionAsync(ct) is { } section)
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                    return (section.Body, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, null);
        }
        catch (IOException)
        {
            return (null, null, "Le formulaire multipart/form-data est mal formé.");
        }
        return (null, null, "Le formulaire ne contient aucun fichier.");
    }

    /// <summary>Counts the bytes read, for the upload's progress.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
