namespace Ordre.Contracts.Tableau;

/// <summary>
/// A doctor's standing on the Tableau changed: <paramref name="Status"/> is Registered, InTransfer,
/// Suspended, StruckOff or Deceased; <paramref name="Activity"/> (Regular, Replacement,
/// TemporarilyInactive, Retired) is set when the activity changed.
/// </summary>
public sealed record PractitionerStatusChanged(string Rpps, string Status, string? Activity, DateOnly On, DateTimeOffset OccurredAt);

/// <summary>
/// A doctor was suspended; <paramref name="Until"/> is the last day, when fixed. <paramref name="Source"/> names the
/// authority (RegionalCouncil or ArsEmergency), never the reason: health and incompetence are health data and stay in
/// the Tableau (docs/security.md, "Need-to-know").
/// </summary>
public sealed record PractitionerSuspended(string Rpps, string Source, bool Partial, DateOnly From, DateOnly? Until, DateTimeOffset OccurredAt);

/// <summary>A doctor was struck off the Tableau (CeasedPractice, Administrative or Disciplinary).</summary>
public sealed record PractitionerStruckOff(string Rpps, string Reason, DateOnly EffectiveOn, DateTimeOffset OccurredAt);

/// <summary>A doctor died.</summary>
public sealed record PractitionerDeceased(string Rpps, DateOnly DiedOn, DateTimeOffset OccurredAt);

/// <summary>A doctor's transfer between departments is complete.</summary>
public sealed record PractitionerTransferred(string Rpps, string FromDepartment, string ToDepartment, DateOnly On, DateTimeOffset OccurredAt);
