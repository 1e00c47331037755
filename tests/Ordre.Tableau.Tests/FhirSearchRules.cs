using Ordre.Tableau.Annuaire.Fhir;
using Ordre.Tableau.Annuaire.Searching;

namespace Ordre.Tableau.Tests;

/// <summary>FHIR R4 string search (https://hl7.org/fhir/R4/search.html#string) and date prefixes, without a database.</summary>
public class FhirSearchRules
{
    [Theory]
    [InlineData("Martin", "Martin", true)]
    [InlineData("Martin", "Martinez", true)]
    [InlineData("martin", "MARTIN", true)]
    [InlineData("Martin", "Adam-Martin", false)]
    [InlineData("Martin", "André-Martinez", false)]
    [InlineData("andre", "André-Martinez", true)]
    [InlineData("ANDRÉ-MART", "andre-martinez", true)]
    [InlineData("Lefevre", "Lefèvre", true)]
    [InlineData("élo", "Elodie", true)]
    [InlineData("artin", "Martin", false)]
    public void Without_modifier_a_name_part_starts_with_the_value_case_and_accents_folded(string value, string name, bool matches) =>
        Assert.Equal(matches, FhirStringMatch.Matches(StringModifier.StartsWith, value, name));

    [Theory]
    [InlineData("martin", "Martin", true)]
    [InlineData("martin", "Adam-Martin", true)]
    [InlineData("MARTIN", "André-Martinez", true)]
    [InlineData("artin", "Martin", true)]
    [InlineData("fevr", "Lefèvre", true)]
    [InlineData("martine", "Adam-Martin", false)]
    public void Contains_finds_the_value_anywhere_case_and_accents_folded(string value, string name, bool matches) =>
        Assert.Equal(matches, FhirStringMatch.Matches(StringModifier.Contains, value, name));

    [Theory]
    [InlineData("Martin", "Martin", true)]
    [InlineData("martin", "Martin", false)]
    [InlineData("Lefevre", "Lefèvre", false)]
    [InlineData("Martin", "Martinez", false)]
    [InlineData("Martin", "Adam-Martin", false)]
    public void Exact_is_the_whole_string_with_case_and_accents(string value, string name, bool matches) =>
        Assert.Equal(matches, FhirStringMatch.Matches(StringModifier.Exact, value, name));

    [Fact]
    public void Like_patterns_escape_the_wildcards_of_the_value()
    {
        Assert.Equal("martin%", FhirStringMatch.LikePattern(StringModifier.StartsWith, "martin"));
        Assert.Equal("%martin%", FhirStringMatch.LikePattern(StringModifier.Contains, "martin"));
        Assert.Equal(@"50\%\_x\\%", FhirStringMatch.LikePattern(StringModifier.StartsWith, @"50%_x\"));
    }

    [Theory]
    [InlineData("contains", StringModifier.Contains)]
    [InlineData("exact", StringModifier.Exact)]
    [InlineData(null, StringModifier.StartsWith)]
    [InlineData("missing", null)]
    [InlineData("text", null)]
    public void Only_contains_and_exact_are_string_modifiers(string? modifier, StringModifier? expected) =>
        Assert.Equal(expected, FhirStringMatch.Parse(modifier));

    [Theory]
    [InlineData("Martin", "Martin Camille")]
    [InlineData("mart", "Martinez Paul")]
    [InlineData("Bernardini", "Bernardinis Jean")]
    [InlineData("ANDRÉ-MART", "André-Martinez Léa")]
    [InlineData("le goff", "Le Goff Yann")]
    [InlineData("d'art", "D'Artagnan Charles")]
    [InlineData("Jean-Baptiste", "Durand Jean-Baptiste")]
    public void The_name_tokens_that_narrow_a_string_search_never_drop_a_name_it_matches(string value, string shownName)
    {
        var nameTokens = DirectoryEntry.Tokens(DirectoryEntry.Normalize(shownName), [DirectoryEntry.Everywhere]);
        Assert.All(DirectoryEntry.EverywhereTokensOf(DirectoryEntry.Normalize(value)), token => Assert.Contains(token, nameTokens));
    }

    [Fact]
    public void The_folded_search_keys_are_the_shown_names_folded()
    {
        Assert.Equal("andre-martinez", DirectoryEntry.Normalize("André-Martinez"));
        Assert.Equal("elodie", DirectoryEntry.Normalize(" Élodie "));
    }

    [Theory]
    [InlineData("2026", "eq", "2026-01-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00")]
    [InlineData("ge2026-11", "ge", "2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00")]
    [InlineData("lt2026-11-30", "lt", "2026-11-30T00:00:00+00:00", "2026-12-01T00:00:00+00:00")]
    [InlineData("gt2026-11-30T10:00:00+01:00", "gt", "2026-11-30T09:00:00+00:00", "2026-11-30T09:00:01+00:00")]
    [InlineData("le2026-11-30T10:00:00Z", "le", "2026-11-30T10:00:00+00:00", "2026-11-30T10:00:01+00:00")]
    public void Dates_have_a_prefix_and_the_period_of_their_precision(string value, string prefix, string from, string to)
    {
        var range = FhirDateRange.Parse(value);
        Assert.NotNull(range);
        Assert.Equal(prefix, range.Value.Prefix);
        Assert.Equal(DateTimeOffset.Parse(from), range.Value.From);
        Assert.Equal(DateTimeOffset.Parse(to), range.Value.To);
    }

    [Theory]
    [InlineData("ne2026")]
    [InlineData("ap2026")]
    [InlineData("yesterday")]
    [InlineData("2026-13")]
    [InlineData("")]
    public void Unsupported_prefixes_and_non_dates_are_refused(string value) => Assert.Null(FhirDateRange.Parse(value));
}
