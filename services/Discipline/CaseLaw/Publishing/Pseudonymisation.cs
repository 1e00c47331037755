using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ordre.Discipline.CaseLaw.Publishing;

/// <summary>The parties of a case as the sheet writer may have named them.</summary>
public sealed record Parties(string Rpps, string? DoctorName, string ComplainantName);

/// <summary>An identifying string left in a sheet: what kind of detail, and the text found.</summary>
public sealed record Leak(string Kind, string Text)
{
    public override string ToString() => $"{Kind} : « {Text} »";
}

/// <summary>
/// Removes from a case-law sheet what identifies a person (DOMAIN §3, case-law base): the doctor's and the
/// complainant's names (accents and case ignored), anyone else named after a civil or professional title
/// ("Mme Durand", "le Dr Martin", "M. Paul de La Tour", "Me N’Diaye-Roux"), initials ("M. D.", "J.-P. R."),
/// RPPS and other long numbers, street addresses, postcodes with their town (in any case), phone numbers,
/// e-mail addresses and internal identifiers (GUIDs). The doctor becomes "X", the complainant "Y", anyone else
/// "[tiers]"; the department may stay. <see cref="Leaks"/> then looks again, more strictly, at the result: a sheet
/// is published only when it finds nothing.
/// </summary>
public static partial class Pseudonymisation
{
    public const string Doctor = "X";
    public const string Complainant = "Y";
    public const string ThirdParty = "[tiers]";

    /// <summary>The kinds of identifying detail, as a refusal names them.</summary>
    public static class Kinds
    {
        public const string PartyName = "nom de partie";
        public const string ThirdPartyName = "nom de tiers";
        public const string Initials = "initiales";
        public const string Rpps = "numéro RPPS";
        public const string Number = "numéro";
        public const string Address = "adresse";
        public const string PostcodeAndTown = "code postal et commune";
        public const string Phone = "téléphone";
        public const string Email = "courriel";
        public const string InternalId = "identifiant interne";
    }

    private static readonly HashSet<string> Civilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "M", "M.", "Mme", "Mlle", "Dr", "Dr.", "Docteur", "Madame", "Monsieur", "Pr", "Professeur", "Me", "Maître", "de", "du", "le", "la",
    };

    /// <summary>Words a postcode may precede that are quantities, not towns ("15000 euros").</summary>
    private static readonly HashSet<string> Quantities = new(StringComparer.OrdinalIgnoreCase)
    {
        "euro", "euros", "eur", "francs", "dollars", "patients", "patientes", "personnes", "habitants", "médecins", "medecins",
        "consultations", "actes", "ordonnances", "prescriptions", "certificats", "boîtes", "boites", "comprimés", "comprimes", "doses",
        "unités", "unites", "fois", "jours", "semaines", "mois", "ans", "années", "annees", "heures", "minutes", "km", "kilomètres",
        "kilometres", "mètres", "metres", "exemplaires", "pages", "dossiers", "cas", "visites", "signataires",
    };

    /// <summary>Lower-case words that may follow a title without being a name ("Mme la présidente", "le Dr a prescrit").</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "l", "de", "du", "des", "d", "et", "ou", "a", "à", "au", "aux", "en", "est", "était", "etait", "qui", "que", "qu",
        "se", "s", "son", "sa", "ses", "leur", "leurs", "ne", "n", "y", "on", "il", "elle", "ils", "elles", "lui", "un", "une", "pour",
        "par", "sur", "dans", "avec", "sans", "ont", "avait", "avaient", "dont", "ce", "cette", "ces", "comme", "puis", "mais", "donc",
        "car", "ni", "x", "y",
    };

    public static string Apply(string text, Parties parties)
    {
        text = InternalId().Replace(text, "[référence]");
        text = StreetAddress().Replace(text, "[adresse]");
        text = Postcode().Replace(text, m => IsQuantity(m) ? m.Value : "[commune]");
        text = Email().Replace(text, "[courriel]");
        text = Phone().Replace(text, "[téléphone]");
        text = LongNumber().Replace(text, "[numéro]");
        text = ReplaceName(text, parties.DoctorName, Doctor);
        text = ReplaceName(text, parties.ComplainantName, Complainant);
        text = TitledName().Replace(text, m => string.Concat(m.Value.AsSpan(0, m.Groups["name"].Index - m.Index), ThirdParty));
        return Initials().Replace(text, m => AreInitials(m) ? ThirdParty : m.Value);
    }

    /// <summary>
    /// What still identifies someone in <paramref name="text"/> (already pseudonymised): a published sheet must have
    /// none. Stricter than <see cref="Apply"/>: it also finds the RPPS however it is split, a lower-case name after a
    /// title ("Mme durand") and any short form of the case's internal identifiers.
    /// </summary>
    public static IReadOnlyList<Leak> Leaks(string text, Parties parties, params IEnumerable<Guid> internalIds)
    {
        var leaks = new List<Leak>();
        var folded = Fold(text);
        leaks.AddRange(NameTokens(parties.DoctorName).Concat(NameTokens(parties.ComplainantName))
            .Select(token => Regex.Match(folded, $@"\b{Pattern(token)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Where(m => m.Success).Select(m => new Leak(Kinds.PartyName, text.Substring(m.Index, m.Length))));
        var rpps = DigitRun().Matches(text).Where(m => Digits(m.Value).Contains(parties.Rpps, StringComparison.Ordinal))
            .Select(m => new Leak(Kinds.Rpps, m.Value.Trim())).ToList();
        leaks.AddRange(rpps);
        leaks.AddRange(internalIds.Select(id => id.ToString("N")[..8])
            .Select(prefix => Regex.Match(text, $@"(?<![0-9a-f]){prefix}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Where(m => m.Success).Select(m => new Leak(Kinds.InternalId, m.Value)));
        leaks.AddRange(InternalId().Matches(text).Select(m => new Leak(Kinds.InternalId, m.Value)));
        leaks.AddRange(StreetAddress().Matches(text).Select(m => new Leak(Kinds.Address, m.Value)));
        leaks.AddRange(Postcode().Matches(text).Where(m => !IsQuantity(m)).Select(m => new Leak(Kinds.PostcodeAndTown, m.Value)));
        leaks.AddRange(Email().Matches(text).Select(m => new Leak(Kinds.Email, m.Value)));
        leaks.AddRange(Phone().Matches(text).Select(m => new Leak(Kinds.Phone, m.Value)));
        leaks.AddRange(LongNumber().Matches(text).Where(m => !rpps.Any(l => l.Text.Contains(m.Value.Trim(), StringComparison.Ordinal)))
            .Select(m => new Leak(Kinds.Number, m.Value)));
        leaks.AddRange(TitledName().Matches(text).Select(m => new Leak(Kinds.ThirdPartyName, m.Groups["name"].Value)));
        leaks.AddRange(TitledLowerCaseWord().Matches(text).Where(m => !FunctionWords.Contains(m.Groups["name"].Value))
            .Select(m => new Leak(Kinds.ThirdPartyName, m.Groups["name"].Value)));
        leaks.AddRange(Initials().Matches(text).Where(AreInitials).Select(m => new Leak(Kinds.Initials, m.Value)));
        return [.. leaks.Distinct()];
    }

    /// <summary>A 5-digit number before a word that counts something ("15000 euros") is an amount, not a postcode.</summary>
    private static bool IsQuantity(Match postcode) =>
        postcode.Groups["town"].Value[postcode.Groups["article"].Length..].Split(' ', '-', '\'', '’')[0] is var word
        && (Quantities.Contains(word) || FunctionWords.Contains(word));

    /// <summary>
    /// Initials are at least two of them ("M. D.", "J. R.") or a hyphenated first name ("J.-P."); "N.B." or a lone
    /// "R." before an article number are not, nor "M. X." or "M. Y." (a title and a placeholder ending a sentence).
    /// </summary>
    private static bool AreInitials(Match m)
    {
        var letters = m.Value.Where(char.IsLetter).ToList();
        if (!m.Value.Any(c => c == '-' || char.IsWhiteSpace(c)))
            return false;
        return !(letters is ['M', var second] && second is 'X' or 'Y');
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

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

    /// <summary>A title (abbreviated with its capital, or in full in any case).</summary>
    private const string Title =
        @"(?<![\p{L}\p{N}])(?:M\.?|MM\.|Mmes?\.?|MMES?\.?|Mlles?\.?|MLLES?\.?|Drs?\.?|DRS?\.?|Prs?\.?|PRS?\.?|Me|ME|" +
        @"(?i:madame|mesdames|mademoiselle|mesdemoiselles|monsieur|messieurs|docteurs?|professeurs?|ma[iî]tres?))";

    /// <summary>A name particle, lower case ("de", "d’", "van der", "ben").</summary>
    private const string Particle = @"(?:d['’]|(?:de(?:\s+la|\s+l['’])?|du|des|van(?:\s+de[rn]?)?|von|der|den|di|da|do|dos|das|del|della|ben|bin|ibn|el|al|ter|zu)\s+)";

    /// <summary>A capitalised word, possibly compound ("N’Diaye-Lefèvre", "DURAND"), or initials ("J.-P.").</summary>
    private const string NamePart = @"(?:\p{Lu}\.(?:\s?-\s?\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)";

    /// <summary>
    /// Space before the next part of a name; after initials, not a word that begins a sentence ("M. D. Le patient…").
    /// </summary>
    private const string NextPart = @"(?:(?<!\.)\s+|(?<=\.)\s+(?!(?:Le|La|Les|L['’]|Il|Elle|Ils|Elles|Ce|Cet|Cette|Ces|Un|Une|Des|Du|De|En|Au|Aux|" +
        @"Dans|Par|Pour|Sur|Sans|Selon|Si|Mais|Or|Puis|Ainsi|Toutefois|Cependant|Enfin|Après|Avant|Lors|Dès|Son|Sa|Ses|Leur|Leurs|Cela|Ceci|On|" +
        @"Nous|Vous|Malgré|Saisie?|Pour|Chambre)(?![\p{L}\p{M}])))";

    /// <summary>
    /// A title and the name that follows it: capitalised words, particles, initials. Not the placeholders X and Y
    /// ("le Dr X", "Mme Y. La chambre…"), nor a title before a lower-case word ("M. le président").
    /// </summary>
    [GeneratedRegex(Title + @"\s+(?<name>(?![XY](?![\p{L}\p{M}'’-]|\.\s?-))" + Particle + "?" + NamePart + @"(?:" + NextPart + Particle + "?" + NamePart + @"|" + Particle + NamePart + ")*)")]
    private static partial Regex TitledName();

    /// <summary>An abbreviated title before a lower-case word, in any case ("Mme durand", "dr martin"): the leak check only.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?i:mmes?|mlles?|drs?|prs?)\.?\s+(?<name>\p{Ll}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)")]
    private static partial Regex TitledLowerCaseWord();

    /// <summary>Capital letters each followed by a full stop, in a row ("M. D.", "J.-P. R.", "X. Y."); see <see cref="AreInitials"/>.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.'’])\p{Lu}\.(?:\s?-\s?\p{Lu}\.)*(?:\s+\p{Lu}\.(?:\s?-\s?\p{Lu}\.)*)*(?![\p{L}\p{N}])")]
    private static partial Regex Initials();

    /// <summary>A GUID, with or without hyphens or braces (a case, complaint or stream id).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\{?[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\}?(?![0-9A-Za-z])")]
    private static partial Regex InternalId();

    /// <summary>Digits with anything but letters between them, up to 3 characters ("1000-5173-140", "100 051 731 40").</summary>
    [GeneratedRegex(@"\d(?:[^\p{L}\d]{0,3}\d)*")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\b\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|impasse|quai|route|cours|square|rond-point)\b[^,.;\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    /// <summary>A postcode and its town in any case ("75004 Paris", "75004 paris", "76600 le havre", "13090 AIX-EN-PROVENCE CEDEX").</summary>
    [GeneratedRegex(@"\b\d{5}\s+(?<town>(?<article>(?i:le|la|les)\s+(?=\p{L}{3})|(?i:l)['’])?\p{L}[\p{L}\p{M}'’\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’\-]*|(?i:cedex)))*)")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+33\s?|\b0)[1-9]([\s.]?\d{2}){4}\b")]
    private static partial Regex Phone();

    /// <summary>RPPS (11 digits), IDNPS (12), social security numbers (13–15) and the like, also written in groups ("100 051 731 40").</summary>
    [GeneratedRegex(@"\b\d(?:[ .]?\d){8,14}\b")]
    private static partial Regex LongNumber();
}
