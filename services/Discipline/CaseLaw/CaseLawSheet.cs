using Ordre.Discipline.CaseLaw.Publishing;
using Ordre.Discipline.Chambers;

namespace Ordre.Discipline.CaseLaw;

/// <summary>
/// A pseudonymised summary sheet of a national chamber decision, public in the case-law base. A decision may give
/// several sheets, one per point of law [S4: 410 sheets from 292 decisions]. Its own stream, one event.
/// <see cref="Id"/> and <see cref="CaseId"/> are internal: the public reads <see cref="PublicCaseLawSheet"/>, which
/// names the sheet by its <see cref="Reference"/> only.
/// </summary>
public sealed record CaseLawSheet(
    Guid Id, Guid CaseId, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn)
{
    /// <summary>The sheet's public reference ("JP-7K3M9Q2X-2"): its decision's reference and its number (none on sheets published before references).</summary>
    public string? Reference { get; init; }

    /// <summary>The decision's public reference, shared by its sheets ("JP-7K3M9Q2X"); random, it links to nothing internal.</summary>
    public string? DecisionReference { get; init; }

    public static CaseLawSheet Create(CaseLawSheetPublished e) =>
        new(e.SheetId, e.CaseId, e.Number, e.Title, e.Summary, e.Themes, e.Sanction, e.DecidedOn, e.Department, e.PublishedOn)
        {
            Reference = e.Reference,
            DecisionReference = e.DecisionReference,
        };
}
