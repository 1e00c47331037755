namespace Ordre.Contracts.Access;

/// <summary>
/// The roles an Ordre access token carries (claim <c>role</c>, issued by services/Identity). Every service and the
/// gateway check them, so they are shared vocabulary, like the RPPS.
/// </summary>
public static class Roles
{
    public const string DepartmentalCouncil = "cdom";
    public const string RegionalCouncil = "crom";
    public const string FirstInstanceChamber = "cdpi";
    public const string NationalChamber = "cdn";
    public const string NationalCouncil = "cnom";
    public const string Company = "company";
    /// <summary>The administrator of a company's IDAHE account (with <see cref="Company"/>): adds and removes its users.</summary>
    public const string CompanyAdministrator = "company-admin";
    /// <summary>The director-general of a regional health agency (ARS).</summary>
    public const string RegionalHealthAgency = "ars";
    /// <summary>A doctor signed in to the directory (sees retired doctors, without address).</summary>
    public const string Doctor = "doctor";
    public const string Service = "service";
    /// <summary>A subscriber of the register's change feed (a hospital, an agency): a client, never a person.</summary>
    public const string RegisterSubscriber = "register-subscriber";
    /// <summary>A member of the Commission nationale d'entraide (sees an aid request's details only when assigned to it).</summary>
    public const string EntraideCommission = "entraide";
}
