namespace Ordre.Tableau.Register.Sites;

public sealed record DistinctSite(Guid SiteId, ProfessionalAddress Address, DateOnly DeclaredOn, DateOnly OpensOn, bool Opposed);

/// <summary>
/// A doctor declares a distinct site at least 2 months before opening it; the departmental council may oppose
/// it within 2 months of the declaration (R.4127-85). Both rules are data, pinned by tests.
/// </summary>
public static class DistinctSiteRules
{
    public const int NoticeMonths = 2;
    public const int OppositionMonths = 2;
}
