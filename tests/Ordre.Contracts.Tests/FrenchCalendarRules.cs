using Ordre.Contracts.Calendar;

namespace Ordre.Contracts.Tests;

/// <summary>
/// The French calendar against the official texts: Code du travail L.3133-1 (the 11 national public holidays),
/// L.3134-13 (Alsace-Moselle: Good Friday and 26 December), loi n° 83-550 du 30 juin 1983 and décret n° 83-1003 du
/// 23 novembre 1983 modifié (abolition of slavery overseas), code de procédure civile art. 642 (a deadline ending on
/// a Saturday, Sunday or public holiday moves), DOMAIN.md (jours ouvrables, calendar months, open question 13).
/// </summary>
public sealed class FrenchCalendarRules
{
    private const string Paris = "75";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // The official list (L.3133-1) with Easter Monday, Ascension and Whit Monday of each year, as published by the
    // service-public.fr calendar for 2024–2027.
    public static TheoryData<int, string[]> MetropolitanHolidays => new()
    {
        { 2024, ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"] },
        { 2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"] },
        { 2026, ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"] },
        { 2027, ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"] },
    };

    [Theory]
    [MemberData(nameof(MetropolitanHolidays))]
    public void Metropolitan_France_has_exactly_the_eleven_holidays_of_the_labour_code(int year, string[] expected) =>
        Assert.Equal(expected.Select(D), FrenchCalendar.PublicHolidays(year, Paris).Select(h => h.Date));

    [Fact]
    public void Every_department_has_the_eleven_national_holidays()
    {
        var national = FrenchCalendar.PublicHolidays(2026, Paris).Select(h => h.Date).ToHashSet();
        Assert.Equal(101, FrenchCalendar.Departments.Count);
        foreach (var department in FrenchCalendar.Departments)
            Assert.Superset(national, FrenchCalendar.PublicHolidays(2026, department).Select(h => h.Date).ToHashSet());
    }

    [Theory]
    [InlineData("2026-04-06", "Lundi de Pâques")]
    [InlineData("2026-05-14", "Jeudi de l'Ascension")]
    [InlineData("2026-05-25", "Lundi de Pentecôte")]
    [InlineData("2026-12-25", "Noël")]
    public void Holidays_carry_their_French_name_for_display(string date, string name) =>
        Assert.Equal(name, FrenchCalendar.HolidayName(D(date), Paris));

    [Fact]
    public void An_ordinary_day_has_no_holiday_name() =>
        Assert.Null(FrenchCalendar.HolidayName(D("2026-04-07"), Paris));

    // L.3134-13: Good Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin only.
    [Theory]
    [InlineData("57")]
    [InlineData("67")]
    [InlineData("68")]
    public void Alsace_Moselle_adds_Good_Friday_and_Saint_Stephen(string department)
    {
        foreach (var (date, name) in new[] { ("2024-03-29", "Vendredi saint"), ("2025-04-18", "Vendredi saint"), ("2026-04-03", "Vendredi saint"), ("2027-03-26", "Vendredi saint"), ("2026-12-26", "Saint-Étienne") })
        {
            Assert.True(FrenchCalendar.IsPublicHoliday(D(date), department), $"{date} in {department}");
            Assert.Equal(name, FrenchCalendar.HolidayName(D(date), department));
        }
        Assert.Equal(13, FrenchCalendar.PublicHolidays(2026, department).Count);
    }

    [Theory]
    [InlineData(Paris)]
    [InlineData("54")]
    [InlineData("971")]
    public void Good_Friday_and_Saint_Stephen_are_ordinary_days_outside_Alsace_Moselle(string department)
    {
        Assert.False(FrenchCalendar.IsPublicHoliday(D("2026-04-03"), department));
        Assert.False(FrenchCalendar.IsPublicHoliday(D("2026-12-26"), department));
    }

    // Décret n° 83-1003 modifié: Guadeloupe 27 May, Martinique 22 May, Guyane 10 June, La Réunion 20 December,
    // Mayotte 27 April.
    [Theory]
    [InlineData("971", "05-27")]
    [InlineData("972", "05-22")]
    [InlineData("973", "06-10")]
    [InlineData("974", "12-20")]
    [InlineData("976", "04-27")]
    public void Each_overseas_department_commemorates_the_abolition_of_slavery_on_its_own_day(string department, string monthDay)
    {
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            var date = D($"{year}-{monthDay}");
            Assert.Equal("Abolition de l'esclavage", FrenchCalendar.HolidayName(date, department));
            Assert.False(FrenchCalendar.IsPublicHoliday(date, Paris), $"{date} is not a holiday in metropolitan France");
            foreach (var other in new[] { "971", "972", "973", "974", "976" }.Where(o => o != department))
                Assert.False(FrenchCalendar.IsPublicHoliday(date, other), $"{date} is not a holiday in {other}");
        }
        Assert.Equal(12, FrenchCalendar.PublicHolidays(2026, department).Count);
    }

    // Easter 2031 is 13 April, so Ascension is 22 May: Martinique's two holidays share the day.
    [Fact]
    public void Two_holidays_on_one_day_count_once_with_both_names()
    {
        Assert.Equal("Jeudi de l'Ascension / Abolition de l'esclavage", FrenchCalendar.HolidayName(D("2031-05-22"), "972"));
        Assert.Equal(11, FrenchCalendar.PublicHolidays(2031, "972").Count);
    }

    // Easter 2008 was 23 March, so Ascension fell on 1 May: ten days off that year, not eleven.
    [Fact]
    public void A_movable_feast_on_a_fixed_holiday_is_one_day_off()
    {
        Assert.Equal(10, FrenchCalendar.PublicHolidays(2008, Paris).Count);
        Assert.Contains("Ascension", FrenchCalendar.HolidayName(D("2008-05-01"), Paris), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("975")]
    [InlineData("977")]
    [InlineData("2a")]
    [InlineData("7")]
    [InlineData("")]
    public void An_unknown_department_code_is_an_argument_error(string department)
    {
        Assert.Throws<ArgumentException>(() => FrenchCalendar.IsPublicHoliday(D("2026-01-01"), department));
        Assert.Throws<ArgumentException>(() => FrenchCalendar.DeadlineOn(D("2026-01-01"), department));
        Assert.Throws<ArgumentException>(() => FrenchCalendar.AddJoursOuvrables(D("2026-01-01"), 0, department));
    }

    [Fact]
    public void A_missing_department_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => FrenchCalendar.PublicHolidays(2026, null!));

    // DOMAIN.md: jours ouvrables are every day but Sundays and public holidays, so Saturdays count.
    [Theory]
    [InlineData("2026-06-13", true)]  // Saturday
    [InlineData("2026-06-14", false)] // Sunday
    [InlineData("2026-07-14", false)] // Tuesday, Fête nationale
    [InlineData("2026-06-15", true)]  // Monday
    public void A_jour_ouvrable_is_any_day_but_Sunday_and_public_holidays(string date, bool ouvrable) =>
        Assert.Equal(ouvrable, FrenchCalendar.IsJourOuvrable(D(date), Paris));

    [Theory]
    [InlineData("2026-06-13", false)] // Saturday
    [InlineData("2026-06-14", false)] // Sunday
    [InlineData("2026-07-14", false)] // Tuesday, Fête nationale
    [InlineData("2026-06-15", true)]  // Monday
    public void A_jour_ouvre_is_Monday_to_Friday_but_not_a_public_holiday(string date, bool ouvre) =>
        Assert.Equal(ouvre, FrenchCalendar.IsJourOuvre(D(date), Paris));

    // Thursday 7 May 2026 + 2: Friday 8 May is a holiday, Saturday 9 counts, Sunday 10 does not, Monday 11 does.
    [Fact]
    public void Counting_jours_ouvrables_skips_Sundays_and_holidays_but_not_Saturdays() =>
        Assert.Equal(D("2026-05-11"), FrenchCalendar.AddJoursOuvrables(D("2026-05-07"), 2, Paris));

    // Friday 3 April 2026 + 2: Saturday 4 counts, Sunday 5 and Easter Monday 6 do not, Tuesday 7 does.
    [Fact]
    public void Counting_across_the_Easter_weekend_lands_on_the_Tuesday() =>
        Assert.Equal(D("2026-04-07"), FrenchCalendar.AddJoursOuvrables(D("2026-04-03"), 2, Paris));

    // Thursday 2 April 2026 + 1: in Paris Good Friday counts; in Moselle it is a holiday, so Saturday 4.
    [Fact]
    public void The_department_decides_which_holidays_are_skipped()
    {
        Assert.Equal(D("2026-04-03"), FrenchCalendar.AddJoursOuvrables(D("2026-04-02"), 1, Paris));
        Assert.Equal(D("2026-04-04"), FrenchCalendar.AddJoursOuvrables(D("2026-04-02"), 1, "57"));
    }

    [Fact]
    public void Adding_no_jours_ouvrables_gives_the_same_day_even_a_Sunday() =>
        Assert.Equal(D("2026-06-14"), FrenchCalendar.AddJoursOuvrables(D("2026-06-14"), 0, Paris));

    // CSP R.1453-15: the signed convention is sent at least 8 jours ouvrables before the benefit. Benefit on
    // Monday 15 June 2026: back over 13, 12, 11, 10, 9, 8, 6 and 5 June (Sunday 7 skipped): latest sending Friday 5.
    [Fact]
    public void The_latest_sending_date_is_eight_jours_ouvrables_before_the_benefit_date()
    {
        var latest = FrenchCalendar.AddJoursOuvrables(D("2026-06-15"), -8, Paris);
        Assert.Equal(D("2026-06-05"), latest);
        Assert.Equal(8, FrenchCalendar.CountJoursOuvrables(latest, D("2026-06-15"), Paris));
        Assert.Equal(7, FrenchCalendar.CountJoursOuvrables(latest.AddDays(1), D("2026-06-15"), Paris));
    }

    // Benefit on Tuesday 19 May 2026: counting back skips Ascension (14 May), Sundays 17 and 10, and 8 May.
    [Fact]
    public void Counting_backwards_skips_Sundays_and_holidays_too() =>
        Assert.Equal(D("2026-05-07"), FrenchCalendar.AddJoursOuvrables(D("2026-05-19"), -8, Paris));

    [Fact]
    public void Adding_then_removing_jours_ouvrables_comes_back_to_a_jour_ouvrable()
    {
        for (var d = D("2026-01-01"); d < D("2027-01-01"); d = d.AddDays(1))
        {
            if (!FrenchCalendar.IsJourOuvrable(d, "67")) continue;
            var later = FrenchCalendar.AddJoursOuvrables(d, 8, "67");
            Assert.Equal(d, FrenchCalendar.AddJoursOuvrables(later, -8, "67"));
            Assert.Equal(8, FrenchCalendar.CountJoursOuvrables(d.AddDays(1), later.AddDays(1), "67"));
        }
    }

    // DOMAIN.md open question 13, read as CPC art. 642: the last day moves to the next day that is neither a
    // Saturday, a Sunday nor a public holiday.
    [Theory]
    [InlineData("2026-06-13", "2026-06-15")] // Saturday → Monday
    [InlineData("2026-03-01", "2026-03-02")] // Sunday → Monday
    [InlineData("2026-07-14", "2026-07-15")] // Tuesday, Fête nationale → Wednesday
    [InlineData("2026-05-23", "2026-05-26")] // Saturday before Whit Monday → Tuesday
    [InlineData("2026-06-16", "2026-06-16")] // an ordinary Tuesday stays
    public void A_deadline_on_a_Saturday_Sunday_or_holiday_moves_to_the_next_working_day(string due, string moved) =>
        Assert.Equal(D(moved), FrenchCalendar.DeadlineOn(D(due), Paris));

    // Christmas 2025 is a Thursday: Paris works on Friday 26, Alsace-Moselle not until Monday 29.
    [Fact]
    public void A_deadline_moves_past_the_local_holidays_of_the_department()
    {
        Assert.Equal(D("2025-12-26"), FrenchCalendar.DeadlineOn(D("2025-12-25"), Paris));
        Assert.Equal(D("2025-12-29"), FrenchCalendar.DeadlineOn(D("2025-12-25"), "57"));
        Assert.Equal(D("2026-05-28"), FrenchCalendar.DeadlineOn(D("2026-05-27"), "971"));
        Assert.Equal(D("2026-05-27"), FrenchCalendar.DeadlineOn(D("2026-05-27"), Paris));
    }

    // DOMAIN.md: months are calendar months, same day of month or the last day of a shorter month.
    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2026-08-31", 1, "2026-09-30")]
    [InlineData("2026-01-15", 3, "2026-04-15")]
    [InlineData("2026-03-31", -1, "2026-02-28")]
    [InlineData("2025-11-30", 3, "2026-02-28")]
    public void A_month_later_is_the_same_day_or_the_last_day_of_a_shorter_month(string from, int months, string to) =>
        Assert.Equal(D(to), FrenchCalendar.AddMonths(D(from), months));

    [Theory]
    [InlineData("2026-11-22", 5, "2027-04-21")]
    [InlineData("2027-01-31", 1, "2027-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-09-30", 5, "2027-02-28")]
    [InlineData("2026-01-01", 12, "2026-12-31")]
    public void A_measure_of_n_months_ends_the_day_before_the_same_day_or_on_the_last_day_of_a_shorter_month(string first, int months, string last) =>
        Assert.Equal(D(last), FrenchCalendar.LastDayOfMonths(D(first), months));
}
