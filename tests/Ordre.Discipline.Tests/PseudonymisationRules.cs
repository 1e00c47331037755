using Ordre.Discipline.CaseLaw.Publishing;

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

    [Theory]
    [InlineData("Mme Bernard, voisine, a témoigné.", "Mme [tiers], voisine, a témoigné.")]
    [InlineData("Il a adressé la patiente au Dr Martin.", "Il a adressé la patiente au Dr [tiers].")]
    [InlineData("le docteur Martin et le Pr. Jean-Pierre Le Goff ont été entendus.", "le docteur [tiers] et le Pr. [tiers] ont été entendus.")]
    [InlineData("M. Paul Roux, son époux, et Mlle Anne de La Tour d'Auvergne.", "M. [tiers], son époux, et Mlle [tiers].")]
    [InlineData("Me N’Diaye-Koné, avocat, puis Maître Van der Berg.", "Me [tiers], avocat, puis Maître [tiers].")]
    [InlineData("Madame Sophie MOREAU et Monsieur d'Estaing.", "Madame [tiers] et Monsieur [tiers].")]
    [InlineData("MME BERNARD s'est plainte.", "MME [tiers] s'est plainte.")]
    public void Third_parties_named_after_a_title_are_removed(string written, string published)
    {
        var text = Pseudonymisation.Apply(written, Parties);
        Assert.Equal(published, text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties));
    }

    [Theory]
    [InlineData("M. le président de la chambre et Mme la rapporteure ont siégé.")]
    [InlineData("Saisie par Mme Y. La chambre relève que le Dr X. Le patient est décédé.")]
    [InlineData("Le Dr X a prescrit ; M. Y a saisi le conseil ; le docteur a tardé.")]
    [InlineData("Articles R. 4127-32 et L. 4124-6 du code ; N.B. : vitamine D.")]
    [InlineData("Une amende de 15000 euros ; 10000 patients suivis.")]
    [InlineData("Conseil départemental de la Seine-Saint-Denis (93).")]
    public void Titles_without_a_name_placeholders_article_numbers_and_amounts_stay(string written)
    {
        Assert.Equal(written, Pseudonymisation.Apply(written, Parties));
        Assert.Empty(Pseudonymisation.Leaks(written, Parties));
    }

    [Theory]
    [InlineData("Selon M. D., la patiente attendait.", "Selon M. [tiers], la patiente attendait.")]
    [InlineData("Le Dr J.-P. R. avait été consulté.", "Le Dr [tiers] avait été consulté.")]
    [InlineData("Le témoin J. D. a été entendu.", "Le témoin [tiers] a été entendu.")]
    [InlineData("Le Dr X. Y. est cité.", "Le Dr [tiers] est cité.")]
    public void Initials_are_removed(string written, string published)
    {
        var text = Pseudonymisation.Apply(written, Parties);
        Assert.Equal(published, text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties));
    }

    [Theory]
    [InlineData("Cabinet à 75004 paris.", "Cabinet à [commune].")]
    [InlineData("Cabinet à 75004 PARIS CEDEX, puis à 76600 le havre.", "Cabinet à [commune], puis à [commune].")]
    [InlineData("Exerçant à 13090 aix-en-provence.", "Exerçant à [commune].")]
    public void Postcodes_with_their_town_are_removed_in_any_case(string written, string published)
    {
        var text = Pseudonymisation.Apply(written, Parties);
        Assert.Equal(published, text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties));
    }

    [Fact]
    public void Internal_identifiers_are_removed()
    {
        var caseId = Guid.CreateVersion7();
        var text = Pseudonymisation.Apply($"Affaire {caseId} (plainte {{{Guid.NewGuid().ToString().ToUpperInvariant()}}}, dossier {caseId:N}).", Parties);
        Assert.Equal("Affaire [référence] (plainte [référence], dossier [référence]).", text);
        Assert.Empty(Pseudonymisation.Leaks(text, Parties, caseId));
    }

    [Fact]
    public void The_leak_scan_finds_what_was_left()
    {
        Assert.Equal([new Leak("nom de partie", "DURAND"), new Leak("numéro RPPS", "10005173140"), new Leak("nom de tiers", "DURAND")],
            Pseudonymisation.Leaks("Mme DURAND, RPPS 10005173140", Parties));
    }

    [Theory]
    [InlineData("Mme durand, voisine, a témoigné.", "nom de tiers : « durand »")]
    [InlineData("La voisine (dr martin) a témoigné.", "nom de tiers : « martin »")]
    [InlineData("Le médecin, RPPS 1000-5173-140, a été sanctionné.", "numéro RPPS : « 1000-5173-140 »")]
    public void What_the_pseudonymiser_cannot_safely_rewrite_is_found_by_the_leak_scan(string written, string leak)
    {
        var text = Pseudonymisation.Apply(written, Parties with { ComplainantName = "Association de défense" });
        Assert.Equal(written, text);
        Assert.Equal(leak, Assert.Single(Pseudonymisation.Leaks(text, Parties with { ComplainantName = "Association de défense" })).ToString());
    }

    [Fact]
    public void A_short_form_of_the_case_id_is_found_by_the_leak_scan()
    {
        var caseId = Guid.Parse("0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");
        var text = Pseudonymisation.Apply("Voir l'affaire n° 0193A2B4.", Parties);
        Assert.Equal("identifiant interne : « 0193A2B4 »", Assert.Single(Pseudonymisation.Leaks(text, Parties, caseId)).ToString());
    }
}
