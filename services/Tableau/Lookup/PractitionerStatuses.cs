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
        var entries = await LoadWhatTheAnswerReadsAsync(session, ids, ct);
        return [.. rppsNumbers.Select(rpps => entries.TryGetValue(rpps, out var entry) ? Visible(entry) : Unknown(rpps))];
    }

    /// <summary>
    /// The entries of <paramref name="ids"/> with only the members <see cref="Of"/> and NeedToKnow read (RPPS, names, department,
    /// status, specialty, qualifications, the running suspension and bans), read by one query of those JSON members, instead of
    /// Marten's LoadMany of the whole documents (addresses, sites, sanctions, transfer…, all deserialized for nothing): the
    /// same answer for about half the Tableau's CPU per RPPS (docs/benchmarks.md, "IDAHE's year … third round"). The other
    /// members are left empty: the entries built here serve the lookup's answer only.
    /// </summary>
    private static async Task<Dictionary<string, Practitioner>> LoadWhatTheAnswerReadsAsync(IQuerySession session, Guid[] ids, CancellationToken ct)
    {
        var entries = new Dictionary<string, Practitioner>(ids.Length, StringComparer.Ordinal);
        if (ids.Length == 0)
            return entries;
        // Empty arrays and null objects come back as SQL nulls: nothing to deserialize for most entries.
        await using var command = new NpgsqlCommand($"""
            select id, data->>'Rpps', data->>'Department', (data->>'Status')::int, data->>'LastName', data->>'FirstName', data->>'Specialty',
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
            var entry = new Practitioner(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                default, (RegisterStatus)reader.GetInt32(3), default, null,
                reader.IsDBNull(7) ? [] : reader.GetFieldValue<string[]>(7), null,
                reader.IsDBNull(8) ? null : serializer.FromJson<ActiveSuspension>(reader, 8), null)
            {
                Bans = reader.IsDBNull(9) ? [] : serializer.FromJson<List<ActiveBan>>(reader, 9),
            };
            entries[entry.Rpps] = entry;
        }
        return entries;
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
