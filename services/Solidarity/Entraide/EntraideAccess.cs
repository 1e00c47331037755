using System.Security.Claims;
using Ordre.Contracts.Access;

namespace Ordre.Solidarity.Entraide;

/// <summary>
/// Need-to-know on entraide (DESIGN "Who may see and do what", DOMAIN §5.2, §8): the details of a request are for the
/// commission members assigned to it and the doctor's departmental council; the national council administers the case
/// (assignment, payment) from the record without its details; anyone else is told nothing, not even that it exists (404).
/// </summary>
public static class EntraideAccess
{
    /// <summary>May read the health and social details (and act as the case's handler).</summary>
    public static bool SeesDetails(AidRequest request, ClaimsPrincipal user) =>
        user.IsCouncilOf(request.Department) || IsAssignedMember(request, user);

    public static bool IsAssignedMember(AidRequest request, ClaimsPrincipal user) =>
        user.IsInRole(Roles.EntraideCommission) && request.Members.Contains(user.Actor());

    /// <summary>May know the request exists (and read it without the details when not <see cref="SeesDetails"/>).</summary>
    public static bool Knows(AidRequest request, ClaimsPrincipal user) => SeesDetails(request, user) || user.IsInRole(Roles.NationalCouncil);
}

/// <summary>A request as anyone who knows of it reads it: no details, no RPPS, no name.</summary>
public sealed record AidRequestView(Guid Id, string Channel, string Applicant, string Department, decimal AmountAsked, string Status,
    DateOnly ReceivedOn, IReadOnlyList<string> Members, bool? FavourableOpinion, string? Kind, decimal? Granted, string? Fund, Guid? Transfer, Guid? Loan,
    AidDetailsView? Details = null)
{
    public static AidRequestView Of(AidRequest r, bool withDetails = false) => new(r.Id, Kebab(r.Channel.ToString()), Kebab(r.Applicant.ToString()), r.Department,
        r.AmountAsked, Kebab(r.Status.ToString()), r.ReceivedOn, r.Members, r.FavourableOpinion, r.Kind is { } k ? Kebab(k.ToString()) : null, r.Granted, r.Fund,
        r.Transfer, r.Loan, withDetails ? new AidDetailsView(r.Rpps, r.Details.ApplicantName, r.Details.Contact, r.Details.Situation, r.Details.Relationship, r.OpinionComment) : null);

    private static string Kebab(string name) => name.ToLowerInvariant();
}

/// <summary>The need-to-know part of a request, for its handlers only.</summary>
public sealed record AidDetailsView(string? Rpps, string ApplicantName, string? Contact, string Situation, string? Relationship, string? OpinionComment);
