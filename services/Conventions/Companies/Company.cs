using Ordre.Conventions.Companies.Activating;
using Ordre.Conventions.Companies.AddingUsers;
using Ordre.Conventions.Companies.Approving;
using Ordre.Conventions.Companies.Refusing;
using Ordre.Conventions.Companies.RemovingUsers;
using Ordre.Conventions.Companies.Requesting;

namespace Ordre.Conventions.Companies;

public enum CompanyAccountStatus
{
    /// <summary>Requested: the national council has not yet decided.</summary>
    Requested,
    /// <summary>Approved: the administrator may activate the account with the activation code.</summary>
    Approved,
    Refused,
}

/// <summary>
/// A person of the company with credentials at the identity provider (client <paramref name="ClientId"/>): the
/// administrator (one per account) or a user. <see cref="CredentialsIssued"/>: the provider has the credentials and
/// they were handed over once; until then a retry provisions them again.
/// </summary>
public sealed record CompanyUser(Guid UserId, string Name, string Email, bool Administrator, string ClientId)
{
    public bool Active { get; init; }
    public bool CredentialsIssued { get; init; }
    public bool Removed { get; init; }
}

/// <summary>
/// A company's IDAHE account (DOMAIN §4.1: one administrator and several users): requested by the company, approved or
/// refused by the national council, activated by its administrator with the one-time code (only its hash is kept), who
/// then adds and removes users. <see cref="Identifier"/> is what tokens carry as <c>company_id</c>. State and Apply only.
/// </summary>
public sealed record Company(
    Guid Id, string Identifier, string Country, string LegalName, CompanyAccountStatus Status, DateOnly RequestedOn,
    string ActivationCodeHash, IReadOnlyList<CompanyUser> Users)
{
    public DateOnly? DecidedOn { get; init; }
    public string? RefusalReasons { get; init; }

    public CompanyUser Administrator => Users.First(u => u.Administrator);

    public static Company Create(CompanyAccountRequested e) => new(
        e.CompanyId, e.Identifier, e.Country, e.LegalName, CompanyAccountStatus.Requested, e.On, e.ActivationCodeHash,
        [new CompanyUser(e.AdministratorId, e.AdministratorName, e.AdministratorEmail, true, CompanyCredentials.ClientIdOf(e.AdministratorId))]);

    public Company Apply(CompanyAccountApproved e) => this with { Status = CompanyAccountStatus.Approved, DecidedOn = e.On };
    public Company Apply(CompanyAccountRefused e) => this with { Status = CompanyAccountStatus.Refused, DecidedOn = e.On, RefusalReasons = e.Reasons };
    public Company Apply(CompanyAdministratorActivated e) => Change(e.UserId, u => u with { Active = true });
    public Company Apply(CompanyCredentialsIssued e) => Change(e.UserId, u => u with { CredentialsIssued = true });
    public Company Apply(CompanyUserAdded e) => this with
    {
        Users = [.. Users, new CompanyUser(e.UserId, e.Name, e.Email, false, e.ClientId) { Active = true }],
    };
    public Company Apply(CompanyUserRemoved e) => Change(e.UserId, u => u with { Removed = true, Active = false });

    private Company Change(Guid userId, Func<CompanyUser, CompanyUser> change) =>
        this with { Users = [.. Users.Select(u => u.UserId == userId ? change(u) : u)] };
}
