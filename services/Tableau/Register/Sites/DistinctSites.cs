namespace Ordre.Tableau.Register.Sites;

public sealed record DistinctSite(Guid SiteId, ProfessionalAddress Address, DateOnly DeclaredOn, DateOnly OpensOn, bool Opposed);

/// <summary>
/// A doctor declares a distinct site at least 2 months before opening it; the departmental council may oppose
/// it within 2 months of the declaration (R.4127-85). Both are rows of <see cref="TableauRules"/>, pinned by tests.
/// </summary>
public static class DistinctSiteRules
{
    /// <summary>The first day a site declared on <paramref name="declaredOn"/> may open.</summary>
    public static DateOnly EarliestOpening(DateOnly declaredOn) => TableauRules.Book.After(TableauRules.DistinctSiteNotice, declaredOn);

    /// <summary>The last day the council may oppose a site declared on <paramref name="declaredOn"/>.</summary>
    public static DateOnly OppositionLastDay(DateOnly declaredOn) => TableauRules.Book.After(TableauRules.DistinctSiteOpposition, declaredOn);
}
