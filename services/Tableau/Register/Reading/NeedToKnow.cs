using System.Security.Claims;
using Ordre.Contracts.Tableau;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Register.Reading;

/// <summary>
/// Who may know why a doctor may not practise (docs/security.md, "Need-to-know"). The reason of a health or
/// incompetence suspension is health data (RGPD art. 9): only the doctor's departmental council, the regional
/// council of its region and the national bodies see it, with the entry's full history. Every other caller
/// learns the doctor's standing: registered or not, may practise or not, and from when to when.
/// </summary>
public static class NeedToKnow
{
    public static bool MaySeeReasons(this ClaimsPrincipal user, string department) =>
        user.IsNationalBody()
        || user.IsCouncilOf(department)
        || (user.IsInRole(Roles.RegionalCouncil) && user.HasJurisdictionOver(department));

    /// <summary>
    /// The restriction as this caller may see it: "suspension:Health" for those who may know the reason; for another
    /// Ordre service, the emergency suspension it acts on (Discipline refers those cases) but no health reason;
    /// otherwise only "suspension".
    /// </summary>
    public static string SuspensionAsSeenBy(ActiveSuspension suspension, bool reasonsVisible, bool isService) =>
        reasonsVisible || (isService && suspension.Source == SuspensionSource.ArsEmergency)
            ? Restrictions.SuspensionFrom(suspension.Source.ToString(), suspension.Partial)
            : Restrictions.Suspension;
}

/// <summary>
/// What any council or chamber learns of a doctor outside its need-to-know: the standing, not the reasons.
/// NotAllowedFrom and NotAllowedUntil: first day of the earliest running measure (suspension or ban) and last day of
/// the latest one (none when one of them has no known end).
/// </summary>
public sealed record RegisterStanding(
    string Rpps, string LastName, string FirstName, string Department, string Specialty, RegisterStatus Status,
    bool MayPractise, DateOnly? NotAllowedFrom, DateOnly? NotAllowedUntil)
{
    public static RegisterStanding Of(Practitioner entry)
    {
        var (from, until) = NotAllowed(entry.Bans, entry.Suspension);
        return new(entry.Rpps, entry.LastName, entry.FirstName, entry.Department, entry.Specialty, entry.Status,
            entry.Status == RegisterStatus.Registered, from, until);
    }

    /// <summary>The first day of the earliest running measure and the last day of the latest one (none when one has no known end).</summary>
    public static (DateOnly? From, DateOnly? Until) NotAllowed(IReadOnlyList<ActiveBan> bans, ActiveSuspension? suspension)
    {
        List<(DateOnly From, DateOnly? To)> running = [.. bans.Select(b => (b.From, b.To)), .. suspension is { } s ? [(s.From, s.Until)] : Array.Empty<(DateOnly, DateOnly?)>()];
        return (running.Select(m => (DateOnly?)m.From).Min(), running.Count > 0 && running.All(m => m.To is not null) ? running.Max(m => m.To) : null);
    }
}
