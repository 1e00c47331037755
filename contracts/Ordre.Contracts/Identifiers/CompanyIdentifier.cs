using System.Diagnostics.CodeAnalysis;

namespace Ordre.Contracts.Identifiers;

/// <summary>
/// How a company is known (DOMAIN.md §9): a French company by its SIREN (9 digits, Luhn key; a SIRET of 14 digits is
/// accepted and names its SIREN), a foreign company with no SIREN by its ISO 3166-1 country code and its own registration
/// number (an EU VAT number, a trade-register number). <see cref="Value"/> is the text tokens carry in their
/// <c>company_id</c> claim: the SIREN ("552100554"), or country and number ("DE:DE123456789").
/// </summary>
public sealed record CompanyIdentifier
{
    public const string France = "FR";
    /// <summary>La Poste's SIREN: its SIRETs do not follow Luhn; the sum of their 14 digits is a multiple of 5.</summary>
    public const string LaPosteSiren = "356000000";
    public const int ShortestForeignNumber = 4, LongestForeignNumber = 17;

    private CompanyIdentifier(string country, string number) => (Country, Number) = (country, number);

    /// <summary>"FR" for a SIREN, else the country that registered the company.</summary>
    public string Country { get; }

    /// <summary>The SIREN, or the foreign registration number in capitals without spaces, dots or dashes.</summary>
    public string Number { get; }

    public bool IsFrench => Country == France;

    /// <summary>The company's id in tokens and dossiers (at most 20 characters).</summary>
    public string Value => IsFrench ? Number : $"{Country}:{Number}";

    public override string ToString() => Value;

    /// <summary>
    /// Reads a company's identifier: <paramref name="country"/> empty or "FR" expects a SIREN or a SIRET (spaces allowed);
    /// another ISO country code expects its registration number (letters and digits; spaces, dots and dashes ignored).
    /// Returns the French reason of a refusal in <paramref name="error"/>.
    /// </summary>
    public static bool TryParse(string? country, string? number, [NotNullWhen(true)] out CompanyIdentifier? identifier, [NotNullWhen(false)] out string? error)
    {
        identifier = null;
        var code = string.IsNullOrWhiteSpace(country) ? France : country.Trim().ToUpperInvariant();
        var compact = new string((number ?? "").Where(c => c is not (' ' or '.' or '-' or '\u00A0')).ToArray()).ToUpperInvariant();
        if (code == France)
        {
            if (Siren.IsValid(compact))
            {
                identifier = new CompanyIdentifier(France, compact);
            }
            else if (Siret.IsValid(compact))
            {
                identifier = new CompanyIdentifier(France, compact[..9]);
            }
            else
            {
                error = compact.Length is 9 or 14 && compact.All(char.IsAsciiDigit)
                    ? "La clé de contrôle du SIREN (ou du SIRET) est fausse."
                    : "Une entreprise française est identifiée par son SIREN (9 chiffres) ou un SIRET (14 chiffres).";
                return false;
            }
            error = null;
            return true;
        }
        if (!Countries.Contains(code))
        {
            error = "Le pays est un code ISO 3166-1 de deux lettres (DE, IT, US…).";
            return false;
        }
        if (compact.Length < ShortestForeignNumber || compact.Length > LongestForeignNumber || !compact.All(char.IsAsciiLetterOrDigit))
        {
            error = $"Le numéro d'immatriculation d'une entreprise étrangère (TVA intracommunautaire, registre du commerce) compte de {ShortestForeignNumber} à {LongestForeignNumber} lettres ou chiffres.";
            return false;
        }
        identifier = new CompanyIdentifier(code, compact);
        error = null;
        return true;
    }

    /// <summary>ISO 3166-1 alpha-2 (Debian iso-codes), France included (it expects a SIREN).</summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>(
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".Split(' '), StringComparer.Ordinal);
}

/// <summary>The SIREN: 9 digits whose last one is a Luhn key over the whole number (DOMAIN.md §9).</summary>
public static class Siren
{
    public static bool IsValid(string? value) => value is { Length: 9 } && value.All(char.IsAsciiDigit) && Rpps.HasValidLuhnKey(value);
}

/// <summary>
/// The SIRET: the SIREN and a 5-digit establishment number (NIC), Luhn over the 14 digits, except La Poste's
/// (SIREN 356000000), whose SIRETs have a digit sum that is a multiple of 5 (DOMAIN.md §9).
/// </summary>
public static class Siret
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 14 } || !value.All(char.IsAsciiDigit))
            return false;
        return value.StartsWith(CompanyIdentifier.LaPosteSiren, StringComparison.Ordinal)
            ? value.Sum(c => c - '0') % 5 == 0
            : Rpps.HasValidLuhnKey(value);
    }
}
