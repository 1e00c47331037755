using System.Security.Cryptography;
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

    /// <summary>What anyone reads: no internal identifier (no case, complaint or stream id).</summary>
    public PublicCaseLawSheet ToPublic() =>
        new(Reference ?? "", DecisionReference ?? "", Number, Title, Summary, Themes, Sanction, DecidedOn, Department, PublishedOn);
}

/// <summary>A case-law sheet as the public reads it.</summary>
public sealed record PublicCaseLawSheet(
    string Reference, string Decision, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn);

/// <summary>The sheet as published: its text is already pseudonymised (no names, addresses, numbers or internal ids).</summary>
public sealed record CaseLawSheetPublished(
    Guid SheetId, Guid CaseId, int Number, string Title, string Summary, IReadOnlyList<string> Themes,
    DecisionOutcome Sanction, DateOnly DecidedOn, string Department, DateOnly PublishedOn, string By,
    string? Reference = null, string? DecisionReference = null) : IChanges<CaseLawSheet>;

/// <summary>Public references of the case-law base: random, so they reveal neither an internal id nor an order.</summary>
public static class CaseLawReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I

    public static string NewDecision() => "JP-" + RandomNumberGenerator.GetString(Alphabet, 8);

    public static string Sheet(string decision, int number) => $"{decision}-{number}";

    /// <summary>The shape of a sheet's reference, checked before any lookup.</summary>
    public static bool IsWellFormed(string reference) =>
        reference.Length is > 12 and <= 16 && reference.StartsWith("JP-", StringComparison.Ordinal)
        && reference[3..11].All(Alphabet.Contains) && reference[11] == '-' && reference[12..].All(char.IsAsciiDigit);
}
