using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;
using Ordre.Conventions.Dossiers.Submitting;

namespace Ordre.Conventions.Dossiers.Uploading;

/// <summary>A fault of one row of an upload (or of a submission in test mode): the CSV column (or JSON field) and a French message.</summary>
public sealed record RowError(string Column, string Message);

/// <summary>The file's header does not follow the template: a 400 problem naming the first fault, nothing read further.</summary>
public sealed class CsvTemplateException(string message) : Exception(message);

/// <summary>
/// The bulk template (docs/conventions.md, example services/Conventions/conventions-exemple.csv): one convention with one
/// benefit per row, French headers in any order, <c>;</c> or <c>,</c> as separator, UTF-8 with or without BOM. A row is
/// turned into the very <see cref="SubmitDossier"/> a single submission sends, and checked by the same
/// <see cref="SubmitDossierEndpoint.Validate"/>: no second copy of the rules. Pure.
/// </summary>
public static partial class ConventionCsv
{
    public const string Reference = "reference", Category = "categorie", Beneficiary = "beneficiaire", Rpps = "rpps", Ine = "ine",
        Name = "nom", Purpose = "objet", Nature = "nature", Description = "description", Amount = "montant", BenefitOn = "date_avantage",
        PeriodFrom = "debut_periode", PeriodTo = "fin_periode", Urgent = "urgent";

    /// <summary>The columns every file has (the others may be left out).</summary>
    public static readonly string[] Required = [Reference, Category, Beneficiary, Purpose, Nature, Amount, BenefitOn, PeriodFrom, PeriodTo];
    public static readonly string[] Optional = [Rpps, Ine, Name, Description, Urgent];

    private static readonly Dictionary<string, ConventionCategory> Categories = Words<ConventionCategory>(
        ("hospitalite", ConventionCategory.Hospitality), ("honoraires", ConventionCategory.Fees), ("etudes", ConventionCategory.Studies),
        ("divers", ConventionCategory.Miscellaneous), ("simplifiee", ConventionCategory.Simplified));
    private static readonly Dictionary<string, BeneficiaryKind> Kinds = Words<BeneficiaryKind>(
        ("medecin", BeneficiaryKind.Doctor), ("etudiant", BeneficiaryKind.Student), ("association", BeneficiaryKind.Association));
    private static readonly Dictionary<string, BenefitNature> Natures = Words<BenefitNature>(
        ("remuneration", BenefitNature.Remuneration), ("hospitalite", BenefitNature.Hospitality), ("formation", BenefitNature.TrainingFunding),
        ("don_recherche", BenefitNature.ResearchGift));

    /// <summary>The index of each column of the template in the header; a missing required column or a repeated one is a template fault.</summary>
    public static IReadOnlyDictionary<string, int> Columns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = Fold(header[i].Trim().TrimStart('\uFEFF'));
            if (name.Length == 0)
                continue;
            if (!Required.Contains(name) && !Optional.Contains(name))
                throw new CsvTemplateException($"Colonne « {header[i].Trim()} » inconnue (colonne {i + 1}) : les colonnes sont {string.Join(", ", Required.Concat(Optional))}.");
            if (!columns.TryAdd(name, i))
                throw new CsvTemplateException($"La colonne « {name} » figure deux fois dans l'en-tête.");
        }
        if (Required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
            throw new CsvTemplateException($"Colonne « {missing} » absente de l'en-tête : les colonnes obligatoires sont {string.Join(", ", Required)}.");
        return columns;
    }

    /// <summary>
    /// The CSV reader on a stream (read as it comes, never whole) and the template's columns in its header: the separator
    /// (<c>;</c> or <c>,</c>) is detected from the header, a UTF-8 BOM skipped; rows of another column count are left to
    /// <see cref="Input"/> to report.
    /// </summary>
    public static async Task<(SepReader Reader, IReadOnlyDictionary<string, int> Columns)> OpenAsync(Stream csv, CancellationToken ct)
    {
        SepReader reader;
        try
        {
            reader = await Sep.Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).FromAsync(csv, ct);
        }
        catch (ArgumentException e) when (RepeatedColumn().Match(e.Message) is { Success: true } repeated)
        {
            throw new CsvTemplateException($"La colonne « {Fold(repeated.Groups[1].Value)} » figure deux fois dans l'en-tête.");
        }
        try
        {
            return (reader, Columns(reader.Header.ColNames));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>One row of the file as a convention to decide, numbered by its line in the file (the header is line 1).</summary>
    public static ConventionInput Input(SepReader.Row row, IReadOnlyDictionary<string, int> columns, int headerCount, DateOnly today)
    {
        var number = row.LineNumberFrom;
        if (row.ColCount != headerCount)
            return Faulty(number, $"La ligne compte {row.ColCount} colonnes, l'en-tête {headerCount} : vérifiez le séparateur et les guillemets.");
        var cells = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var (name, index) in columns)
            cells[name] = row[index].ToString();
        if (cells.Values.Any(v => v.Contains('\uFFFD')))
            return Faulty(number, "La ligne contient des caractères qui ne sont pas en UTF-8 : enregistrez le fichier en UTF-8.");
        // PostgreSQL refuses NUL in text; no other control character belongs in a convention either (line breaks aside).
        if (cells.FirstOrDefault(c => c.Value.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\r' or '\n'))) is { Key: { } column })
            return new ConventionInput(number, new SubmitDossier(null, null, null, null, null, null, null, null),
                [new RowError(column, "La cellule contient un caractère de contrôle (NUL, échappement…) : retirez-le.")]);
        var (request, errors) = Read(c => cells.GetValueOrDefault(c), today);
        return new ConventionInput(number, request, errors);
    }

    private static ConventionInput Faulty(int row, string message) =>
        new(row, new SubmitDossier(null, null, null, null, null, null, null, null), [new RowError("ligne", message)]);

    /// <summary>
    /// One row as the single submission's request, and its faults: first what cannot be read (a date, an amount, a
    /// word of the template), then what <see cref="SubmitDossierEndpoint.Validate"/> says of the rest, each under its column.
    /// </summary>
    public static (SubmitDossier Request, IReadOnlyList<RowError> Errors) Read(Func<string, string?> cell, DateOnly today)
    {
        var errors = new List<RowError>();
        string? Text(string column) => cell(column) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        TEnum? Word<TEnum>(string column, Dictionary<string, TEnum> words, string expected) where TEnum : struct
        {
            if (Text(column) is not { } text)
                return null;
            if (words.TryGetValue(Fold(text), out var value))
                return value;
            errors.Add(new RowError(column, $"« {Shorten(text)} » n'est pas reconnu : indiquez {expected}."));
            return null;
        }

        DateOnly? Day(string column)
        {
            if (Text(column) is not { } text)
                return null;
            if (IsoDay(text) is { } iso || DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out iso))
                return iso;
            errors.Add(new RowError(column, $"« {Shorten(text)} » n'est pas une date : écrivez AAAA-MM-JJ ou JJ/MM/AAAA."));
            return null;
        }

        decimal? Euros(string column)
        {
            if (Text(column) is not { } text)
                return null;
            var number = text.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace(',', '.');
            if (decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                return amount;
            errors.Add(new RowError(column, $"« {Shorten(text)} » n'est pas un montant : écrivez des euros avec au plus deux décimales, par exemple 1500,00."));
            return null;
        }

        var kind = Word(Beneficiary, Kinds, "medecin, etudiant ou association");
        var urgent = false;
        if (Text(Urgent) is { } urgentText)
        {
            var folded = Fold(urgentText);
            if (folded is "oui" or "1" or "true")
                urgent = true;
            else if (folded is not ("non" or "0" or "false"))
                errors.Add(new RowError(Urgent, $"« {Shorten(urgentText)} » : indiquez oui ou non."));
        }
        var request = new SubmitDossier(
            Text(Reference),
            Word(Category, Categories, "hospitalite, honoraires, etudes, divers ou simplifiee"),
            kind is null ? null : new BeneficiaryRequest(kind, Text(Rpps), Text(Ine), Text(Name)),
            Text(Purpose),
            [new BenefitRequest(Word(Nature, Natures, "remuneration, hospitalite, formation ou don_recherche"), Text(Description), Euros(Amount))],
            Day(PeriodFrom), Day(PeriodTo), Day(BenefitOn), urgent);

        foreach (var (field, messages) in SubmitDossierEndpoint.Validate(request, today))
        {
            var column = ColumnOf(field);
            if (errors.All(e => e.Column != column))
                errors.Add(new RowError(column, Message(column, messages[0])));
        }
        foreach (var (column, length) in new[] { (Name, 200), (Description, 200), (Purpose, 4000) })
            if (Text(column) is { Length: var n } && n > length && errors.All(e => e.Column != column))
                errors.Add(new RowError(column, $"{length} caractères au plus."));
        return (request, errors);
    }

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>
    /// AAAA-MM-JJ read digit by digit, the form every row of a large file uses: <c>TryParseExact</c> with its two formats
    /// was 2 % of the service's CPU during a year's upload (docs/benchmarks.md). Null for anything else (the other form,
    /// a day that does not exist…), which <c>TryParseExact</c> then decides as before.
    /// </summary>
    private static DateOnly? IsoDay(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return null;
        int Digits(int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                    return -1;
                value = value * 10 + (text[i] - '0');
            }
            return value;
        }
        var (year, month, day) = (Digits(0, 4), Digits(5, 2), Digits(8, 2));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>The CSV column of a field of <see cref="SubmitDossier"/> (the single submission's names).</summary>
    public static string ColumnOf(string field) => field switch
    {
        "reference" => Reference,
        "category" => Category,
        "beneficiary" => Beneficiary,
        "beneficiary.rpps" => Rpps,
        "beneficiary.ine" => Ine,
        "beneficiary.name" => Name,
        "purpose" => Purpose,
        "benefits" or "benefits[0].nature" => Nature,
        "benefits[0].amount" => Amount,
        "periodTo" => PeriodTo,
        "benefitOn" => BenefitOn,
        _ => field,
    };

    /// <summary>The single submission's message, in the template's words where it names JSON fields or values.</summary>
    private static string Message(string column, string message) => column switch
    {
        Category => "Indiquez la catégorie : hospitalite, honoraires, etudes, divers ou simplifiee.",
        Beneficiary => "Indiquez le bénéficiaire : medecin (colonne rpps), etudiant (colonne ine) ou association (colonne nom).",
        Nature => "Indiquez la nature : remuneration, hospitalite, formation ou don_recherche.",
        PeriodTo => $"Indiquez la période couverte (debut_periode, fin_periode), de {SubmitDossierEndpoint.LongestPeriodYears} ans au plus.",
        _ => message,
    };

    /// <summary>Lower case, accents and spaces folded: « Hospitalité » is hospitalite, « Don recherche » is don_recherche.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c is ' ' or '-' ? '_' : c);
        return folded.ToString();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static Dictionary<string, TEnum> Words<TEnum>(params (string French, TEnum Value)[] words) where TEnum : struct, Enum
    {
        var all = words.ToDictionary(w => w.French, w => w.Value, StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
            all.TryAdd(value.ToString().ToLowerInvariant(), value);
        return all;
    }

    [GeneratedRegex("Col name '([^']*)' found")]
    private static partial Regex RepeatedColumn();
}
