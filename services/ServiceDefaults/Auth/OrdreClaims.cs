namespace Ordre.ServiceDefaults.Auth;

/// <summary>Claim types carried by Ordre access tokens (issued by services/Identity); the role names are Ordre.Contracts.Access.Roles.</summary>
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
    /// <summary>The scopes the token grants, space-separated (OAuth 2.0 access token, RFC 9068).</summary>
    public const string Scope = "scope";

}
