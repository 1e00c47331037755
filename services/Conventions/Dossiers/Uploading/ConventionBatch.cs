using Marten;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Conventions.Dossiers.Beneficiaries;
using Ordre.Conventions.Dossiers.Submitting;

namespace Ordre.Conventions.Dossiers.Uploading;

/// <summary>What became of a row: recorded, already recorded with the same content (nothing changes), or refused (its errors say why).</summary>
public enum RowOutcome { Accepted, Unchanged, Rejected }

/// <summary>
/// One dossier a convention gives (or would give, in test mode: no id): its regime and total, and its legal dates counted
/// with the real calendar: the latest day to send a declaration (late when passed), the last day to decide on an
/// authorisation, the day silence authorises it, the last day to declare it incomplete.
/// </summary>
public sealed record PartPreCheck(
    Guid? DossierId, Regime Regime, decimal Total, DateOnly? LatestSendingOn, bool Late, DateOnly? DecisionDueOn, DateOnly? AuthorisedBySilenceOn,
    DateOnly? IncompletenessNoticeDueOn);

/// <summary>
/// The answer for one convention (one row of an upload, or a single submission in test mode): its outcome, every error,
/// the Tableau's yes/no for a doctor, and its dossiers with their dates.
/// </summary>
public sealed record ConventionPreCheck(
    int? Row, string? Reference, RowOutcome Outcome, IReadOnlyList<RowError> Errors, bool? BeneficiaryRegisteredAndPractising, IReadOnlyList<PartPreCheck> Parts);

/// <summary>
/// The dossiers one batch of an upload recorded, counted by regime, category, lateness and urgency (received on
/// <paramref name="ReceivedOn"/>): the batch's one integration message (issue 12 §9), appended in the batch's transaction to a
/// stream of its own (<paramref name="BatchId"/>), so the bus hears of the batch exactly when its dossiers are committed.
/// </summary>
public sealed record DossiersSubmittedInBatch(Guid BatchId, Guid UploadId, DateOnly ReceivedOn, IReadOnlyList<DossierTally> Tally);

/// <summary>How many dossiers of a batch share a regime, a category, a lateness and an urgency.</summary>
public sealed record DossierTally(Regime Regime, ConventionCategory Category, bool Late, bool Urgent, int Dossiers);

/// <summary>Where an upload's time goes, summed over its batches (logged when it ends; docs/benchmarks.md).</summary>
public sealed class UploadTimings
{
    /// <summary>
    /// Reading the body and its rows (the main flow's time, less <see cref="Pipeline"/>); waiting for the batch before to be
    /// decided; then, while the next batch is read: the query of the batch's references, the Tableau's gRPC call, deciding the
    /// rows, waiting for the previous batch's save before handing this one over; saving (while the next batches are read and
    /// decided).
    /// </summary>
    public TimeSpan Parse, Pipeline, References, Tableau, Decide, Wait, Save;
    public override string ToString() =>
        $"lecture {Parse.TotalSeconds:0.0} s, attente de la décision du lot précédent {Pipeline.TotalSeconds:0.0} s ; en parallèle de la lecture : " +
        $"références {References.TotalSeconds:0.0} s, Tableau {Tableau.TotalSeconds:0.0} s, " +
        $"décision {Decide.TotalSeconds:0.0} s, attente de l'enregistrement {Wait.TotalSeconds:0.0} s " +
        $"(enregistrement {Save.TotalSeconds:0.0} s, en parallèle)";
}

/// <summary>A convention read and checked by itself (a CSV row, or the single submission), before the batch's look-ups.</summary>
public sealed record ConventionInput(int? Row, SubmitDossier Request, IReadOnlyList<RowError> Errors);

/// <summary>
/// A batch of conventions decided together: the company's references already recorded are read in one query, the doctors
/// are checked against the Tableau in ONE gRPC call, and each valid new convention is decided by the single submission's
/// <see cref="SubmitDossierEndpoint.Decide"/>. With a session to write to, the dossiers and the references are added to it
/// (the caller saves them as one transaction); without, nothing is recorded (test mode). With a <see cref="DossierBatchWriter"/>
/// (an upload's batch), the dossiers go to it instead of Marten's append, and the caller queues it before saving.
/// </summary>
public static class ConventionBatch
{
    public static async Task<IReadOnlyList<ConventionPreCheck>> DecideAsync(
        IReadOnlyList<ConventionInput> inputs, string company, DateOnly today, IQuerySession session, IDocumentSession? record,
        PractitionerLookup.PractitionerLookupClient tableau, TimeProvider clock, string by, CancellationToken ct,
        (Guid Batch, Guid Upload)? inBatch = null, UploadTimings? timings = null, DossierBatchWriter? written = null)
    {
        static string KeyOf(string company, SubmitDossier request) => $"{company}/{request.Reference!.Trim()}";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var valid = inputs.Where(i => i.Errors.Count == 0).ToList();
        var known = valid.Count == 0
            ? new Dictionary<string, CompanySubmission>()
            : (await session.LoadManyAsync<CompanySubmission>(ct, valid.Select(i => KeyOf(company, i.Request)).Distinct().ToArray()))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (timings is not null) timings.References += watch.Elapsed;
        watch.Restart();
        var doctors = valid.Where(i => i.Request.Beneficiary!.Kind == BeneficiaryKind.Doctor && !known.ContainsKey(KeyOf(company, i.Request)))
            .Select(i => i.Request.Beneficiary!.Rpps!.Trim()).Distinct().ToList();
        var answers = doctors.Count == 0 ? new Dictionary<string, TableauAnswer>() : await TableauCheck.CheckAsync(tableau, doctors, ct);
        if (timings is not null) timings.Tableau += watch.Elapsed;
        watch.Restart();
        var tally = new Dictionary<(Regime, ConventionCategory, bool, bool), int>();
        var recorded = new List<CompanySubmission>();

        var results = new List<ConventionPreCheck>(inputs.Count);
        foreach (var input in inputs)
        {
            var reference = input.Request.Reference?.Trim();
            if (input.Errors.Count > 0)
            {
                results.Add(new ConventionPreCheck(input.Row, reference, RowOutcome.Rejected, input.Errors, null, []));
                continue;
            }
            var key = KeyOf(company, input.Request);
            var fingerprint = SubmitDossierEndpoint.Fingerprint(input.Request);
            if (known.TryGetValue(key, out var earlier))
            {
                results.Add(earlier.Fingerprint == fingerprint
                    ? new ConventionPreCheck(input.Row, reference, RowOutcome.Unchanged, [], earlier.Answer.BeneficiaryRegisteredAndPractising,
                        [.. earlier.Answer.Dossiers.Select(d => new PartPreCheck(d.Id, d.Regime, d.Total, d.LatestSendingOn, d.Late, d.DecisionDueOn, d.DecisionDueOn?.AddDays(1), null))])
                    : new ConventionPreCheck(input.Row, reference, RowOutcome.Rejected,
                        [new RowError(ConventionCsv.Reference, $"La référence {reference} désigne déjà un autre dossier de l'entreprise : choisissez une autre référence.")], null, []));
                continue;
            }
            var answer = input.Request.Beneficiary!.Kind == BeneficiaryKind.Doctor
                ? answers.GetValueOrDefault(input.Request.Beneficiary.Rpps!.Trim()) ?? new TableauAnswer(false, null)
                : null;
            var decided = SubmitDossierEndpoint.Decide(input.Request, company, today, answer, clock, by);
            if (record is not null && inBatch is { Batch: var batchId })
            {
                // The batch's message counts these dossiers: each is marked so that it is not published again by itself.
                decided = [.. decided.Select(d => (d.Id, d.Events.Select(e => e is DossierSubmitted s ? s with { BatchId = batchId } : e).ToArray()))];
                foreach (var part in decided.Select(d => (DossierSubmitted)d.Events[0]))
                    tally[(part.Regime, part.Category, part.Late, part.Urgent)] = tally.GetValueOrDefault((part.Regime, part.Category, part.Late, part.Urgent)) + 1;
            }
            var parts = decided.Select(d => (DossierSubmitted)d.Events[0])
                .Select(s => new PartPreCheck(record is null ? null : s.DossierId, s.Regime, s.Benefits.Sum(b => b.Amount), s.LatestSendingOn, s.Late,
                    s.DecisionDueOn, s.DecisionDueOn?.AddDays(1), s.IncompletenessNoticeDueOn))
                .ToList();
            if (record is not null)
            {
                foreach (var (id, events) in decided)
                    if (written is not null)
                        written.Add(id, events);
                    else
                        record.Events.StartStream<Dossier>(id, events);
                var submission = new CompanySubmission(key, fingerprint, SubmitDossierEndpoint.Answer(reference!, answer, decided));
                recorded.Add(submission);
                known[key] = submission;
            }
            else
                known[key] = new CompanySubmission(key, fingerprint, new SubmissionAnswer(reference!, answer?.RegisteredAndPractising, []));
            results.Add(new ConventionPreCheck(input.Row, reference, RowOutcome.Accepted, [], answer?.RegisteredAndPractising, parts));
        }
        if (record is not null && recorded.Count > 0)
            InsertReferences(record, recorded);
        if (record is not null && inBatch is { } batch && tally.Count > 0)
            record.Events.StartStream(batch.Batch, new DossiersSubmittedInBatch(batch.Batch, batch.Upload, today,
                [.. tally.OrderBy(t => t.Key).Select(t => new DossierTally(t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Key.Item4, t.Value))]));
        if (timings is not null) timings.Decide += watch.Elapsed;
        return results;
    }

    /// <summary>
    /// The batch's new references, in the batch's transaction, by ONE insert of all their rows (Marten's own insert is one
    /// function call per document: measured 28 % slower for the whole batch, docs/benchmarks.md). A reference recorded
    /// meanwhile by another request fails the insert on the primary key, so the whole batch: see <see cref="IsDuplicate"/>.
    /// </summary>
    private static void InsertReferences(IDocumentSession record, IReadOnlyList<CompanySubmission> submissions)
    {
        var options = record.DocumentStore.Options;
        var serializer = options.Serializer();
        record.QueueSqlCommand(
            $"insert into {options.DatabaseSchemaName}.mt_doc_companysubmission (id, data) select * from unnest(?::varchar[], ?::jsonb[])",
            submissions.Select(s => s.Id).ToArray(), submissions.Select(s => serializer.ToJson(s)).ToArray());
    }

    /// <summary>A reference (or any document) of the batch already recorded: nothing of the batch was written, decide it again.</summary>
    public static bool IsDuplicate(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
            if (cause is JasperFx.DocumentAlreadyExistsException or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
                return true;
        return false;
    }
}
