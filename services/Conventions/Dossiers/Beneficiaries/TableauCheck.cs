using Ordre.Contracts.Tableau.Lookup;

namespace Ordre.Conventions.Dossiers.Beneficiaries;

/// <summary>
/// The Tableau's answer for a doctor beneficiary, recorded on the dossier: all the company learns is "inscrit et autorisé
/// à exercer : oui/non", never why (DOMAIN §4.1).
/// </summary>
public sealed record BeneficiaryChecked(Guid DossierId, bool RegisteredAndPractising, DateOnly On) : IChanges<Dossier>;

/// <summary>What the Tableau says of one RPPS, as Conventions uses it: yes/no, and the department whose calendar counts.</summary>
public sealed record TableauAnswer(bool RegisteredAndPractising, string? Department);

/// <summary>The beneficiaries' check against the Tableau: one gRPC call per batch (GetStatuses), never one per row.</summary>
public static class TableauCheck
{
    /// <summary>The lookup's limit per call (practitioner_lookup.proto).</summary>
    public const int PerCall = 20_000;

    /// <summary>The Tableau's answer for each distinct RPPS asked, in as few calls as the lookup's limit allows (one for up to 20,000).</summary>
    public static async Task<IReadOnlyDictionary<string, TableauAnswer>> CheckAsync(
        PractitionerLookup.PractitionerLookupClient tableau, IEnumerable<string> rpps, CancellationToken ct)
    {
        var answers = new Dictionary<string, TableauAnswer>(StringComparer.Ordinal);
        foreach (var chunk in rpps.Distinct(StringComparer.Ordinal).Chunk(PerCall))
        {
            var request = new PractitionerStatusBatchRequest();
            request.Rpps.AddRange(chunk);
            var batch = await tableau.GetStatusesAsync(request, cancellationToken: ct);
            foreach (var status in batch.Statuses)
                answers[status.Rpps] = AnswerOf(status);
        }
        return answers;
    }

    /// <summary>
    /// Yes with the doctor's department, or no without one: a department only for a doctor who may practise, or the
    /// dates counted with it (Alsace-Moselle's holidays) would tell a company "known but not allowed" from "unknown".
    /// </summary>
    public static TableauAnswer AnswerOf(PractitionerStatus status) =>
        status.Known && status.MayPractise ? new TableauAnswer(true, status.Department) : new TableauAnswer(false, null);
}
