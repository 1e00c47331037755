using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace Ordre.Contracts.Calendar;

/// <summary>A public holiday (jour férié) on a date, with its French name for display. Not called Holiday, which
/// is a type of the PublicHoliday package too.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The French name, e.g. "Lundi de Pâques"; two holidays on one day are joined with " / ".</param>
public sealed record JourFerie(DateOnly Date, string Name);

/// <summary>
/// The one French calendar every service uses (docs/calendar.md): public holidays by department, jours ouvrables
/// and jours ouvrés, deadlines moved off Saturdays, Sundays and public holidays, and calendar months. Pure and
/// immutable: dates in, dates out, no clock inside (the caller reads its <see cref="TimeProvider"/>).
/// The department (the doctor's or the council's) decides which local holidays apply; it is a CDOM code as
/// DOMAIN.md §9 lists them ("01"–"19", "2A", "2B", "21"–"95", "971"–"974", "976"); any other code is an
/// <see cref="ArgumentException"/>.
/// </summary>
public static class FrenchCalendar
{
    /// <summary>The 101 department codes of DOMAIN.md §9: 96 metropolitan (with 2A/2B, without 20) and 5 overseas.</summary>
    public static FrozenSet<string> Departments { get; } = Enumerable.Range(1, 95)
        .Where(n => n != 20)
        .Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
        .Concat(["2A", "2B", "971", "972", "973", "974", "976"])
        .ToFrozenSet(StringComparer.Ordinal);

    // Alsace-Moselle: Code du travail L.3134-13 (local law kept by the loi du 1er juin 1924) adds Good Friday
    // ("le Vendredi saint dans les communes ayant un temple protestant ou une église mixte") and 26 December.
    // Good Friday is applied to the whole of 57, 67 and 68, as every employer and court calendar there does.
    private static readonly FrozenSet<string> AlsaceMoselle = new[] { "57", "67", "68" }.ToFrozenSet(StringComparer.Ordinal);

    // Overseas departments: commemoration of the abolition of slavery, loi n° 83-550 du 30 juin 1983, with the
    // dates set by décret n° 83-1003 du 23 novembre 1983 modifié (Mayotte added later to the same décret).
    // It is a public holiday in the department only (Code du travail L.3133-1 lists the national ones).
    private static readonly FrozenDictionary<string, (int Month, int Day)> AbolitionOfSlavery =
        new Dictionary<string, (int Month, int Day)>
        {
            ["971"] = (5, 27),  // Guadeloupe
            ["972"] = (5, 22),  // Martinique
            ["973"] = (6, 10),  // Guyane
            ["974"] = (12, 20), // La Réunion
            ["976"] = (4, 27),  // Mayotte
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string AbolitionName = "Abolition de l'esclavage";

    // Metropolitan holidays from the maintained package (Code du travail L.3133-1: 1 January, Easter Monday, 1 May,
    // 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December), plus the local ones
    // above. A cache of a pure function: the same year and department always give the same days.
    private static readonly ConcurrentDictionary<(int Year, string Department), FrozenDictionary<DateOnly, string>> ByYearAndDepartment = new();

    /// <summary>The public holidays of <paramref name="year"/> in <paramref name="department"/>, in date order.</summary>
    public static IReadOnlyList<JourFerie> PublicHolidays(int year, string department) =>
        HolidaysOf(year, Check(department)).Select(h => new JourFerie(h.Key, h.Value)).OrderBy(h => h.Date).ToList();

    /// <summary>True when <paramref name="date"/> is a public holiday in <paramref name="department"/>.</summary>
    public static bool IsPublicHoliday(DateOnly date, string department) =>
        HolidaysOf(date.Year, Check(department)).ContainsKey(date);

    /// <summary>The French name of the public holiday on <paramref name="date"/>, or null on an ordinary day.</summary>
    public static string? HolidayName(DateOnly date, string department) =>
        HolidaysOf(date.Year, Check(department)).GetValueOrDefault(date);

    /// <summary>A jour ouvrable: every day but Sundays and public holidays (DOMAIN.md: Saturdays count).</summary>
    public static bool IsJourOuvrable(DateOnly date, string department) =>
        date.DayOfWeek != DayOfWeek.Sunday && !IsPublicHoliday(date, department);

    /// <summary>A jour ouvré (working day): Monday to Friday, not a public holiday.</summary>
    public static bool IsJourOuvre(DateOnly date, string department) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date, department);

    /// <summary>
    /// The <paramref name="n"/>th jour ouvrable after <paramref name="date"/> (which is not counted), or before it
    /// when <paramref name="n"/> is negative; <paramref name="date"/> itself when <paramref name="n"/> is 0.
    /// Counting backwards answers "at least 8 jours ouvrables before the benefit date" (CSP R.1453-15):
    /// <c>AddJoursOuvrables(benefit, -8, department)</c> is the latest sending date, that day being the 8th
    /// jour ouvrable before the benefit date (docs/calendar.md says why this reading).
    /// </summary>
    public static DateOnly AddJoursOuvrables(DateOnly date, int n, string department)
    {
        Check(department);
        var step = Math.Sign(n);
        for (var left = Math.Abs(n); left > 0;)
        {
            date = date.AddDays(step);
            if (IsJourOuvrable(date, department)) left--;
        }
        return date;
    }

    /// <summary>How many jours ouvrables lie in [<paramref name="from"/>, <paramref name="to"/>): from counted, to not.</summary>
    public static int CountJoursOuvrables(DateOnly from, DateOnly to, string department)
    {
        Check(department);
        var count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
            if (IsJourOuvrable(d, department)) count++;
        return count;
    }

    /// <summary>
    /// The day a deadline really ends: <paramref name="date"/> itself, or, when it falls on a Saturday, a Sunday or
    /// a public holiday of <paramref name="department"/>, the next day that is none of these (a jour ouvré).
    /// DOMAIN.md open question 13, read as code de procédure civile art. 642 ("le délai qui expirerait normalement
    /// un samedi, un dimanche ou un jour férié ou chômé est prorogé jusqu'au premier jour ouvrable suivant"):
    /// only the last day moves; the days in between are counted as the rule says (calendar days unless it says
    /// ouvrables); Saturday moves too although it is a jour ouvrable, because the text names it. Callers decide which
    /// deadlines it applies to (those a party must meet); docs/calendar.md.
    /// </summary>
    public static DateOnly DeadlineOn(DateOnly date, string department)
    {
        Check(department);
        while (!IsJourOuvre(date, department)) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// <paramref name="months"/> calendar months after <paramref name="date"/> (before it when negative): the same
    /// day of the month, or the last day of a shorter month (31 January + 1 month = 28 or 29 February), DOMAIN.md
    /// "Durations in months are calendar months (same day-of-month)".
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    /// <summary>
    /// The last day of a measure lasting <paramref name="months"/> calendar months whose first day is
    /// <paramref name="firstDay"/>: the day before the same day of the month <c>n</c> months later, or, when that shorter
    /// month has no such day, its last day (DOMAIN.md conventions): 22/11 + 5 months → 21/04; 31/01 + 1 month → 28/02
    /// (29 in a leap year); 30/09 + 5 months → 28/02.
    /// </summary>
    public static DateOnly LastDayOfMonths(DateOnly firstDay, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var end = firstDay.AddMonths(months);
        return end.Day < firstDay.Day ? end : end.AddDays(-1);
    }

    private static string Check(string department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return Departments.Contains(department)
            ? department
            : throw new ArgumentException($"'{department}' is not a department code (DOMAIN.md §9: 01–19, 2A, 2B, 21–95, 971–974, 976).", nameof(department));
    }

    private static FrozenDictionary<DateOnly, string> HolidaysOf(int year, string department) =>
        ByYearAndDepartment.GetOrAdd((year, department), static key => Compute(key.Year, key.Department));

    private static FrozenDictionary<DateOnly, string> Compute(int year, string department)
    {
        var all = new FrancePublicHoliday().PublicHolidayNames(year)
            .Select(h => (Date: DateOnly.FromDateTime(h.Key), Name: h.Value))
            .ToList();
        if (AlsaceMoselle.Contains(department))
        {
            all.Add((DateOnly.FromDateTime(FrancePublicHoliday.GoodFriday(year)), "Vendredi saint"));
            all.Add((new DateOnly(year, 12, 26), "Saint-Étienne"));
        }
        if (AbolitionOfSlavery.TryGetValue(department, out var day))
            all.Add((new DateOnly(year, day.Month, day.Day), AbolitionName));
        // Two holidays on one day (Ascension on 1 May 2008, on 22 May 2031 in Martinique) are one day off.
        return all.GroupBy(h => h.Date).ToFrozenDictionary(g => g.Key, g => string.Join(" / ", g.Select(h => h.Name)));
    }
}
