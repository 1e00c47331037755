using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ordre.Discipline.CaseLaw;

/// <summary>The parties of a case as the sheet writer may have named them.</summary>
public sealed record Parties(string Rpps, string? DoctorName, string ComplainantName);

/// <summary>
/// Removes from a case-law sheet what identifies the parties (DOMAIN §3, case-law base): the doctor's and the
/// complainant's names (accents and case ignored), RPPS and other long numbers, street addresses with postcodes,
/// phone numbers and e-mail addresses. The doctor becomes "X", the complainant "Y"; the department may stay.
/// </summary>
public static partial class Pseudonymisation
{
    public const string Doctor = "X";
    public const string Complainant = "Y";

    private static readonly HashSet<string> Civilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "M", "M.", "Mme", "Mlle", "Dr", "Dr.", "Docteur", "Madame", "Monsieur", "Pr", "Professeur", "de", "du", "le", "la",
    };

    public static string Apply(string text, Parties parties)
    {
        text = StreetAddress().Replace(text, "[adresse]");
        text = Postcode().Replace(text, "[commune]");
        text = Email().Replace(text, "[courriel]");
        text = Phone().Replace(text, "[téléphone]");
        text = LongNumber().Replace(text, "[numéro]");
        text = ReplaceName(text, parties.DoctorName, Doctor);
        return ReplaceName(text, parties.ComplainantName, Complainant);
    }

    /// <summary>The identifying strings still present in <paramref name="text"/>: a published sheet must have none.</summary>
    public static IReadOnlyList<string> Leaks(string text, Parties parties)
    {
        var folded = Fold(text);
        var names = NameTokens(parties.DoctorName).Concat(NameTokens(parties.ComplainantName))
            .Where(token => Regex.IsMatch(folded, $@"\b{Pattern(token)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        return [.. names, .. new[] { parties.Rpps, "8" + parties.Rpps }.Where(text.Contains)];
    }

    /// <summary>
    /// The words of a name to look for, longest first: each compound word whole ("N’Diaye-Lefèvre"), its hyphenated
    /// parts ("N’Diaye", "Lefèvre") and what follows an elided particle ("Diaye").
    /// </summary>
    private static IEnumerable<string> NameTokens(string? name) =>
        (name ?? "").Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(word => new[] { word }.Concat(word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                .SelectMany(part => part.IndexOfAny(['\'', '’']) is var apostrophe and > 0 ? [part, part[(apostrophe + 1)..]] : new[] { part }))
            .Where(token => token.Length >= 2 && !Civilities.Contains(token))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(token => token.Length);

    /// <summary>A token as a pattern on folded text: either apostrophe, either hyphen spacing.</summary>
    private static string Pattern(string token) => Regex.Escape(Fold(token)).Replace("'", "['’]").Replace("’", "['’]");

    /// <summary>Replaces the full name first, then each of its words, on an accent-free copy so positions match.</summary>
    private static string ReplaceName(string text, string? name, string label)
    {
        var words = (name ?? "").Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => !Civilities.Contains(w)).ToList();
        if (words.Count == 0)
            return text;
        var patterns = new List<string> { string.Join(@"\s+", words.Select(Pattern)) };
        patterns.AddRange(NameTokens(name).Select(Pattern));
        foreach (var pattern in patterns)
        {
            var matches = Regex.Matches(Fold(text), $@"\b{pattern}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var i = matches.Count - 1; i >= 0; i--)
                text = string.Concat(text.AsSpan(0, matches[i].Index), label, text.AsSpan(matches[i].Index + matches[i].Length));
        }
        return text;
    }

    /// <summary>The same string without diacritics, character for character (é → e), so match positions carry over.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                folded.Append(c); // half of an emoji or a rare letter: kept as is, one char for one
                continue;
            }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            folded.Append(decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : c);
        }
        return folded.ToString();
    }

    [GeneratedRegex(@"\b\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|impasse|quai|route|cours|square|rond-point)\b[^,.;\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b\d{5}\s+\p{Lu}[\p{L}'\-]*(\s+\p{Lu}[\p{L}'\-]*)*")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+33\s?|\b0)[1-9]([\s.]?\d{2}){4}\b")]
    private static partial Regex Phone();

    /// <summary>RPPS (11 digits), IDNPS (12), social security numbers (13–15) and the like, also written in groups ("100 051 731 40").</summary>
    [GeneratedRegex(@"\b\d(?:[ .]?\d){8,14}\b")]
    private static partial Regex LongNumber();
}
