using System.Globalization;

namespace Ordre.Tableau.Annuaire.Fhir;

/// <summary>
/// A FHIR R4 date search value (https://hl7.org/fhir/R4/search.html#date): a prefix (eq by default, gt, ge, lt, le)
/// and the period the value's precision implies, [From, To). Dates without a time zone are taken as UTC.
/// </summary>
public static class FhirDateRange
{
    public static (string Prefix, DateTimeOffset From, DateTimeOffset To)? Parse(string value)
    {
        var prefix = value.Length > 2 && char.IsLetter(value[0]) ? value[..2] : "eq";
        if (value.Length == 0) return null;
        if (prefix is not ("eq" or "gt" or "ge" or "lt" or "le")) return null;
        var date = prefix == "eq" && !value.StartsWith("eq") ? value : value[2..];
        try { return Parse(prefix, date); }
        catch (ArgumentOutOfRangeException) { return null; } // the period of 9999 ends after DateTime.MaxValue
    }

    private static (string Prefix, DateTimeOffset From, DateTimeOffset To)? Parse(string prefix, string date)
    {
        var utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(date, "yyyy", CultureInfo.InvariantCulture, utc, out var y))
            return (prefix, Utc(y), Utc(y.AddYears(1)));
        if (DateTime.TryParseExact(date, "yyyy-MM", CultureInfo.InvariantCulture, utc, out var m))
            return (prefix, Utc(m), Utc(m.AddMonths(1)));
        if (DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out var d))
            return (prefix, Utc(d), Utc(d.AddDays(1)));
        if (date.Contains('T') && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            return (prefix, t, t.AddSeconds(1));
        return null;
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
