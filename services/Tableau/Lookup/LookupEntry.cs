using Ordre.Tableau.Register;

namespace Ordre.Tableau.Lookup;

/// <summary>
/// What the lookup's answer and need-to-know read of an entry, and nothing else: the batch lookup reads only these members
/// of the snapshots (<see cref="PractitionerStatuses.LoadEntriesAsync"/>), the as-of lookup takes them from the entry it
/// replays (<see cref="From"/>). A member the answer starts to read is added here, so the narrow query cannot leave it
/// empty unnoticed (<c>LookupEntriesAreTheSnapshotsOwnMembers</c> compares the two).
/// </summary>
public sealed record LookupEntry(
    string Rpps, string Department, RegisterStatus Status, string LastName, string FirstName, string Specialty,
    IReadOnlyList<string> Qualifications, ActiveSuspension? Suspension, IReadOnlyList<ActiveBan> Bans)
{
    public bool IsClosed => Status is RegisterStatus.StruckOff or RegisterStatus.Deceased;

    public static LookupEntry From(Practitioner entry) => new(
        entry.Rpps, entry.Department, entry.Status, entry.LastName, entry.FirstName, entry.Specialty, entry.Qualifications, entry.Suspension, entry.Bans);
}
