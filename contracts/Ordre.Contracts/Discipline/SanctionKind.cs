namespace Ordre.Contracts.Discipline;

/// <summary>
/// The disciplinary sanctions of L.4124-6, lightest first. <see cref="SanctionEnforceable.Kind"/> carries the name as a
/// string (the wire format stays a string; read it with <see cref="SanctionKinds.KindOf"/>).
/// </summary>
public enum SanctionKind { Warning, Reprimand, PublicFunctionsBan, PracticeBan, StrikingOff }

/// <summary>Reading and writing <see cref="SanctionKind"/> where it travels as a string.</summary>
public static class SanctionKinds
{
    /// <summary>The outcome of a decision that imposes no sanction, as <see cref="JurisprudenceFichePublished.Sanction"/> names it.</summary>
    public const string Dismissed = "Dismissed";

    /// <summary>The kind a string names ("PracticeBan" → PracticeBan); null when it names none.</summary>
    public static SanctionKind? Parse(string? kind) =>
        Enum.TryParse<SanctionKind>(kind, out var parsed) && parsed.ToString() == kind ? parsed : null;

    /// <summary>The name a kind travels under ("PracticeBan").</summary>
    public static string Name(this SanctionKind kind) => kind.ToString();

    /// <summary>The sanction's kind; null when the message names an unknown kind.</summary>
    public static SanctionKind? KindOf(this SanctionEnforceable sanction) => Parse(sanction.Kind);

    /// <summary>The sanction a published case-law sheet records; null for <see cref="Dismissed"/> (no sanction) or an unknown name.</summary>
    public static SanctionKind? SanctionOf(this JurisprudenceFichePublished sheet) => Parse(sheet.Sanction);
}
