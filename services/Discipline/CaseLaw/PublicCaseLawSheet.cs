using Ordre.Discipline.Chambers;

namespace Ordre.Discipline.CaseLaw;

/// <summary>A case-law sheet as the public reads it.</summary>
public sealed record PublicCaseLawSheet(
    string Reference, string Decision, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn)
{
    /// <summary>What anyone reads of a sheet: no internal identifier (no case, complaint or stream id).</summary>
    public static PublicCaseLawSheet Of(CaseLawSheet sheet) =>
        new(sheet.Reference ?? "", sheet.DecisionReference ?? "", sheet.Number, sheet.Title, sheet.Summary, sheet.Themes, sheet.Sanction,
            sheet.DecidedOn, sheet.Department, sheet.PublishedOn);
}
