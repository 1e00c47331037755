using Ordre.Discipline.Chambers;

namespace Ordre.Discipline.CaseLaw;

/// <summary>
/// A pseudonymised summary sheet of a national chamber decision, public in the case-law base. A decision may give
/// several sheets, one per point of law [S4: 410 sheets from 292 decisions]. Its own stream, one event.
/// </summary>
public sealed record CaseLawSheet(
    Guid Id, Guid CaseId, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn)
{
    public static CaseLawSheet Create(CaseLawSheetPublished e) =>
        new(e.SheetId, e.CaseId, e.Number, e.Title, e.Summary, e.Themes, e.Sanction, e.DecidedOn, e.Department, e.PublishedOn);
}

/// <summary>The sheet as published: its text is already pseudonymised (no party names, addresses or numbers).</summary>
public sealed record CaseLawSheetPublished(
    Guid SheetId, Guid CaseId, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn, string By);
