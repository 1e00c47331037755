using System.Security.Claims;
using Marten;
using Ordre.Contracts.Tableau;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.AsOf;
using Ordre.Tableau.Register.Reading;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Lookup;

/// <summary>The answer to "may this RPPS practise?", for one number or thousands, read from the register snapshots.</summary>
public static class PractitionerStatuses
{
    public const int MaxBatch = 20_000;

    /// <summary>
    /// The statuses in the order asked, each as <paramref name="caller"/> may see it (NeedToKnow): now, from the snapshots,
    /// or as of a past day, from the events (RegisterAsOf).
    /// </summary>
    public static async Task<IReadOnlyList<PractitionerStatus>> LookUpAsync(
        IQuerySession session, IReadOnlyList<string> rppsNumbers, ClaimsPrincipal caller, CancellationToken ct, DateOnly? asOf = null)
    {
        var isService = caller.IsInRole(Roles.Service);
        PractitionerStatus Visible(Practitioner entry) =>
            Of(entry, reasonsVisible: !isService && caller.MaySeeReasons(entry.Department), isService);

        if (asOf is { } day)
        {
            var then = await RegisterAsOf.LoadAsync(session, [.. rppsNumbers], day, ct);
            return [.. rppsNumbers.Select(rpps =>
            {
                var status = then.TryGetValue(rpps, out var answer) ? Visible(answer.Entry!) : Unknown(rpps);
                status.AsOf = day.ToString("yyyy-MM-dd");
                status.KnownOn = answer?.KnownOn?.ToString("yyyy-MM-dd") ?? "";
                return status;
            })];
        }
        var ids = rppsNumbers.Where(Rpps.IsValid).Distinct().Select(PractitionerStream.IdOf).ToArray();
        var entries = (await session.LoadManyAsync<Practitioner>(ct, ids)).ToDictionary(p => p.Rpps);
        return [.. rppsNumbers.Select(rpps => entries.TryGetValue(rpps, out var entry) ? Visible(entry) : Unknown(rpps))];
    }

    public static PractitionerStatus Of(Practitioner entry, bool reasonsVisible, bool isService = false)
    {
        var status = new PractitionerStatus
        {
            Rpps = entry.Rpps,
            Known = true,
            Registered = !entry.IsClosed,
            Status = entry.Status.Name(),
            Department = entry.Department,
            MayPractise = entry.Status == RegisterStatus.Registered,
            LastName = entry.LastName,
            FirstName = entry.FirstName,
        };
        status.Specialties.Add(entry.Specialty);
        status.Specialties.AddRange(entry.Qualifications);
        if (entry.Suspension is { } suspension)
            status.Restrictions.Add(NeedToKnow.SuspensionAsSeenBy(suspension, reasonsVisible, isService));
        var standing = RegisterStanding.Of(entry);
        status.NotAllowedFrom = standing.NotAllowedFrom?.ToString("yyyy-MM-dd") ?? "";
        status.NotAllowedUntil = standing.NotAllowedUntil?.ToString("yyyy-MM-dd") ?? "";
        if (entry.Bans.Count > 0)
            status.Restrictions.Add(Restrictions.Ban);
        if (entry.Status == RegisterStatus.InTransfer)
            status.Restrictions.Add(Restrictions.Transfer);
        return status;
    }

    private static PractitionerStatus Unknown(string rpps) => new() { Rpps = rpps, Known = false };
}
