
namespace Ordre.Tableau.Register.Importing;

/// <summary>
/// A deterministic, realistic demo register sized from DOMAIN.md §6: about 305,000 entries, of which
/// 198k regular, 34k intermittent (regular activity), 10k replacement or inactive, 63k retired; spread over
/// the departments by the 2020 report's regional weights (first column of its map, DOMAIN.md §6, (A));
/// French-looking names; valid RPPS numbers. Same seed, same register.
/// </summary>
public static class DemoRegister
{
    public const int DefaultCount = 305_000;

    // Regional weights (A): the first column of the S4 map, in the order DOMAIN.md lists the groups,
    // each region's weight split evenly between its departments.
    private static readonly (int Weight, string[] Departments)[] Regions =
    [
        (3523, ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"]), // Auvergne-Rhône-Alpes
        (1496, ["21", "25", "39", "58", "70", "71", "89", "90"]), // Bourgogne-Franche-Comté
        (801, ["18", "28", "36", "37", "41", "45"]), // Centre-Val de Loire
        (2657, ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]), // Grand Est
        (1738, ["02", "59", "60", "62", "80"]), // Hauts-de-France
        (7947, ["75", "77", "78", "91", "92", "93", "94", "95"]), // Île-de-France
        (2822, ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"]), // Nouvelle-Aquitaine
        (1576, ["14", "27", "50", "61", "76"]), // Normandie
        (2140, ["44", "49", "53", "72", "85"]), // Pays de la Loire
        (2073, ["22", "29", "35", "56"]), // Bretagne
        (73, ["2A", "2B"]), // Corse
        (1889, ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]), // Occitanie
        (655, ["04", "05", "06", "13", "83", "84"]), // Provence-Alpes-Côte d'Azur
        (144, ["976"]), // Mayotte
        (695, ["974"]), // La Réunion
        (351, ["971", "972", "973"]), // Antilles-Guyane
    ];

    private static readonly Dictionary<string, string> Prefectures = new()
    {
        ["01"] = "Bourg-en-Bresse", ["02"] = "Laon", ["03"] = "Moulins", ["04"] = "Digne-les-Bains", ["05"] = "Gap", ["06"] = "Nice",
        ["07"] = "Privas", ["08"] = "Charleville-Mézières", ["09"] = "Foix", ["10"] = "Troyes", ["11"] = "Carcassonne", ["12"] = "Rodez",
        ["13"] = "Marseille", ["14"] = "Caen", ["15"] = "Aurillac", ["16"] = "Angoulême", ["17"] = "La Rochelle", ["18"] = "Bourges",
        ["19"] = "Tulle", ["21"] = "Dijon", ["22"] = "Saint-Brieuc", ["23"] = "Guéret", ["24"] = "Périgueux", ["25"] = "Besançon",
        ["26"] = "Valence", ["27"] = "Évreux", ["28"] = "Chartres", ["29"] = "Quimper", ["2A"] = "Ajaccio", ["2B"] = "Bastia",
        ["30"] = "Nîmes", ["31"] = "Toulouse", ["32"] = "Auch", ["33"] = "Bordeaux", ["34"] = "Montpellier", ["35"] = "Rennes",
        ["36"] = "Châteauroux", ["37"] = "Tours", ["38"] = "Grenoble", ["39"] = "Lons-le-Saunier", ["40"] = "Mont-de-Marsan",
        ["41"] = "Blois", ["42"] = "Saint-Étienne", ["43"] = "Le Puy-en-Velay", ["44"] = "Nantes", ["45"] = "Orléans", ["46"] = "Cahors",
        ["47"] = "Agen", ["48"] = "Mende", ["49"] = "Angers", ["50"] = "Saint-Lô", ["51"] = "Châlons-en-Champagne", ["52"] = "Chaumont",
        ["53"] = "Laval", ["54"] = "Nancy", ["55"] = "Bar-le-Duc", ["56"] = "Vannes", ["57"] = "Metz", ["58"] = "Nevers", ["59"] = "Lille",
        ["60"] = "Beauvais", ["61"] = "Alençon", ["62"] = "Arras", ["63"] = "Clermont-Ferrand", ["64"] = "Pau", ["65"] = "Tarbes",
        ["66"] = "Perpignan", ["67"] = "Strasbourg", ["68"] = "Colmar", ["69"] = "Lyon", ["70"] = "Vesoul", ["71"] = "Mâcon",
        ["72"] = "Le Mans", ["73"] = "Chambéry", ["74"] = "Annecy", ["75"] = "Paris", ["76"] = "Rouen", ["77"] = "Melun",
        ["78"] = "Versailles", ["79"] = "Niort", ["80"] = "Amiens", ["81"] = "Albi", ["82"] = "Montauban", ["83"] = "Toulon",
        ["84"] = "Avignon", ["85"] = "La Roche-sur-Yon", ["86"] = "Poitiers", ["87"] = "Limoges", ["88"] = "Épinal", ["89"] = "Auxerre",
        ["90"] = "Belfort", ["91"] = "Évry-Courcouronnes", ["92"] = "Nanterre", ["93"] = "Bobigny", ["94"] = "Créteil", ["95"] = "Cergy",
        ["971"] = "Pointe-à-Pitre", ["972"] = "Fort-de-France", ["973"] = "Cayenne", ["974"] = "Saint-Denis", ["976"] = "Mamoudzou",
    };

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
        "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
        "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche",
        "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud",
        "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq",
        "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
        "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Paris", "Poirier",
        "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly",
        "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel",
        "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc",
        "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez", "Guichard",
        "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaître",
        "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert",
        "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Santini", "Casanova", "Pietri", "Nguyen", "Benali", "Haddad", "Diallo",
    ];

    private static readonly string[] FirstNames =
    [
        "Marie", "Jean", "Pierre", "Camille", "Léa", "Hélène", "Élodie", "Chloé", "Manon", "Inès", "Louis", "Lucas", "Hugo", "Théo",
        "Antoine", "Nicolas", "Julien", "Sophie", "Anne", "Céline", "François", "Jérôme", "Stéphane", "Amélie", "Zoé", "Noémie",
        "Gaëlle", "Loïc", "Benoît", "Cécile", "Mathilde", "Thomas", "Claire", "Romain", "Émilie", "Yasmine", "Karim", "Mamadou",
        "Océane", "Maëlle", "Isabelle", "Nathalie", "Sylvie", "Catherine", "Christophe", "Philippe", "Laurent", "Éric", "Olivier",
        "Frédéric", "David", "Sébastien", "Vincent", "Alexandre", "Guillaume", "Maxime", "Paul", "Clément", "Arthur", "Juliette",
        "Pauline", "Laura", "Sarah", "Aurélie", "Caroline", "Virginie", "Valérie", "Sandrine", "Florence", "Agnès", "Bruno", "Didier",
    ];

    private static readonly string[] Specialties =
    [
        "Médecine générale", "Médecine générale", "Médecine générale", "Médecine générale", "Médecine générale",
        "Cardiologie", "Pédiatrie", "Psychiatrie", "Anesthésie-réanimation", "Radiologie", "Gynécologie-obstétrique",
        "Dermatologie", "Ophtalmologie", "Chirurgie orthopédique", "Gériatrie", "Médecine d'urgence", "Oncologie",
        "Gastro-entérologie", "Pneumologie", "Rhumatologie", "Neurologie", "ORL", "Endocrinologie", "Néphrologie",
    ];

    private static readonly string[] Streets =
        ["rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard Gambetta", "place de la Mairie", "rue Pasteur",
         "rue du Général-de-Gaulle", "avenue de la Gare", "rue des Écoles", "rue Nationale", "cours Lafayette", "rue de la Paix"];

    public static IEnumerable<RegisterEntryImported> Generate(int count, int seed, DateOnly today)
    {
        var random = new Random(seed);
        var departments = WeightedDepartments();
        var totalWeight = departments[^1].Cumulative;
        var serials = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            int serial;
            do serial = random.Next(0, 100_000_000); while (!serials.Add(serial));
            var rpps = WithLuhnKey("10" + serial.ToString("00000000"));
            var pick = random.NextDouble() * totalWeight;
            var department = departments.First(d => d.Cumulative >= pick).Code;
            var activity = ActivityFor(random.NextDouble());
            var registeredOn = today.AddDays(-random.Next(activity == ActivityStatus.Retired ? 9_000 : 0, 15_000) - 30);
            var address = activity is ActivityStatus.Regular
                ? new ProfessionalAddress($"{random.Next(1, 180)} {Pick(random, Streets)}", PostalCode(department),
                    Prefectures[department], $"0{(department.Length == 3 ? "5" : "1")} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}")
                : null;
            var lastName = random.Next(12) == 0 ? $"{Pick(random, LastNames)}-{Pick(random, LastNames)}" : Pick(random, LastNames);
            yield return new RegisterEntryImported(PractitionerStream.IdOf(rpps), rpps, department, lastName, Pick(random, FirstNames),
                Pick(random, Specialties), registeredOn, activity, address, [], "demo");
        }
    }

    /// <summary>DOMAIN.md §6 demo defaults: 232k regular or intermittent, 7k replacement, 3k inactive, 63k retired (of 305k).</summary>
    private static ActivityStatus ActivityFor(double draw) => draw switch
    {
        < 232.0 / 305 => ActivityStatus.Regular,
        < 239.0 / 305 => ActivityStatus.Replacement,
        < 242.0 / 305 => ActivityStatus.TemporarilyInactive,
        _ => ActivityStatus.Retired,
    };

    private static string PostalCode(string department) => department switch
    {
        "2A" => "20000",
        "2B" => "20200",
        { Length: 3 } => department + "00",
        _ => department + "000",
    };

    private static List<(string Code, double Cumulative)> WeightedDepartments()
    {
        var cumulative = 0.0;
        var list = new List<(string, double)>();
        foreach (var (weight, codes) in Regions)
            foreach (var code in codes)
                list.Add((code, cumulative += (double)weight / codes.Length));
        return list;
    }

    private static string WithLuhnKey(string body)
    {
        for (var key = 0; key <= 9; key++)
            if (Rpps.HasValidLuhnKey(body + key)) return body + key;
        throw new InvalidOperationException("unreachable: one Luhn key always fits");
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
