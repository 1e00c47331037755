using Ordre.Client;

/// <summary>
/// What went wrong while loading the demo, said as it happens and summed up at the end: each failure names its step,
/// its record and the service's answer (HTTP status and problem detail). Transient failures the client sends again
/// are counted, and the first ones shown, so a struggling service is visible even when the retries succeed.
/// </summary>
internal sealed class DemoReport(TextWriter output, TextWriter errors)
{
    /// <summary>Beyond this many failures a loading step stops: the cause is systemic, the rest would fail alike.</summary>
    public const int FailureLimit = 50;
    private const int RetriesShown = 20;

    public sealed record Failure(string Step, string Record, CallFailure Why);

    private readonly List<Failure> _failures = [];
    private readonly CancellationTokenSource _tooMany = new();
    private int _retries;

    /// <summary>Cancelled once <see cref="FailureLimit"/> failures are recorded.</summary>
    public CancellationToken TooMany => _tooMany.Token;

    public int Failures { get { lock (_failures) return _failures.Count; } }

    public void Progress(string line)
    {
        lock (_failures) output.WriteLine(line);
    }

    public void Fail(string step, string record, CallFailure why)
    {
        lock (_failures)
        {
            _failures.Add(new Failure(step, record, why));
            errors.WriteLine($"  ÉCHEC {step} — {record} : {why}");
            if (_failures.Count == FailureLimit)
            {
                errors.WriteLine($"  {FailureLimit} échecs : le chargement de cette étape s'arrête (cause systématique probable).");
                _tooMany.Cancel();
            }
        }
    }

    /// <summary>For <see cref="Retrying.SendAsync{T}"/>: a transient failure about to be sent again.</summary>
    public void Retried(CallFailure why, int attempt)
    {
        var count = Interlocked.Increment(ref _retries);
        if (count <= RetriesShown)
            Progress($"  nouvel essai ({attempt + 1}/{Retrying.BackOff.Length + 1}) après : {why}{(count == RetriesShown ? " (nouveaux essais suivants non affichés)" : "")}");
    }

    /// <summary>Prints the remaining failures grouped by step and reason; 0 when there are none, 1 otherwise.</summary>
    public int Finish()
    {
        lock (_failures)
        {
            var retried = _retries > 0 ? $" ({_retries} nouvel(s) essai(s) après une erreur passagère)" : "";
            if (_failures.Count == 0)
            {
                output.WriteLine($"Données de démonstration chargées sans échec{retried}.");
                return 0;
            }
            errors.WriteLine();
            errors.WriteLine($"Données de démonstration incomplètes : {_failures.Count} échec(s) après nouveaux essais{retried} :");
            foreach (var group in _failures.GroupBy(f => (f.Step, f.Why.Status, f.Why.Reason)))
            {
                var records = group.Select(f => f.Record).ToList();
                errors.WriteLine($"  {group.Count()} × {group.Key.Step} : {group.First().Why}");
                errors.WriteLine($"      {string.Join("; ", records.Take(5))}{(records.Count > 5 ? $"; … ({records.Count - 5} autres)" : "")}");
            }
            return 1;
        }
    }
}
