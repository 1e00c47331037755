using System.Globalization;

namespace Ordre.Client;

/// <summary>
/// A deterministic year of conventions shaped like IDAHE's 2020 (DOMAIN.md §6): 301,674 rows of the bulk CSV template
/// (docs/conventions.md), the categories in 2020's proportions (hospitality 87.6 %, fees 10.7 %, simplified 1.3 %,
/// studies 0.3 %, miscellaneous 0.06 %), the share above the arrêté's thresholds per category as in Oct–Dec 2020 (so
/// about 9 % of the conventions fall under authorisation: hospitality 2.8 %, fees 23 %, studies 63 %, miscellaneous 28 %,
/// simplified never), the beneficiaries mostly doctors (RPPS of the register given, one in fifty unknown to it),
/// 3 % students (INE) and 2 % associations (assumptions: 2020's report does not split them), benefit dates spread over
/// the coming year. Same seed, same rows; <paramref name="prefix"/> makes the company's references unique.
/// </summary>
public sealed class DemoConventions(int seed, string prefix, IReadOnlyList<string> doctors, DateOnly today)
{
    public const int Year2020 = 301_674;
    public const string Header = "reference;categorie;beneficiaire;rpps;ine;nom;objet;nature;description;montant;date_avantage;debut_periode;fin_periode;urgent";

    // Conventions of 2020 per category (Jan–Sep drafts + Oct–Dec conventions) and those of Oct–Dec above the thresholds.
    private static readonly (string Category, int Count, double Authorised)[] Categories =
    [
        ("hospitalite", 262_763 + 8_838 + 251, 251.0 / (8_838 + 251)),
        ("honoraires", 29_308 + 3_087 + 923, 923.0 / (3_087 + 923)),
        ("etudes", 708 + 72 + 122, 122.0 / (72 + 122)),
        ("divers", 135 + 52, 52.0 / (135 + 52)),
        ("simplifiee", 2_124 + 1_804, 0),
    ];

    private static readonly string[] Events =
    [
        "Congrès national de cardiologie", "Journées de diabétologie", "Congrès de pneumologie", "Réunion d'oncologie",
        "Symposium de rhumatologie", "Congrès de médecine générale", "Journées de pédiatrie", "Congrès de psychiatrie",
        "Séminaire de dermatologie", "Congrès d'anesthésie", "Journées d'ophtalmologie", "Congrès de gériatrie",
    ];

    private static readonly string[] Associations =
    [
        "Association des internes de cardiologie", "Société régionale de médecine générale", "Association de formation continue",
        "Collège des jeunes pneumologues", "Réseau de soins palliatifs", "Association des étudiants en médecine",
    ];

    private readonly Random _random = new(seed);
    private readonly double _total = Categories.Sum(c => c.Count);

    /// <summary>Writes the header and <paramref name="count"/> rows (numbered from 1 in the references), CRLF-terminated.</summary>
    public async Task WriteAsync(TextWriter csv, int count, CancellationToken ct = default)
    {
        await csv.WriteAsync(Header + "\r\n");
        for (var i = 1; i <= count; i++)
        {
            await csv.WriteAsync(Row(i) + "\r\n");
            if (i % 10_000 == 0)
                ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The row numbered <paramref name="number"/> (the next draw of the generator).</summary>
    public string Row(int number)
    {
        var pick = _random.NextDouble() * _total;
        var (category, _, authorised) = Categories.First(c => (pick -= c.Count) < 0 || c.Category == "simplifiee");
        var kindDraw = _random.NextDouble();
        var kind = kindDraw < 0.95 ? "medecin" : kindDraw < 0.98 ? "etudiant" : "association";
        var rpps = kind == "medecin"
            ? doctors.Count > 0 && _random.Next(50) != 0 ? doctors[_random.Next(doctors.Count)] : DemoDoctors.Rpps(_random.Next(0, 90_000_000))
            : "";
        var ine = kind == "etudiant" ? $"{_random.Next(100_000_000, 999_999_999)}{_random.Next(10)}{(char)('A' + _random.Next(26))}" : "";
        var name = kind == "association" ? Associations[_random.Next(Associations.Length)] : "";
        var evt = Events[_random.Next(Events.Length)];
        var (nature, purpose, description) = category switch
        {
            "hospitalite" => ("hospitalite", evt, "Transport, hôtel et repas"),
            "honoraires" => ("remuneration", $"Intervention : {evt}", "Honoraires d'orateur"),
            "etudes" => ("remuneration", "Étude observationnelle", "Honoraires d'investigateur"),
            "divers" => _random.Next(2) == 0 ? ("formation", "Formation continue", "Inscription et supports") : ("don_recherche", "Don pour la recherche", "Don"),
            _ => ("hospitalite", $"Repas : {evt}", "Repas"),
        };
        var threshold = (nature, kind) switch
        {
            ("remuneration", "etudiant") => 800m,
            ("formation", _) => 1_000m,
            ("don_recherche", "medecin") => 5_000m,
            ("don_recherche", "etudiant") => 1_000m,
            ("don_recherche", _) => 8_000m,
            _ => 2_000m,
        };
        var above = _random.NextDouble() < authorised;
        var amount = above
            ? decimal.Round(threshold * (1.05m + (decimal)_random.NextDouble() * 2m), 2)
            : category == "simplifiee"
                ? decimal.Round(15m + (decimal)_random.NextDouble() * 45m, 2)
                : decimal.Round(threshold * (0.02m + (decimal)_random.NextDouble() * 0.9m), 2);
        var benefitOn = today.AddDays(_random.Next(5, 366));
        var from = benefitOn.AddDays(-_random.Next(0, 30));
        var to = benefitOn.AddDays(_random.Next(0, 30));
        var urgent = above && _random.Next(40) == 0 ? "oui" : "";
        return string.Join(';', $"{prefix}-{number:D6}", category, kind, rpps, ine, name, purpose, nature, description,
            amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','), Day(benefitOn), Day(from), Day(to), urgent);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// RPPS numbers of registered doctors, read from the public directory (common names, department by department), as
    /// the gRPC benchmark picks them: the demo register's own numbers. A 429 (the anonymous rate limit) waits a second.
    /// </summary>
    public static async Task<List<string>> RegisteredDoctorsAsync(IOrdreApi api, int wanted, string? token = null)
    {
        string[] names = ["martin", "bernard", "thomas", "petit", "robert", "richard", "durand", "dubois", "moreau", "laurent",
            "simon", "michel", "leroy", "roux", "david", "bertrand", "morel", "fournier", "girard", "bonnet"];
        string[] departments = ["75", "69", "13", "33", "59", "31", "92", "93", "94", "67", "44", "35", "34", "06", "38", "76", "57", "63"];
        var found = new HashSet<string>();
        foreach (var department in departments)
            foreach (var name in names)
                for (var page = 1; page <= 4 && found.Count < wanted; page++)
                {
                    var result = await Retrying.SendAsync(() => api.SearchDirectory(name, department, page, 50, token: token));
                    if (result.Content is not { Items.Count: > 0 } content) break;
                    found.UnionWith(content.Items.Select(d => d.Rpps));
                    if (content.Items.Count < 50) break;
                }
        return [.. found.Order(StringComparer.Ordinal).Take(wanted)];
    }
}
