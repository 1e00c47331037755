using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.ServiceDefaults.Audit;

/// <summary>
/// One line of the audit trail: who (subject, roles, department, region) read or was refused which record, when, and
/// how it ended. Action: the endpoint's name (e.g. GetRegisterEntry); RecordKind: what was asked for (register-entry,
/// complaint…, "route" when refused before any record); Records: the RPPS numbers or ids named (empty when none);
/// Status: the HTTP status answered; Outcome: autorisé, refusé or introuvable.
/// </summary>
public sealed record AuditEntry(
    long Position, DateTimeOffset At, string Actor, IReadOnlyList<string> Roles, string? Department, string? Region,
    string Action, string Method, string Path, string RecordKind, IReadOnlyList<string> Records, int Status, string Outcome);

/// <summary>
/// The append-only audit trail of a service (DESIGN.md, "Audit"), in the service's own schema. PostgreSQL itself
/// refuses any UPDATE, DELETE or TRUNCATE of it (a trigger), so the service cannot rewrite what it recorded. A line is
/// written before the answer leaves: if it cannot be written, the record is not served.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource database, string schema, TimeProvider clock)
{
    public const string Allowed = "autorisé";
    public const string Refused = "refusé";
    public const string NotFound = "introuvable";

    private string Table => $"\"{schema}\".audit_trail";

    public async Task CreateAsync(CancellationToken ct)
    {
        // Several instances may start together: one creates, the others wait for it.
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select pg_advisory_xact_lock(hashtext('{schema}.audit_trail'));
            create schema if not exists "{schema}";
            create table if not exists {Table} (
                position bigint generated always as identity primary key,
                at timestamptz not null,
                actor text not null,
                roles text[] not null,
                department text,
                region text,
                action text not null,
                method text not null,
                path text not null,
                record_kind text not null,
                records text[] not null,
                status integer not null,
                outcome text not null);
            create index if not exists audit_trail_records on {Table} using gin (records);
            create index if not exists audit_trail_actor on {Table} (actor, position);
            create or replace function "{schema}".audit_trail_is_append_only() returns trigger language plpgsql as $$
            begin
                raise exception 'La piste d''audit est en ajout seul : % refusé.', tg_op;
            end $$;
            drop trigger if exists audit_trail_append_only on {Table};
            create trigger audit_trail_append_only before update or delete on {Table}
                for each row execute function "{schema}".audit_trail_is_append_only();
            drop trigger if exists audit_trail_no_truncate on {Table};
            create trigger audit_trail_no_truncate before truncate on {Table}
                for each statement execute function "{schema}".audit_trail_is_append_only();
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task RecordAsync(ClaimsPrincipal user, string action, string method, string path, string recordKind,
        IReadOnlyList<string> records, int status, CancellationToken ct)
    {
        try
        {
            await InsertAsync(user, action, method, path, recordKind, records, status, ct);
        }
        catch (Exception e) when (Problems.DependencyFailures.IsBrokenPooledConnection(e))
        {
            // The server closed the pooled connections (a restart): once more on a fresh one.
            database.Clear();
            await InsertAsync(user, action, method, path, recordKind, records, status, ct);
        }
    }

    private async Task InsertAsync(ClaimsPrincipal user, string action, string method, string path, string recordKind,
        IReadOnlyList<string> records, int status, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            insert into {Table} (at, actor, roles, department, region, action, method, path, record_kind, records, status, outcome)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user.Identity?.IsAuthenticated == true ? user.Actor() : "anonyme" });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. user.FindAll(OrdreClaims.Role).Select(c => c.Value)] });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)user.FindFirst(OrdreClaims.Department)?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)user.FindFirst(OrdreClaims.Region)?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = method });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = path });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recordKind });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. records] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutcomeOf(status) });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string OutcomeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Refused,
        StatusCodes.Status404NotFound => NotFound,
        _ => Allowed,
    };

    /// <summary>One page of the trail, newest first, optionally for one record, one caller or one outcome.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, long Total)> ReadAsync(
        string? record, string? actor, string? outcome, int page, int pageSize, CancellationToken ct)
    {
        const string Filter = "where ($1::text is null or records @> array[$1]) and ($2::text is null or actor = $2) and ($3::text is null or outcome = $3)";
        await using var count = database.CreateCommand($"select count(*) from {Table} {Filter}");
        AddFilters(count, record, actor, outcome);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;

        await using var select = database.CreateCommand($"""
            select position, at, actor, roles, department, region, action, method, path, record_kind, records, status, outcome
            from {Table} {Filter} order by position desc limit $4 offset $5
            """);
        AddFilters(select, record, actor, outcome);
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(page - 1) * pageSize });
        var items = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            items.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetFieldValue<string[]>(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetFieldValue<string[]>(10),
                reader.GetInt32(11), reader.GetString(12)));
        return (items, total);
    }

    private static void AddFilters(NpgsqlCommand command, string? record, string? actor, string? outcome)
    {
        foreach (var value in new[] { record, actor, outcome })
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
