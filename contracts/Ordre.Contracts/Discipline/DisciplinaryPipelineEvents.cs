namespace Ordre.Contracts.Discipline;

// Integration events of Discipline for the national figures (issue 14): the pipeline from complaint to the national
// chamber, counted by month and department. No party, no RPPS, no grounds: a complaint is health-adjacent data and stays
// in Discipline. Versioning: add fields only.

/// <summary>A departmental council registered a complaint against a doctor of <paramref name="Department"/>.</summary>
public sealed record ComplaintLodged(Guid ComplaintId, string Department, DateOnly RegisteredOn, DateTimeOffset OccurredAt);

/// <summary>The conciliation of a complaint was held: <paramref name="Outcome"/> is Total, Partial, Failed or Absent.</summary>
public sealed record ConciliationEnded(Guid ComplaintId, string Outcome, DateOnly On, DateTimeOffset OccurredAt);

/// <summary>
/// A case was opened before a disciplinary chamber: <paramref name="Chamber"/> is <see cref="DisciplinaryChambers.FirstInstance"/>
/// (CDPI, the complaint transmitted or referred; <paramref name="Department"/> the doctor's) or
/// <see cref="DisciplinaryChambers.National"/> (CDN, an appeal lodged; no department).
/// </summary>
public sealed record DisciplinaryCaseOpened(Guid CaseId, string Chamber, string? Department, DateOnly On, DateTimeOffset OccurredAt);

/// <summary>
/// A chamber judged a case: <paramref name="Outcome"/> is Dismissed, Warning, Reprimand, PublicFunctionsBan, PracticeBan or
/// StrikingOff (the decision, not yet final). <paramref name="OpenedOn"/> is the day the case was opened before that chamber
/// (the case registered at the CDPI; the appeal lodged at the CDN; for an emergency case the CDN judges when the CDPI's
/// 2 months ran out, the day the CDPI registered it), for the average time to judgment; null in events published before
/// it was added.
/// </summary>
public sealed record DisciplinaryCaseJudged(Guid CaseId, string Chamber, string Outcome, DateOnly On, DateTimeOffset OccurredAt, DateOnly? OpenedOn = null);

/// <summary>The names of the chambers in <see cref="DisciplinaryCaseOpened"/> and <see cref="DisciplinaryCaseJudged"/>.</summary>
public static class DisciplinaryChambers
{
    public const string FirstInstance = "CDPI";
    public const string National = "CDN";
}
