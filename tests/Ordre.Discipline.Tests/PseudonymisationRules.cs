using Ordre.Discipline.CaseLaw;

namespace Ordre.Discipline.Tests;

public class PseudonymisationRules
{
    private static readonly Parties Parties = new("10005173140", "Hélène Lefèvre-Dubois", "Mme Émilie Durand");

    [Fact]
    public void The_parties_names_become_x_and_y_whatever_their_accents_or_case()
    {
        var text = Pseudonymisation.Apply("Le Dr Helene LEFEVRE-DUBOIS a reçu Mme durand ; Émilie Durand se plaint du Dr Lefèvre-Dubois.", Parties);
        Assert.Equal("Le Dr X a reçu Mme Y ; Y se plaint du Dr X.", text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties));
    }

    [Fact]
    public void Numbers_addresses_phones_and_emails_are_removed_but_the_department_stays()
    {
        var text = Pseudonymisation.Apply(
            "RPPS 10005173140 (IDNPS 810005173140), cabinet au 12 bis rue des Lilas, 75011 Paris, tél. 01 42 00 00 00, " +
            "écrire à h.lefevre@exemple.fr ; conseil de la Seine-Saint-Denis (93).", Parties);
        Assert.Equal("RPPS [numéro] (IDNPS [numéro]), cabinet au [adresse], [commune], tél. [téléphone], " +
            "écrire à [courriel] ; conseil de la Seine-Saint-Denis (93).", text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties));
    }

    [Fact]
    public void Parts_of_compound_names_spaced_numbers_and_emoji_are_handled()
    {
        var parties = new Parties("10005173140", "Amadou N’Diaye-Lefèvre", "M. Paul Roux");
        var text = Pseudonymisation.Apply("Le Dr N'Diaye, dit Dr Lefèvre, RPPS 100 051 731 40, a répondu 👍 à M. Roux.", parties);
        Assert.Equal("Le Dr X, dit Dr X, RPPS [numéro], a répondu 👍 à M. Y.", text);
        Assert.Empty(Pseudonymisation.Leaks(text, parties));
    }

    [Fact]
    public void The_leak_scan_finds_what_was_left()
    {
        Assert.Equal(["Durand", "10005173140"], Pseudonymisation.Leaks("Mme DURAND, RPPS 10005173140", Parties));
    }
}
