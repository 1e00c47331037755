namespace Ordre.ServiceDefaults.Auth;

/// <summary>Claim types and role names carried by Ordre access tokens (issued by services/Identity).</summary>
public static class OrdreClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>Department code of a departmental council (e.g. "75", "2A", "971").</summary>
    public const string Department = "department";
    /// <summary>Region code of a regional council or first-instance chamber.</summary>
    public const string Region = "region";
    /// <summary>Identifier of a company using IDAHE.</summary>
    public const string CompanyId = "company_id";

    public static class Roles
    {
        public const string DepartmentalCouncil = "cdom";
        public const string RegionalCouncil = "crom";
        public const string FirstInstanceChamber = "cdpi";
        public const string NationalChamber = "cdn";
        public const string NationalCouncil = "cnom";
        public const string Company = "company";
        /// <summary>The director-general of a regional health agency (ARS).</summary>
        public const string RegionalHealthAgency = "ars";
        /// <summary>A doctor signed in to the directory (sees retired doctors, without address).</summary>
        public const string Doctor = "doctor";
        public const string Service = "service";
    }
}
