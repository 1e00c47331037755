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

/// <summary>A transfer awaiting the new council: it decides by <paramref name="DecisionDueOn"/> (R.4112-3).</summary>
public sealed record PendingTransfer(string ToDepartment, DateOnly RequestedOn, DateOnly DecisionDueOn, DateOnly? ExpertiseOrderedOn);

/// <summary>A striking-off at the doctor's request or for an administrative reason, dated later than the day it was decided (R.4112-3).</summary>
public sealed record ScheduledStrikingOff(StrikingOffReason Reason, DateOnly On, string By);

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
    IReadOnlyList<SanctionOnEntry>? Sanctions = null)
{
    public bool IsClosed => Status is RegisterStatus.StruckOff or RegisterStatus.Deceased;

    public IReadOnlyList<SanctionOnEntry> Sanctions { get; init; } = Sanctions ?? [];

    public IReadOnlyList<DistinctSite> Sites { get; init; } = [];

    /// <summary>
    /// The bans on practising running now, each ending on its own date. Measures stack: a ban does not end a suspension
    /// (nor the reverse); the status is the strongest running measure (<see cref="Settled"/>).
    /// </summary>
    public IReadOnlyList<ActiveBan> Bans { get; init; } = [];

    /// <summary>The transfer in progress, with the new council's deadline; null when none (or recorded before the rule).</summary>
    public PendingTransfer? Transfer { get; init; }

    /// <summary>A striking-off decided for a later day: applied by the clock on that day.</summary>
    public ScheduledStrikingOff? StrikingOffOn { get; init; }

    /// <summary>
    /// The next day on which the clock changes this entry (a suspension or ban past its last day, a
    /// sanction's first day). Stored with the snapshot and indexed: the deadline sweeper queries it.
    /// </summary>
    public DateOnly? NextDeadline => IsClosed ? null : new[]
        {
            Suspension?.Until?.AddDays(1),
            Bans.Select(b => b.To?.AddDays(1)).Min(),
            Sanctions.Where(s => s.Pending).Select(s => (DateOnly?)s.From).Min(),
            StrikingOffOn?.On,
            Status == RegisterStatus.InTransfer ? Transfer?.DecisionDueOn.AddDays(1) : null,
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
        Activity = ActivityStatus.Regular, StruckOffFor = null, Suspension = null, TransferTo = null, Transfer = null, Bans = [], StrikingOffOn = null,
    };

    public Practitioner Apply(ActivityStatusChanged e) => this with { Activity = e.Activity };

    public Practitioner Apply(ProfessionalAddressChanged e) => this with { Address = e.Address };

    public Practitioner Apply(QualificationRecognised e) => this with { Qualifications = [.. Qualifications, e.Qualification] };

    public Practitioner Apply(QualificationWithdrawn e) =>
        this with { Qualifications = [.. Qualifications.Where(q => q != e.Qualification)] };

    public Practitioner Apply(TransferRequested e) => this with
    {
        Status = RegisterStatus.InTransfer, TransferTo = e.ToDepartment,
        Transfer = new PendingTransfer(e.ToDepartment, e.On, e.DecisionDueOn ?? TableauRules.Book.After(TableauRules.TransferDecision, e.On), null),
    };

    public Practitioner Apply(TransferExpertiseOrdered e) =>
        this with { Transfer = Transfer is { } t ? t with { ExpertiseOrderedOn = e.On, DecisionDueOn = e.DecisionDueOn } : null };

    public Practitioner Apply(TransferCompleted e) =>
        (this with { Department = e.NewDepartment, TransferTo = null, Transfer = null }).Settled();

    /// <summary>Refused (or left undecided): the doctor stays on the former department's roll.</summary>
    public Practitioner Apply(TransferRefused e) => (this with { TransferTo = null, Transfer = null }).Settled();

    public Practitioner Apply(SuspensionOrdered e) =>
        (this with { Suspension = new ActiveSuspension(e.SuspensionId, e.Source, e.Partial, e.From, e.Until) }).Settled();

    public Practitioner Apply(SuspensionEnded e) => (this with { Suspension = null }).Settled();

    public Practitioner Apply(StrikingOffScheduled e) => this with { StrikingOffOn = new ScheduledStrikingOff(e.Reason, e.EffectiveOn, e.By) };

    public Practitioner Apply(PractitionerStruckOff e) => this with
    {
        Status = RegisterStatus.StruckOff, StruckOffFor = e.Reason, Suspension = null, TransferTo = null, Transfer = null, Bans = [], StrikingOffOn = null,
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

    /// <summary>A ban starts beside any running suspension (both keep their own end).</summary>
    public Practitioner Apply(PracticeBanStarted e) => (this with
    {
        Bans = [.. Bans.Where(b => b.SanctionId != e.SanctionId), new ActiveBan(e.SanctionId, e.From, e.To)], TransferTo = null, Transfer = null,
        Sanctions = Update(e.SanctionId, s => s with { Pending = false }),
    }).Settled();

    public Practitioner Apply(PracticeBanEnded e) => (this with
    {
        Bans = [.. Bans.Where(b => b.SanctionId != e.SanctionId)],
        Sanctions = Update(e.SanctionId, s => s with { Over = true }),
    }).Settled();

    /// <summary>
    /// The status from the measures running: banned while any ban runs, else suspended while a suspension runs, else in
    /// transfer or registered. A closed entry (struck off, deceased) stays closed.
    /// </summary>
    private Practitioner Settled() => IsClosed ? this : this with
    {
        Status = Bans.Count > 0 ? RegisterStatus.Banned
            : Suspension is not null ? RegisterStatus.Suspended
            : TransferTo is not null ? RegisterStatus.InTransfer
            : RegisterStatus.Registered,
    };

    public Practitioner Apply(SanctionWithdrawn e) => this with { Sanctions = Update(e.SanctionId, s => s with { Pending = false, Over = true }) };

    private IReadOnlyList<SanctionOnEntry> Update(Guid sanctionId, Func<SanctionOnEntry, SanctionOnEntry> change) =>
        [.. Sanctions.Select(s => s.SanctionId == sanctionId ? change(s) : s)];

    public Practitioner Apply(PractitionerDied e) =>
        this with { Status = RegisterStatus.Deceased, Suspension = null, TransferTo = null, Transfer = null, Bans = [], StrikingOffOn = null };
}
