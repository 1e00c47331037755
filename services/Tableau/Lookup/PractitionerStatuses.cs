using Marten;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Tableau.Identifiers;
using Ordre.Tableau.Register;

namespace Ordre.Tableau.Lookup;

/// <summary>The answer to "may this RPPS practise?", for one number or thousands, read from the register snapshots.</summary>
public static class PractitionerStatuses
{
    public const int MaxBatch = 20_000;

    public static async Task<IReadOnlyList<PractitionerStatus>> LookUpAsync(IQuerySession session, IReadOnlyList<string> rppsNumbers, CancellationToken ct)
    {
        var ids = rppsNumbers.Where(Rpps.IsValid).Distinct().Select(PractitionerStream.IdOf).ToArray();
        var entries = (await session.LoadManyAsync<Practitioner>(ct, ids)).ToDictionary(p => p.Rpps);
        return [.. rppsNumbers.Select(rpps => entries.TryGetValue(rpps, out var entry) ? Of(entry) : Unknown(rpps))];
    }

    public static PractitionerStatus Of(Practitioner entry)
    {
        var status = new PractitionerStatus
        {
            Rpps = entry.Rpps,
            Known = true,
            Registered = !entry.IsClosed,
            Status = entry.Status.ToString(),
            Department = entry.Department,
            MayPractise = entry.Status == RegisterStatus.Registered,
            LastName = entry.LastName,
            FirstName = entry.FirstName,
        };
        status.Specialties.Add(entry.Specialty);
        status.Specialties.AddRange(entry.Qualifications);
        if (entry.Suspension is { } suspension)
            status.Restrictions.Add($"suspension:{suspension.Source}{(suspension.Partial ? ":partial" : "")}");
        if (entry.Ban is not null)
            status.Restrictions.Add("ban");
        if (entry.Status == RegisterStatus.InTransfer)
            status.Restrictions.Add("transfer");
        return status;
    }

    private static PractitionerStatus Unknown(string rpps) => new() { Rpps = rpps, Known = false };
}
