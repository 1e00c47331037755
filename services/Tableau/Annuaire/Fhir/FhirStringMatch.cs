using Ordre.Tableau.Annuaire.Searching;

namespace Ordre.Tableau.Annuaire.Fhir;

/// <summary>How a FHIR R4 string search parameter is compared with a name part (https://hl7.org/fhir/R4/search.html#string).</summary>
public enum StringModifier
{
    /// <summary>No modifier: the name part STARTS WITH the value, case and accents ignored ("Martin" is not "Adam-Martin").</summary>
    StartsWith,
    /// <summary>:contains: the value anywhere in the name part, case and accents ignored.</summary>
    Contains,
    /// <summary>:exact: the whole name part, case and accents significant.</summary>
    Exact,
}

/// <summary>
/// The rule of the FHIR string search, in memory; the database query applies the same rule on the folded keys
/// (<see cref="DirectoryEntry.SearchFamily"/>, <see cref="DirectoryEntry.SearchGiven"/>) plus, for :exact, the shown name.
/// </summary>
public static class FhirStringMatch
{
    public static bool Matches(StringModifier modifier, string value, string namePart) => modifier switch
    {
        StringModifier.Exact => string.Equals(namePart, value, StringComparison.Ordinal),
        StringModifier.Contains => DirectoryEntry.Normalize(namePart).Contains(DirectoryEntry.Normalize(value), StringComparison.Ordinal),
        _ => DirectoryEntry.Normalize(namePart).StartsWith(DirectoryEntry.Normalize(value), StringComparison.Ordinal),
    };

    public static StringModifier? Parse(string? modifier) => modifier switch
    {
        null => StringModifier.StartsWith,
        "contains" => StringModifier.Contains,
        "exact" => StringModifier.Exact,
        _ => null,
    };

    /// <summary>The LIKE pattern of a folded value: its wildcards escaped (backslash is LIKE's default escape).</summary>
    public static string LikePattern(StringModifier modifier, string foldedValue)
    {
        var escaped = foldedValue.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        return modifier == StringModifier.Contains ? $"%{escaped}%" : $"{escaped}%";
    }
}
