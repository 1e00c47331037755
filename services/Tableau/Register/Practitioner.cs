using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Addresses;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.Sites;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;

namespace Ordre.Tableau.Register;

/// <summary>How a registered doctor practises.</summary>
public enum ActivityStatus { Regular, Replacement, TemporarilyInactive, Retired }

public sealed record ProfessionalAddress(string Line, string PostalCode, string City, string? Phone);

public sealed record ActiveSuspension(Guid SuspensionId, SuspensionSource Source, bool Partial, DateOnly From, DateOnly? Until);

public sealed record ActiveBan(Guid SanctionId, DateOnly From, DateOnly? To);

/// <summary>A sanction on the entry; Pending until its first day has been applied, Over once it has no more effect.</summary>
public sealed record SanctionOnEntry(Guid SanctionId, SanctionKind Kind, DateOnly From, DateOnly? To, bool Pending, bool Over);

/// <summary>
/// A doctor's entry on the Tableau: one stream per RPPS, every change an event, so the entry's history
/// is its stream. Kept as an inline snapshot for commands and the councils' reads.
/// </summary>
public sealed record Practitioner(
    Guid Id,
    string Rpps,
    string Department,
    string LastName,
    string FirstName,
    string Specialty,
    DateOnly RegisteredOn,
    RegisterStatus Status,
    ActivityStatus Activity,
    ProfessionalAddress? Address,
    IReadOnlyList<string> Qualifications,
    string? TransferTo,
    ActiveSuspension? Suspension,
    StrikingOffReason? StruckOffFor,
    ActiveBan? Ban = null,
    IReadOnlyList<SanctionOnEntry>? Sanctions = null)
{
    public bool IsClosed => Status is RegisterStatus.StruckOff or RegisterStatus.Deceased;

    public IReadOnlyList<SanctionOnEntry> Sanctions { get; init; } = Sanctions ?? [];

    public IReadOnlyList<DistinctSite> Sites { get; init; } = [];

    /// <summary>
    /// The next day on which the clock changes this entry (a suspension or ban past its last day, a
    /// sanction's first day). Stored with the snapshot and indexed: the deadline sweeper queries it.
    /// </summary>
    public DateOnly? NextDeadline => IsClosed ? null : new[]
        {
            Suspension?.Until?.AddDays(1),
            Ban?.To?.AddDays(1),
            Sanctions.Where(s => s.Pending).Select(s => (DateOnly?)s.From).Min(),
        }.Where(d => d is not null).Min();

    public static Practitioner Create(RegisteredOnTableau e) => new(
        e.PractitionerId, e.Rpps, e.Department, e.LastName, e.FirstName, e.Specialty, e.RegisteredOn,
        RegisterStatus.Registered, ActivityStatus.Regular, null, [], null, null, null);

    public static Practitioner Create(RegisterEntryImported e) => new(
        e.PractitionerId, e.Rpps, e.Department, e.LastName, e.FirstName, e.Specialty, e.RegisteredOn,
        RegisterStatus.Registered, e.Activity, e.Address, e.Qualifications, null, null, null);

    public Practitioner Apply(Reregistered e) => this with
    {
        Department = e.Department, RegisteredOn = e.RegisteredOn, Status = RegisterStatus.Registered,
        Activity = ActivityStatus.Regular, StruckOffFor = null, Suspension = null, TransferTo = null,
    };

    public Practitioner Apply(ActivityStatusChanged e) => this with { Activity = e.Activity };

    public Practitioner Apply(ProfessionalAddressChanged e) => this with { Address = e.Address };

    public Practitioner Apply(QualificationRecognised e) => this with { Qualifications = [.. Qualifications, e.Qualification] };

    public Practitioner Apply(QualificationWithdrawn e) =>
        this with { Qualifications = [.. Qualifications.Where(q => q != e.Qualification)] };

    public Practitioner Apply(TransferRequested e) => this with { Status = RegisterStatus.InTransfer, TransferTo = e.ToDepartment };

    public Practitioner Apply(TransferCompleted e) =>
        this with { Status = RegisterStatus.Registered, Department = e.NewDepartment, TransferTo = null };

    public Practitioner Apply(SuspensionOrdered e) => this with
    {
        Status = RegisterStatus.Suspended,
        Suspension = new ActiveSuspension(e.SuspensionId, e.Source, e.Partial, e.From, e.Until),
    };

    public Practitioner Apply(SuspensionEnded e) => this with { Status = RegisterStatus.Registered, Suspension = null };

    public Practitioner Apply(PractitionerStruckOff e) => this with
    {
        Status = RegisterStatus.StruckOff, StruckOffFor = e.Reason, Suspension = null, TransferTo = null, Ban = null,
        Sanctions = e.SanctionId is { } id ? Update(id, s => s with { Pending = false, Over = true }) : Sanctions,
    };

    public Practitioner Apply(DistinctSiteDeclared e) =>
        this with { Sites = [.. Sites, new DistinctSite(e.SiteId, e.Address, e.DeclaredOn, e.OpensOn, Opposed: false)] };

    public Practitioner Apply(DistinctSiteOpposed e) =>
        this with { Sites = [.. Sites.Select(s => s.SiteId == e.SiteId ? s with { Opposed = true } : s)] };

    public Practitioner Apply(SanctionRecorded e) => this with
    {
        Sanctions = [.. Sanctions, new SanctionOnEntry(e.SanctionId, e.Kind, e.From, e.To,
            Pending: e.Kind is SanctionKind.PracticeBan or SanctionKind.StrikingOff, Over: false)],
    };

    public Practitioner Apply(PracticeBanStarted e) => this with
    {
        Status = RegisterStatus.Banned, Ban = new ActiveBan(e.SanctionId, e.From, e.To), Suspension = null, TransferTo = null,
        Sanctions = Update(e.SanctionId, s => s with { Pending = false }),
    };

    public Practitioner Apply(PracticeBanEnded e) => this with
    {
        Status = Status == RegisterStatus.Banned ? RegisterStatus.Registered : Status, Ban = null,
        Sanctions = Update(e.SanctionId, s => s with { Over = true }),
    };

    public Practitioner Apply(SanctionWithdrawn e) => this with { Sanctions = Update(e.SanctionId, s => s with { Pending = false, Over = true }) };

    private IReadOnlyList<SanctionOnEntry> Update(Guid sanctionId, Func<SanctionOnEntry, SanctionOnEntry> change) =>
        [.. Sanctions.Select(s => s.SanctionId == sanctionId ? change(s) : s)];

    public Practitioner Apply(PractitionerDied e) => this with { Status = RegisterStatus.Deceased, Suspension = null, TransferTo = null };
}
