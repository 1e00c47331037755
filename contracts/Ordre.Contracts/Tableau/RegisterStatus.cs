namespace Ordre.Contracts.Tableau;

/// <summary>
/// A doctor's standing on the Tableau, as it crosses services: the <c>status</c> of the PractitionerStatus lookup
/// (gRPC) and of <see cref="PractitionerStatusChanged"/> carry these names as strings (<see cref="RegisterStatuses"/>).
/// </summary>
public enum RegisterStatus { Registered, InTransfer, Suspended, Banned, StruckOff, Deceased }

/// <summary>Reading and writing <see cref="RegisterStatus"/> where it travels as a string.</summary>
public static class RegisterStatuses
{
    /// <summary>The status a string names ("StruckOff" → StruckOff); null when empty (an unknown RPPS) or unknown.</summary>
    public static RegisterStatus? Parse(string? status) =>
        Enum.TryParse<RegisterStatus>(status, out var parsed) && parsed.ToString() == status ? parsed : null;

    /// <summary>The name a status travels under ("StruckOff").</summary>
    public static string Name(this RegisterStatus status) => status.ToString();
}

/// <summary>
/// The restrictions the PractitionerStatus lookup lists for a doctor who may not practise freely: "ban", "transfer",
/// "suspension", and for callers who may see it the suspension's source ("suspension:Health",
/// "suspension:Incompetence:partial"); other Ordre services see <see cref="ArsEmergencySuspension"/> and no health reason.
/// </summary>
public static class Restrictions
{
    public const string Ban = "ban";
    public const string Transfer = "transfer";
    public const string Suspension = "suspension";
    /// <summary>The regional health agency suspended the doctor in an emergency (L.4113-14): Discipline refers those cases.</summary>
    public const string ArsEmergencySuspension = Suspension + ":" + SuspensionSources.ArsEmergency;

    /// <summary>A suspension with its source: "suspension:Health", "suspension:ArsEmergency:partial".</summary>
    public static string SuspensionFrom(string source, bool partial) => $"{Suspension}:{source}{(partial ? ":partial" : "")}";

    /// <summary>Whether <paramref name="restrictions"/> hold an emergency suspension by the regional health agency (whole, not partial).</summary>
    public static bool HasArsEmergencySuspension(IEnumerable<string> restrictions) => restrictions.Contains(ArsEmergencySuspension);
}

/// <summary>
/// The sources of a suspension that may be named outside the Tableau. Health and Incompetence are reasons, health data:
/// only those with the need to know see them in a restriction; <see cref="PractitionerSuspended"/> carries the authority
/// (<see cref="ArsEmergency"/> or <see cref="RegionalCouncil"/>), never the reason.
/// </summary>
public static class SuspensionSources
{
    public const string ArsEmergency = "ArsEmergency";
    public const string RegionalCouncil = "RegionalCouncil";
}
