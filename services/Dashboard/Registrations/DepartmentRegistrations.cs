using Marten.Schema;

namespace Ordre.Dashboard.Registrations;

/// <summary>
/// How many inscriptions each department granted, refused and left undecided past their deadline, counted from
/// PractitionerRegistered, InscriptionRefused and InscriptionImplicitlyRejected. Optimistic
/// concurrency makes two consumers incrementing the same department at once retry instead of losing a count.
/// </summary>
[UseOptimisticConcurrency]
public sealed class DepartmentRegistrations
{
    public required string Id { get; init; }
    public int Registered { get; set; }
    public int Refused { get; set; }
    public int ImplicitlyRejected { get; set; }
    public DateTimeOffset LastChangeAt { get; set; }
}
