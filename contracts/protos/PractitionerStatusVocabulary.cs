namespace Ordre.Contracts.Tableau.Lookup;

/// <summary>
/// The lookup's answer read as the shared vocabulary (<see cref="RegisterStatus"/>, <see cref="Restrictions"/>)
/// instead of raw strings. The message class is generated from practitioner_lookup.proto in each project that compiles
/// the .proto, so this file is linked beside it (as the .proto is), and is internal to each of them.
/// </summary>
internal static class PractitionerStatusVocabulary
{
    /// <summary>The doctor's status on the Tableau; null for an unknown RPPS (empty status) or a name this build does not know.</summary>
    public static RegisterStatus? RegisterStatusOf(this PractitionerStatus doctor) => RegisterStatuses.Parse(doctor.Status);

    /// <summary>Whether the Tableau lists an emergency suspension by the regional health agency (L.4113-14).</summary>
    public static bool IsUnderArsEmergencySuspension(this PractitionerStatus doctor) => Restrictions.HasArsEmergencySuspension(doctor.Restrictions);
}
