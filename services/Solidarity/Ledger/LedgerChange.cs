using Marten;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Problems = Ordre.ServiceDefaults.Problems.Problems;

namespace Ordre.Solidarity.Ledger;

/// <summary>What a rule decides about a change to the ledger.</summary>
public abstract record LedgerOutcome
{
    /// <summary>The change happens: append these events (and store the postings they carry).</summary>
    public sealed record Accepted(params object[] Events) : LedgerOutcome;

    /// <summary>It already happened, with the same fields (an idempotent retry): answer as the first time.</summary>
    public sealed record Already : LedgerOutcome;

    /// <summary>The request is malformed: 400 with the fields.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : LedgerOutcome;

    /// <summary>The ledger's state refuses it: 409, with a code and what it names (an account, a field).</summary>
    public sealed record Refused(string Reason, string Code, string? Field = null, string? Account = null) : LedgerOutcome;

    public static Invalid InvalidField(string field, string message) => new(new() { [field] = [message] });
}

/// <summary>The outcome of a change and the ledger as it stands after it.</summary>
public sealed record LedgerResult(LedgerOutcome Outcome, Ledger Ledger);

/// <summary>
/// The one write path of the ledger. The whole ledger is one Marten stream: a change locks it (FetchForExclusiveWriting:
/// a row lock on the stream, held to the end of the transaction), loads the transfer it concerns, decides against every
/// balance, appends, and inserts the postings and the transfer's document in the same transaction. Writers therefore
/// queue in PostgreSQL instead of racing, so a fund checked non-negative is still non-negative when the change commits
/// and the hash chain has one head. A lost race remains possible only when two writers create the stream or the same
/// document at once; the loser decides again on the new state.
/// </summary>
public sealed class LedgerChange(IDocumentStore store, TimeProvider clock)
{
    /// <summary>Lost races retried before giving up with 409.</summary>
    public const int MaxAttempts = 50;

    public Task<LedgerResult> Apply(Func<Ledger, DateTimeOffset, LedgerOutcome> decide, CancellationToken ct) =>
        Apply((_, ledger, at, _) => Task.FromResult(decide(ledger, at)), ct);

    /// <summary>A change concerning the transfer <paramref name="transferId"/>, loaded into <see cref="Ledger.Transfers"/> before deciding.</summary>
    public Task<LedgerResult> Apply(Guid transferId, Func<Ledger, DateTimeOffset, LedgerOutcome> decide, CancellationToken ct) =>
        Apply(async (session, ledger, at, token) =>
        {
            await LoadTransfer(session, ledger, transferId, token);
            return decide(ledger, at);
        }, ct);

    /// <summary>
    /// A change of the ledger and of another stream in one transaction (e.g. a disbursement: the financing request's
    /// event and the ledger's postings commit together or not at all). <paramref name="decide"/> may load and append to
    /// other streams in the session it is given, and must load (<see cref="LoadTransfer"/>) any transfer it consults;
    /// an <see cref="LedgerOutcome.Accepted"/> with no ledger event commits only those.
    /// </summary>
    public async Task<LedgerResult> Apply(Func<IDocumentSession, Ledger, DateTimeOffset, CancellationToken, Task<LedgerOutcome>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                var stream = await session.Events.FetchForExclusiveWriting<Ledger>(Ledger.SolidarityFund, ct);
                var ledger = stream.Aggregate ?? new Ledger { Id = Ledger.SolidarityFund };
                var outcome = await decide(session, ledger, clock.GetUtcNow(), ct);
                if (outcome is not LedgerOutcome.Accepted accepted)
                    return new LedgerResult(outcome, ledger);
                if (accepted.Events.Length > 0)
                    stream.AppendMany(accepted.Events);
                foreach (var line in accepted.Events.SelectMany(PostingsOf))
                    session.Insert(Posting.From(line));
                // Evolved on a copy: Marten evolves the fetched aggregate itself when it saves the snapshot.
                var after = accepted.Events.Aggregate(ledger.Copy(), Evolution<Ledger>.Apply);
                // A transfer is recorded once: inserting its document makes the database refuse a second under the same id.
                foreach (var recorded in accepted.Events.OfType<TransferRecorded>())
                    session.Insert(after.Transfers[recorded.TransferId]);
                foreach (var resolved in accepted.Events.Select(ResolvedTransferOf).OfType<Guid>().Distinct())
                    session.Update(after.Transfers[resolved]);
                await session.SaveChangesAsync(ct);
                return new LedgerResult(outcome, after);
            }
            catch (Exception e) when (LostRace(e) && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), ct);
            }
            catch (Exception e) when (LostRace(e))
            {
                return new LedgerResult(new LedgerOutcome.Refused("Le registre est très sollicité : la demande n'a pas pu être enregistrée, réessayez.", "course-perdue"), new Ledger());
            }
        }
    }

    /// <summary>Loads a transfer's document into <see cref="Ledger.Transfers"/> for a decision (nothing when it does not exist).</summary>
    public static async Task LoadTransfer(IQuerySession session, Ledger ledger, Guid transferId, CancellationToken ct)
    {
        if (await session.LoadAsync<Transfer>(transferId, ct) is { } transfer)
            ledger.Transfers[transferId] = transfer;
    }

    private static Guid? ResolvedTransferOf(object e) => e switch
    {
        PendingTransferPosted p => p.TransferId,
        PendingTransferVoided v => v.TransferId,
        _ => null,
    };

    private static IEnumerable<PostingLine> PostingsOf(object e) => e switch
    {
        TransferRecorded t => t.Postings,
        PendingTransferPosted p => p.Postings,
        _ => [],
    };

    private static bool LostRace(Exception e) =>
        e is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
            or ExistingStreamIdCollisionException
        || e.InnerException is Npgsql.PostgresException { SqlState: "23505" }
        || e is Npgsql.PostgresException { SqlState: "23505" or "40001" };

    /// <summary>The HTTP answer of an outcome: 200 with the answer, 400 with the fields, 409 naming what refuses.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(LedgerResult result, Func<Ledger, T> answer) => result.Outcome switch
    {
        LedgerOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Demande invalide"),
        LedgerOutcome.Refused refused => Refusal(refused),
        _ => TypedResults.Ok(answer(result.Ledger)),
    };

    public static ProblemHttpResult Refusal(LedgerOutcome.Refused refused)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = refused.Code };
        if (refused.Field is not null)
            extensions["field"] = refused.Field;
        if (refused.Account is not null)
            extensions["account"] = refused.Account;
        return refused.Code == NotFoundCode
            ? TypedResults.Problem(refused.Reason, statusCode: StatusCodes.Status404NotFound, title: "Ressource introuvable", extensions: extensions)
            : TypedResults.Problem(refused.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflit avec l'état actuel", extensions: extensions);
    }

    /// <summary>The code of a refusal that names a transfer the ledger does not know (404).</summary>
    public const string NotFoundCode = "introuvable";

    internal static ProblemHttpResult NotFound(string detail) => Problems.NotFound(detail);
}

/// <summary>
/// A change being decided: the balances of the accounts it touches, copied from the ledger and moved leg by leg, and
/// the postings it makes, chained to the ledger's last one.
/// </summary>
public sealed class LedgerDraft(Ledger ledger, DateTimeOffset at)
{
    private readonly Dictionary<string, Account> _accounts = [];
    private long _sequence = ledger.LastSequence;
    private string _hash = ledger.LastHash;

    public List<PostingLine> Postings { get; } = [];

    public Account this[string id] => _accounts.TryGetValue(id, out var copy) ? copy : _accounts[id] = Copy(ledger.Accounts[id]);

    public void Reserve(Leg leg)
    {
        this[leg.Debit].DebitsPending += leg.Amount;
        this[leg.Credit].CreditsPending += leg.Amount;
    }

    public void Release(Leg leg)
    {
        this[leg.Debit].DebitsPending -= leg.Amount;
        this[leg.Credit].CreditsPending -= leg.Amount;
    }

    public void Post(Guid transferId, int legIndex, string debit, string credit, decimal amount)
    {
        var (from, to) = (this[debit], this[credit]);
        from.DebitsPosted += amount;
        to.CreditsPosted += amount;
        _sequence++;
        var hash = PostingChain.Hash(_sequence, transferId, legIndex, debit, credit, amount, from.Balance, to.Balance, at, _hash);
        Postings.Add(new PostingLine(_sequence, transferId, legIndex, debit, credit, amount, from.Balance, to.Balance, at, _hash, hash));
        _hash = hash;
    }

    /// <summary>The refusal when a fund this change debits would go below zero (reservations included), or null.</summary>
    public LedgerOutcome.Refused? Overdrawn(string account, decimal asked)
    {
        var state = this[account];
        return state.Kind == AccountKind.Fund && state.Available < 0
            ? new LedgerOutcome.Refused(
                $"Solde insuffisant sur le fonds « {account} » : disponible {PostingChain.Euros(state.Available + asked)} €, demandé {PostingChain.Euros(asked)} €. Un fonds ne peut jamais être négatif.",
                "solde-insuffisant", Account: account)
            : null;
    }

    private static Account Copy(Account a) => new()
    {
        Id = a.Id, Kind = a.Kind, Name = a.Name, Department = a.Department, Region = a.Region,
        DebitsPosted = a.DebitsPosted, CreditsPosted = a.CreditsPosted, DebitsPending = a.DebitsPending, CreditsPending = a.CreditsPending,
    };
}

/// <summary>Euro amounts as the ledger accepts them.</summary>
public static class Money
{
    /// <summary>No movement of the solidarity fund comes near this (its yearly total is a few million euros).</summary>
    public const decimal Max = 1_000_000_000m;

    /// <summary>The French error for an amount that is not strictly positive with at most 2 decimals, or null.</summary>
    public static string? Invalid(decimal amount) =>
        amount <= 0 ? "Le montant doit être strictement positif."
        : amount > Max ? "Le montant dépasse 1 000 000 000 €."
        : decimal.Round(amount, 2) != amount ? "Le montant s'exprime en euros avec au plus 2 décimales."
        : null;
}
