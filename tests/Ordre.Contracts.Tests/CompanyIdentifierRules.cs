using Ordre.Contracts.Identifiers;

namespace Ordre.Contracts.Tests;

/// <summary>Companies' identifiers (DOMAIN.md §9): SIREN and SIRET with their Luhn key, La Poste's exception, foreign companies.</summary>
public sealed class CompanyIdentifierRules
{
    [Theory]
    [InlineData("552100554")]
    [InlineData("732 829 320")]
    [InlineData("356000000")]
    public void A_siren_with_its_luhn_key_names_a_french_company(string siren)
    {
        Assert.True(CompanyIdentifier.TryParse(null, siren, out var identifier, out _));
        Assert.Equal((CompanyIdentifier.France, siren.Replace(" ", "")), (identifier.Country, identifier.Value));
    }

    [Theory]
    [InlineData("552100555")]
    [InlineData("732829321")]
    [InlineData("55210055400014")]
    public void A_siren_or_siret_with_a_wrong_key_is_refused_naming_the_key(string number)
    {
        Assert.False(CompanyIdentifier.TryParse("FR", number, out _, out var error));
        Assert.Contains("clé de contrôle", error);
    }

    [Theory]
    [InlineData("55210")]
    [InlineData("55210055A")]
    [InlineData("")]
    public void A_french_company_needs_nine_or_fourteen_digits(string number) =>
        Assert.False(CompanyIdentifier.TryParse("FR", number, out _, out _));

    [Fact]
    public void A_siret_names_its_siren() =>
        Assert.Equal("552100554", CompanyIdentifier.TryParse("fr", "552 100 554 00013", out var identifier, out _) ? identifier.Value : null);

    [Theory]
    [InlineData("35600000052135")] // fails Luhn, digit sum 25
    [InlineData("35600000000001")] // fails Luhn, digit sum 15
    public void La_postes_sirets_are_valid_when_their_digit_sum_is_a_multiple_of_five_whatever_luhn_says(string siret)
    {
        Assert.False(Rpps.HasValidLuhnKey(siret));
        Assert.True(Siret.IsValid(siret));
        Assert.Equal(CompanyIdentifier.LaPosteSiren, CompanyIdentifier.TryParse(null, siret, out var identifier, out _) ? identifier.Value : null);
    }

    [Fact]
    public void A_la_poste_siret_whose_digit_sum_is_not_a_multiple_of_five_is_refused_even_when_luhn_accepts_it()
    {
        Assert.True(Rpps.HasValidLuhnKey("35600000000048"));
        Assert.False(Siret.IsValid("35600000000048"));
    }

    [Theory]
    [InlineData("DE", "DE123456789", "DE:DE123456789")]
    [InlineData("it", "it 123.456-789 01", "IT:IT12345678901")]
    [InlineData("US", "C0806592", "US:C0806592")]
    public void A_foreign_company_is_known_by_its_country_and_its_own_registration_number(string country, string number, string expected)
    {
        Assert.True(CompanyIdentifier.TryParse(country, number, out var identifier, out _));
        Assert.Equal(expected, identifier.Value);
        Assert.False(identifier.IsFrench);
        Assert.True(identifier.Value.Length <= 20);
    }

    [Theory]
    [InlineData("XX", "DE123456789")]
    [InlineData("DEU", "DE123456789")]
    [InlineData("DE", "12")]
    [InlineData("DE", "DE1234567890123456789")]
    [InlineData("DE", "DE12345678é")]
    public void A_foreign_company_needs_an_iso_country_and_four_to_seventeen_letters_or_digits(string country, string number) =>
        Assert.False(CompanyIdentifier.TryParse(country, number, out _, out _));
}
