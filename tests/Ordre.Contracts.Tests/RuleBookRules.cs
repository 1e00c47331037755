using Ordre.Contracts.Rules;

namespace Ordre.Contracts.Tests;

/// <summary>A rules table answers the row in force on the day asked, so a change in the law is a new row.</summary>
public sealed class RuleBookRules
{
    private static readonly DateOnly Reform = new(2022, 1, 1);

    private static readonly RuleBook Book = new(
    [
        new("appeal", "Délai d'appel", 30, RuleUnit.Days, "art. 1", new(2000, 1, 1)),
        new("appeal", "Délai d'appel", 2, RuleUnit.Months, "art. 1 modifié", Reform),
        new("hearing", "Audition", 3, RuleUnit.JoursOuvrables, "art. 2", new(2000, 1, 1)),
        new("commission", "Membres de la commission", 3, RuleUnit.Members, "art. 3", new(2000, 1, 1)),
    ]);

    [Fact]
    public void A_decision_uses_the_row_in_force_on_its_date() =>
        Assert.Equal([30, 30, 2], [Book.Value("appeal", new(2021, 6, 1)), Book.Value("appeal", Reform.AddDays(-1)), Book.Value("appeal", Reform)]);

    [Fact]
    public void A_period_is_counted_in_its_own_unit() =>
        Assert.Equal(
            [new DateOnly(2021, 1, 31), new DateOnly(2023, 2, 28), new DateOnly(2024, 5, 13)],
            [Book.After("appeal", new(2021, 1, 1)), Book.After("appeal", new(2022, 12, 31)),
             // Thursday 9 May 2024 is Ascension: Friday 10, Saturday 11, Monday 13 are the three jours ouvrables.
             Book.After("hearing", new(2024, 5, 8), "75")]);

    [Fact]
    public void A_rule_asked_before_any_row_was_in_force_is_an_error_not_a_guess() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Book.Value("appeal", new(1999, 12, 31)));

    [Fact]
    public void A_row_whose_date_of_effect_is_not_checked_applies_to_every_date_and_shows_no_date()
    {
        var book = new RuleBook([new("x", "x", 1, RuleUnit.Days, "a", LegalRule.DateNotChecked)]);
        Assert.Equal(1, book.Value("x", new DateOnly(1950, 1, 1)));
        Assert.Null(Assert.Single(book.Rows()).InForceFrom);
    }

    [Fact]
    public void Two_rows_of_one_rule_from_the_same_day_are_refused() =>
        Assert.Throws<ArgumentException>(() => new RuleBook(
            [new("x", "x", 1, RuleUnit.Days, "a", Reform), new("x", "x", 2, RuleUnit.Days, "b", Reform)]));

    [Fact]
    public void The_table_shows_each_row_with_the_day_the_next_replaced_it_in_french() =>
        Assert.Equal(
            [("appeal", "jours", (DateOnly?)Reform.AddDays(-1)), ("appeal", "mois", null), ("commission", "membres", null), ("hearing", "jours ouvrables", null)],
            Book.Rows().Select(r => (r.Name, r.Unit, r.InForceUntil)));
}
