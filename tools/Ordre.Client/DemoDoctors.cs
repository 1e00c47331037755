namespace Ordre.Client;

/// <summary>
/// Deterministic generator of realistic inscription requests: French-looking names, valid RPPS
/// numbers ("10" + 8 digits + Luhn key, DOMAIN.md §9), plausible dates. Same seed, same doctors.
/// </summary>
public sealed class DemoDoctors(int seed)
{
    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Santini", "Casanova", "Pietri", "Jean-Baptiste", "Hoarau", "Payet", "Nguyen", "Benali", "Haddad", "Kéita",
    ];

    private static readonly string[] FirstNames =
    [
        "Marie", "Jean", "Pierre", "Camille", "Léa", "Hélène", "Élodie", "Chloé", "Manon", "Inès",
        "Louis", "Lucas", "Hugo", "Théo", "Antoine", "Nicolas", "Julien", "Sophie", "Anne", "Céline",
        "François", "Jérôme", "Stéphane", "Amélie", "Zoé", "Noémie", "Gaëlle", "Loïc", "Benoît", "Cécile",
        "Mathilde", "Thomas", "Claire", "Romain", "Émilie", "Yasmine", "Karim", "Mamadou", "Océane", "Maëlle",
    ];

    private static readonly string[] Specialties =
    [
        "Médecine générale", "Médecine générale", "Médecine générale", "Cardiologie", "Pédiatrie", "Psychiatrie",
        "Anesthésie-réanimation", "Radiologie", "Gynécologie médicale", "Dermatologie", "Ophtalmologie",
        "Chirurgie orthopédique", "Gériatrie", "Médecine d'urgence", "Oncologie",
    ];

    private static readonly string[] Universities =
    [
        "Université Paris Cité", "Sorbonne Université", "Aix-Marseille Université", "Université de Lyon",
        "Université de Bordeaux", "Université de Lille", "Université de Strasbourg", "Université de Corse",
        "Université des Antilles", "Université de Montpellier", "Université de Nantes", "Université de Rennes",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A complete, valid request for a doctor of <paramref name="department"/>.</summary>
    public InscriptionRequest Next(string department, DateOnly today)
    {
        var age = _random.Next(27, 66);
        var birth = today.AddYears(-age).AddDays(-_random.Next(0, 365));
        var diplomaOn = birth.AddYears(_random.Next(25, 29)).AddDays(_random.Next(0, 200));
        if (diplomaOn > today) diplomaOn = today.AddDays(-1);
        return new InscriptionRequest(
            Rpps(10_000_000 + _random.Next(0, 90_000_000)),
            department,
            Pick(LastNames),
            Pick(FirstNames),
            birth,
            new Diploma("Diplôme d'État de docteur en médecine", Pick(Universities), diplomaOn),
            Pick(Specialties));
    }

    /// <summary>"10" + the 8-digit serial + the Luhn key over all 11 digits.</summary>
    public static string Rpps(int serial)
    {
        var body = "10" + serial.ToString("00000000");
        for (var key = 0; key <= 9; key++)
        {
            var candidate = body + key;
            if (LuhnSum(candidate) % 10 == 0) return candidate;
        }
        throw new InvalidOperationException("unreachable: one Luhn key always fits");
    }

    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[^(i + 1)] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum;
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
