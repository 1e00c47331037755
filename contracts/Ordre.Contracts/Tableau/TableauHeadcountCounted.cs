namespace Ordre.Contracts.Tableau;

/// <summary>
/// The Tableau's headcount (DOMAIN.md §7, "Tableau headcount by status and department"), a stock: every entry of the
/// register counted by department, status and activity at <paramref name="CountedAt"/>, as the register stood on
/// <paramref name="KnownOn"/> (the calendar day in Europe/Paris). Published when the register changed, at most about once
/// a second, never per doctor (docs/dashboard.md, "Headcount"). Counts only: no RPPS, no name. Versioning: add fields only.
/// <paramref name="Number"/> is the publication's number, one more than the register's last one: a later count has a
/// higher number whatever the clocks said (a Tableau whose clock ran ahead must not hide the counts after it).
/// </summary>
public sealed record TableauHeadcountCounted(DateTimeOffset CountedAt, DateOnly KnownOn, IReadOnlyList<HeadcountRow> Rows, long Number = 0);

/// <summary>
/// How many entries of <paramref name="Department"/> have <paramref name="Status"/> (a <see cref="RegisterStatus"/> name) and
/// <paramref name="Activity"/> (Regular, Replacement, TemporarilyInactive, Retired; null for a struck-off or deceased doctor).
/// </summary>
public sealed record HeadcountRow(string Department, string Status, string? Activity, int Count);
