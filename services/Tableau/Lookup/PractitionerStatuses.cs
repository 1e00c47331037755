using System.Security.Claims;
using Marten;
using Npgsql;
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
        PractitionerStatus Visible(LookupEntry entry) =>
            Of(entry, reasonsVisible: !isService && caller.MaySeeReasons(entry.Department), isService);

        if (asOf is { } day)
        {
            var then = await RegisterAsOf.LoadAsync(session, [.. rppsNumbers], day, ct);
            return [.. rppsNumbers.Select(rpps =>
            {
                var status = then.TryGetValue(rpps, out var answer) ? Visible(LookupEntry.From(answer.Entry!)) : Unknown(rpps);
                status.AsOf = day.ToString("yyyy-MM-dd");
                status.KnownOn = answer?.KnownOn?.ToString("yyyy-MM-dd") ?? "";
                return status;
            })];
        }
        var entries = await LoadEntriesAsync(session, rppsNumbers, ct);
        return [.. rppsNumbers.Select(rpps => entries.TryGetValue(rpps, out var entry) ? Visible(entry) : Unknown(rpps))];
    }

    /// <summary>
    /// The <see cref="LookupEntry"/> of each valid RPPS on the register, read by one query of those JSON members of the snapshots
    /// instead of Marten's LoadMany of the whole documents (addresses, sites, sanctions, transfer…, all deserialized for
    /// nothing): the same answer for about half the Tableau's CPU per RPPS (docs/benchmarks.md, "IDAHE's year … third round").
    /// </summary>
    public static async Task<Dictionary<string, LookupEntry>> LoadEntriesAsync(IQuerySession session, IReadOnlyList<string> rppsNumbers, CancellationToken ct)
    {
        var ids = rppsNumbers.Where(Rpps.IsValid).Distinct().Select(PractitionerStream.IdOf).ToArray();
        var entries = new Dictionary<string, LookupEntry>(ids.Length, StringComparer.Ordinal);
        if (ids.Length == 0)
            return entries;
        // Empty arrays and null objects come back as SQL nulls: nothing to deserialize for most entries.
        await using var command = new NpgsqlCommand($"""
            select data->>'Rpps', data->>'Department', (data->>'Status')::int, data->>'LastName', data->>'FirstName', data->>'Specialty',
                   case when jsonb_array_length(data->'Qualifications') > 0 then array(select jsonb_array_elements_text(data->'Qualifications')) end,
                   case when jsonb_typeof(data->'Suspension') = 'object' then data->'Suspension' end,
                   case when jsonb_array_length(data->'Bans') > 0 then data->'Bans' end
            from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_practitioner where id = any($1)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        var serializer = session.DocumentStore.Options.Serializer();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            var entry = new LookupEntry(
                reader.GetString(0), reader.GetString(1), (RegisterStatus)reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? [] : reader.GetFieldValue<string[]>(6),
                reader.IsDBNull(7) ? null : serializer.FromJson<ActiveSuspension>(reader, 7),
                reader.IsDBNull(8) ? [] : serializer.FromJson<List<ActiveBan>>(reader, 8));
            entries[entry.Rpps] = entry;
        }
        return entries;
    }

    public static PractitionerStatus Of(LookupEntry entry, bool reasonsVisible, bool isService = false)
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
        var (from, until) = RegisterStanding.NotAllowed(entry.Bans, entry.Suspension);
        status.NotAllowedFrom = from?.ToString("yyyy-MM-dd") ?? "";
        status.NotAllowedUntil = until?.ToString("yyyy-MM-dd") ?? "";
        if (entry.Bans.Count > 0)
            status.Restrictions.Add(Restrictions.Ban);
        if (entry.Status == RegisterStatus.InTransfer)
            status.Restrictions.Add(Restrictions.Transfer);
        return status;
    }

    private static PractitionerStatus Unknown(string rpps) => new() { Rpps = rpps, Known = false };
}
