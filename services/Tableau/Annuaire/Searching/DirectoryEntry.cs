using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.Activity;
using Ordre.Tableau.Register.Addresses;
using Ordre.Tableau.Register.Death;
using Ordre.Tableau.Register.Importing;
using Ordre.Tableau.Register.Qualifications;
using Ordre.Tableau.Register.Registering;
using Ordre.Tableau.Register.Sanctions;
using Ordre.Tableau.Register.StrikingOff;
using Ordre.Tableau.Register.Suspensions;
using Ordre.Tableau.Register.Transfers;
using Ordre.Contracts.Access;

namespace Ordre.Tableau.Annuaire.Searching;

/// <summary>Who sees a doctor in the directory (DOMAIN.md §2.6).</summary>
public enum DirectoryVisibility
{
    /// <summary>Everyone.</summary>
    Public,
    /// <summary>Retired doctors: only doctors signed in, and without address.</summary>
    DoctorsOnly,
    /// <summary>Not shown: not practising, suspended, in transfer, struck off, deceased.</summary>
    Hidden,
}

/// <summary>
/// A register entry as the directory reads it: the entry, who may see it, and its search keys. The search keys are
/// taken from what the directory shows (<see cref="Show"/>), never from the register entry itself: what is not
/// shown (the address of a replacement or retired doctor, anything of a hidden one) cannot be searched, so a
/// search cannot confirm it either.
/// </summary>
public sealed record DirectoryEntry(
    Guid Id,
    Practitioner Source,
    DirectoryVisibility Visibility,
    bool ShowsAddress,
    string SearchName,
    string? SearchCity,
    IReadOnlyList<string> SearchQualifications)
{
    /// <summary>Word prefixes are indexed up to this length; a longer query word must be typed in full.</summary>
    public const int MaxPrefixLength = 8;
    public const int MinWordLength = 2;
    public const string Everywhere = "*";

    public static DirectoryEntry From(Practitioner entry)
    {
        var visibility = (entry.Status, entry.Activity) switch
        {
            (not RegisterStatus.Registered, _) => DirectoryVisibility.Hidden,
            (_, ActivityStatus.TemporarilyInactive) => DirectoryVisibility.Hidden,
            (_, ActivityStatus.Retired) => DirectoryVisibility.DoctorsOnly,
            _ => DirectoryVisibility.Public,
        };
        var showsAddress = visibility == DirectoryVisibility.Public && entry.Activity == ActivityStatus.Regular;
        var shown = Shown(entry, showsAddress);
        // The keys of what is shown, and of nothing else.
        var name = Normalize($"{shown.LastName} {shown.FirstName}");
        var city = shown.Address is { } address ? Normalize(address.City) : null;
        var qualifications = shown.Qualifications.Append(shown.Specialty).Select(Normalize).Distinct().ToList();
        return new DirectoryEntry(entry.Id, entry, visibility, showsAddress, name, city, qualifications);
    }

    /// <summary>When the entry last changed (the timestamp of its last event): FHIR's meta.lastUpdated and _lastUpdated.</summary>
    public DateTimeOffset LastUpdated { get; init; }

    /// <summary>
    /// The shown last name, folded (<see cref="Normalize"/>): FHIR's family search, a prefix-indexed column.
    /// A hidden entry has none, like it has no <see cref="SearchTokens"/>.
    /// </summary>
    [JsonIgnore]
    public string? SearchFamily => Visibility == DirectoryVisibility.Hidden ? null : Normalize(Source.LastName);

    /// <summary>The shown first name, folded: FHIR's given search, a prefix-indexed column (none when hidden).</summary>
    [JsonIgnore]
    public string? SearchGiven => Visibility == DirectoryVisibility.Hidden ? null : Normalize(Source.FirstName);

    /// <summary>What the directory shows of the doctor (DOMAIN.md §2.6): the address only when <see cref="ShowsAddress"/>.</summary>
    public PublicDoctor Show() => Shown(Source, ShowsAddress);

    private static PublicDoctor Shown(Practitioner p, bool showsAddress)
    {
        var address = showsAddress && p.Address is { } a ? new PublicAddress(a.Line, a.PostalCode, a.City, a.Phone) : null;
        return new PublicDoctor(p.Rpps, p.LastName, p.FirstName, p.Specialty, p.Qualifications, p.Department, ActivityLabel(p.Activity), address);
    }

    private static string ActivityLabel(ActivityStatus activity) => activity switch
    {
        ActivityStatus.Replacement => "Remplaçant non installé",
        ActivityStatus.Retired => "Retraité",
        ActivityStatus.TemporarilyInactive => "Sans activité",
        _ => "Installé",
    };

    /// <summary>Who sees which entries: everyone the public ones, signed-in doctors also the retired (DOMAIN.md §2.6).</summary>
    public static DirectoryVisibility[] VisibleTo(ClaimsPrincipal user) => user.IsInRole(Roles.Doctor)
        ? [DirectoryVisibility.Public, DirectoryVisibility.DoctorsOnly]
        : [DirectoryVisibility.Public];

    /// <summary>
    /// Stored only in its own indexed column, not in the JSON document. A hidden entry shows nothing and has no token;
    /// a shown one has its name's prefixes in the scopes of what is shown: everywhere, its department, its city when
    /// its address is shown, its qualifications.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> SearchTokens => Visibility == DirectoryVisibility.Hidden
        ? []
        : Tokens(SearchName, Scopes(Source.Department, ShowsAddress ? SearchCity : null, SearchQualifications));

    /// <summary>
    /// The name's word prefixes in the <see cref="Everywhere"/> scope, whatever the entry's visibility today: only to find
    /// the candidates of a search as of a past day (<see cref="AsOf.DirectoryAsOf"/>), who are then shown or not by
    /// the entry as it stood that day. Names do not change on the register, so today's are that day's.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> NameTokens => Tokens(SearchName, [Everywhere]);

    /// <summary>
    /// The inverted index of the name search: for each scope a search may name (everywhere, the department,
    /// the city, each qualification), every prefix of every name word. One GIN lookup then answers
    /// "name words within a scope" without scanning (docs/benchmarks.md).
    /// </summary>
    public static IReadOnlyList<string> Tokens(string normalizedName, IEnumerable<string> scopes)
    {
        var prefixes = Words(normalizedName).SelectMany(WordTokens).Distinct().ToList();
        return [.. scopes.SelectMany(scope => prefixes.Select(prefix => $"{scope}|{prefix}"))];
    }

    /// <summary>The token a query word looks up: itself when short enough to be an indexed prefix, else the whole word.</summary>
    public static string QueryToken(string scope, string word) => $"{scope}|{word}";

    /// <summary>
    /// Tokens every shown entry whose name has these words (the last one possibly cut short) carries in the
    /// <see cref="Everywhere"/> scope: each word, cut to <see cref="MaxPrefixLength"/>. A filter that keeps more rows
    /// than the exact rule, never fewer.
    /// </summary>
    public static string[] EverywhereTokensOf(string normalized) =>
        [.. Words(normalized).Select(word => QueryToken(Everywhere, word[..Math.Min(word.Length, MaxPrefixLength)]))];

    public static IEnumerable<string> Words(string normalized) =>
        normalized.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= MinWordLength).Distinct();

    public static string DepartmentScope(string department) => "d:" + department;
    public static string CityScope(string normalizedCity) => "c:" + normalizedCity;
    public static string QualificationScope(string normalizedQualification) => "q:" + normalizedQualification;

    private static IEnumerable<string> Scopes(string department, string? city, IEnumerable<string> qualifications) =>
        new[] { Everywhere, DepartmentScope(department), city is null ? null : CityScope(city) }
            .Concat(qualifications.Select(QualificationScope)).OfType<string>();

    private static IEnumerable<string> WordTokens(string word) =>
        Enumerable.Range(MinWordLength, Math.Min(word.Length, MaxPrefixLength) - MinWordLength + 1).Select(n => word[..n]).Append(word);

    /// <summary>Lower case without accents, so "Élodie Lefèvre" is found by "elodie lefevre".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>
/// Builds the directory from the register's events, asynchronously (run by the daemon's leader),
/// evolving the entry exactly as the register does. Deterministic: it reads event data only.
/// </summary>
public sealed partial class DirectoryEntryProjection : SingleStreamProjection<DirectoryEntry, Guid>
{
    public DirectoryEntryProjection()
    {
        IncludeType<RegisteredOnTableau>();
        IncludeType<RegisterEntryImported>();
        IncludeType<Reregistered>();
        IncludeType<ActivityStatusChanged>();
        IncludeType<ProfessionalAddressChanged>();
        IncludeType<QualificationRecognised>();
        IncludeType<QualificationWithdrawn>();
        IncludeType<TransferRequested>();
        IncludeType<TransferCompleted>();
        IncludeType<TransferRefused>();
        IncludeType<SuspensionOrdered>();
        IncludeType<SuspensionEnded>();
        IncludeType<PractitionerStruckOff>();
        IncludeType<PractitionerDied>();
        IncludeType<PracticeBanStarted>();
        IncludeType<PracticeBanEnded>();
    }

    public override DirectoryEntry? Evolve(DirectoryEntry? snapshot, Guid id, IEvent e) => Entry(snapshot, e) is { } entry
        ? entry with { LastUpdated = e.Timestamp }
        : null;

    private static DirectoryEntry? Entry(DirectoryEntry? snapshot, IEvent e) => (snapshot, e.Data) switch
    {
        (_, RegisteredOnTableau registered) => DirectoryEntry.From(Practitioner.Create(registered)),
        (_, RegisterEntryImported imported) => DirectoryEntry.From(Practitioner.Create(imported)),
        (null, _) => null,
        _ => DirectoryEntry.From(Evolution<Practitioner>.Apply(snapshot.Source, e.Data)),
    };
}
