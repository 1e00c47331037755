using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Marten;
using Marten.Linq.MatchesSql;
using Ordre.Tableau.Annuaire.AsOf;
using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register;
using Ordre.Tableau.Register.AsOf;

namespace Ordre.Tableau.Annuaire.Fhir;

/// <summary>
/// FHIR R4 read and search of Practitioner and PractitionerRole, with the directory's visibility rules,
/// searchset Bundles with paging links, a CapabilityStatement, and OperationOutcome for every error.
/// </summary>
public static class FhirEndpoints
{
    public const string MediaType = "application/fhir+json";
    public const int MaxCount = 50;
    /// <summary>The directory's deepest page (as for /annuaire): bounds the offset far from overflowing.</summary>
    public const int MaxPage = Ordre.ServiceDefaults.Queries.Paging.MaxPage;
    public const int MaxTextLength = 100;
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    public static IResult Metadata(HttpContext http) => Fhir(FhirResources.Capabilities(BaseUrl(http)));

    public static async Task<IResult> ReadPractitioner(string id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await Visible(id, user, session, ct) is { } entry ? Fhir(FhirResources.Practitioner(entry)) : NotFound("Practitioner", id);

    public static async Task<IResult> ReadRole(string id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        id.StartsWith(FhirResources.RolePrefix) && await Visible(id[FhirResources.RolePrefix.Length..], user, session, ct) is { } entry
            ? Fhir(FhirResources.Role(entry))
            : NotFound("PractitionerRole", id);

    public static Task<IResult> SearchPractitioners(HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Search(http, session, clock, ResourceType.Practitioner, FhirResources.Practitioner, ct);

    public static Task<IResult> SearchRoles(HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Search(http, session, clock, ResourceType.PractitionerRole, FhirResources.Role, ct);

    private static readonly HashSet<string> StringParameters = ["family", "given", "name"];

    private static async Task<IResult> Search(HttpContext http, IQuerySession session, TimeProvider clock, ResourceType type,
        Func<DirectoryEntry, Resource> toResource, CancellationToken ct)
    {
        var q = http.Request.Query;
        var isRole = type == ResourceType.PractitionerRole;
        // Unknown parameters are ignored (R4 lenient handling) unless the client sends Prefer: handling=strict;
        // an unknown modifier of a known parameter is always refused (R4: servers SHALL reject unsupported modifiers).
        var strict = http.Request.Headers["Prefer"].Any(h => h?.Replace(" ", "").Contains("handling=strict", StringComparison.OrdinalIgnoreCase) == true);
        var known = new HashSet<string> { "identifier", "family", "given", "name", "_id", "_lastUpdated", "_count", "_page", "_format", AsOfParameter };
        known.Add(isRole ? "practitioner" : "_revinclude");
        if (isRole) known.Add("_include");
        foreach (var key in q.Keys)
        {
            var (name, modifier) = key.IndexOf(':') is var colon and >= 0 ? (key[..colon], key[(colon + 1)..]) : (key, null);
            if (!known.Contains(name))
            {
                if (strict) return Error(OperationOutcome.IssueType.NotSupported, $"Paramètre de recherche non pris en charge : {key}.", 400);
                continue;
            }
            if (modifier is not null && !(StringParameters.Contains(name) && FhirStringMatch.Parse(modifier) is not null))
                return Error(OperationOutcome.IssueType.NotSupported, $"Modificateur non pris en charge : {key}.", 400);
        }
        // Parsed as a number of any size, so that a huge value is refused as out of bounds rather than as not a number.
        var count = q["_count"].Count == 0 ? 20 : long.TryParse(q["_count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var page = q["_page"].Count == 0 ? 1 : long.TryParse(q["_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (count is < 1 or > MaxCount || page is < 1 or > MaxPage)
            return Error(OperationOutcome.IssueType.Value, $"_count est un entier de 1 à {MaxCount}, _page un entier de 1 à {MaxPage}.", 400);
        if (q.Where(kv => kv.Key is not ("_count" or "_page")).SelectMany(kv => kv.Value).FirstOrDefault(v => v is null || v.Length > MaxTextLength || v.Any(char.IsControl)) is not null
            || q.Keys.Any(k => k.Length > MaxTextLength || k.Any(char.IsControl)))
            return Error(OperationOutcome.IssueType.Value, $"Les paramètres de recherche ont {MaxTextLength} caractères au plus, sans caractère de contrôle.", 400);

        var (asOf, asOfError) = RegisterAsOf.ParseDay(q[AsOfParameter].FirstOrDefault(), ParisCalendar.Today(clock));
        if (asOfError is not null)
            return Error(OperationOutcome.IssueType.Value, asOfError.Replace("asOf", AsOfParameter), 400);
        if (asOf is not null && (q["_lastUpdated"].Count > 0 || q.Keys.Any(k => k.EndsWith(":contains"))))
            return Error(OperationOutcome.IssueType.NotSupported, $"{AsOfParameter} ne se combine ni avec _lastUpdated ni avec :contains.", 400);

        var visible = DirectoryEntry.VisibleTo(http.User);
        var query = session.Query<DirectoryEntry>().Where(e => e.Visibility.In(visible));
        var narrowed = false;
        // The same criteria in memory, for a search as of a past day (entries replayed from their events).
        var namedIds = (HashSet<Guid>?)null;
        var stringCriteria = new List<(string Parameter, StringModifier Modifier, string Value)>();

        // Token and reference parameters: a comma is OR, a repeated parameter is AND; they all name entries by RPPS.
        foreach (var (key, toRpps) in new (string, Func<string, string?>)[]
                 {
                     ("identifier", IdentifierRpps),
                     ("_id", id => isRole ? (id.StartsWith(FhirResources.RolePrefix) ? id[FhirResources.RolePrefix.Length..] : null) : id),
                     ("practitioner", reference => reference.Split('/') is [.., "Practitioner", var id] ? id : reference.Contains('/') ? null : reference),
                 })
            foreach (var value in q[key].OfType<string>())
            {
                if (key == "identifier" && value.EndsWith('|') && value.Count(ch => ch == '|') == 1)
                {
                    // system| : every practitioner has an RPPS and an IDNPS identifier; another system matches none.
                    if (value[..^1] is not (FhirResources.RppsSystem or FhirResources.IdnpsSystem))
                    {
                        query = query.Where(e => e.Id == Guid.Empty);
                        namedIds = [];
                    }
                    continue;
                }
                var ids = value.Split(',').Select(v => toRpps(v.Trim())).OfType<string>().Where(Rpps.IsValid).Select(PractitionerStream.IdOf).ToArray();
                query = query.Where(e => e.Id.IsOneOf(ids));
                if (namedIds is null) namedIds = [.. ids]; else namedIds.IntersectWith(ids);
                narrowed = true;
            }

        // String parameters (family, given, name: any of the two), on the folded, prefix-indexed keys.
        foreach (var key in q.Keys.Where(k => StringParameters.Contains(k.Split(':')[0])))
        {
            var modifier = FhirStringMatch.Parse(key.Contains(':') ? key[(key.IndexOf(':') + 1)..] : null)!.Value;
            foreach (var value in q[key].OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0))
            {
                var folded = DirectoryEntry.Normalize(value);
                stringCriteria.Add((key.Split(':')[0], modifier, value));
                narrowed |= folded.Length >= (modifier == StringModifier.Contains ? MinContainsLength : SearchDirectoryEndpoint.MinNameLength);
                // name (family OR given), unless :contains: the value's words are words (or prefixes) of the shown name,
                // and the name search's GIN tokens narrow the rows first. Without them the planner walked the whole
                // directory in name order to skip a sort (1.7 s instead of 15 ms; docs/benchmarks.md). family and given
                // alone need no such help: their covering indexes answer from the index (AnnuaireModule).
                if (key.Split(':')[0] == "name" && modifier != StringModifier.Contains && DirectoryEntry.EverywhereTokensOf(folded) is { Length: > 0 } tokens)
                    query = query.Where(e => e.MatchesSql("d.search_tokens @> ?", (object)tokens));
                var columns = key.Split(':')[0] switch { "family" => new[] { "d.search_family" }, "given" => ["d.search_given"], _ => ["d.search_family", "d.search_given"] };
                if (modifier == StringModifier.Exact)
                {
                    var sql = "(" + string.Join(" or ", columns.Select(col => $"{col} = ?")) + ")";
                    var args = columns.Select(_ => (object)folded).ToArray();
                    query = query.Where(e => e.MatchesSql(sql, args));
                    query = key.Split(':')[0] switch
                    {
                        "family" => query.Where(e => e.Source.LastName == value),
                        "given" => query.Where(e => e.Source.FirstName == value),
                        _ => query.Where(e => e.Source.LastName == value || e.Source.FirstName == value),
                    };
                }
                else
                {
                    var sql = "(" + string.Join(" or ", columns.Select(col => $"{col} like ?")) + ")";
                    var pattern = FhirStringMatch.LikePattern(modifier, folded);
                    var args = columns.Select(_ => (object)pattern).ToArray();
                    query = query.Where(e => e.MatchesSql(sql, args));
                }
            }
        }

        foreach (var value in q["_lastUpdated"].OfType<string>())
        {
            if (FhirDateRange.Parse(value) is not var (prefix, from, to))
                return Error(OperationOutcome.IssueType.Value, "_lastUpdated est une date FHIR, précédée de eq, gt, ge, lt ou le.", 400);
            query = prefix switch
            {
                "gt" => query.Where(e => e.LastUpdated >= to),
                "ge" => query.Where(e => e.LastUpdated >= from),
                "lt" => query.Where(e => e.LastUpdated < from),
                "le" => query.Where(e => e.LastUpdated < to),
                _ => query.Where(e => e.LastUpdated >= from && e.LastUpdated < to),
            };
        }

        if (!narrowed)
            return Error(OperationOutcome.IssueType.TooCostly,
                $"Recherche trop large : indiquez identifier, _id{(isRole ? ", practitioner" : "")}, ou family, given ou name (2 caractères au moins, 3 avec :contains).", 422);

        var include = isRole
            ? q["_include"].Any(v => v is "PractitionerRole:practitioner" or "PractitionerRole:practitioner:Practitioner")
            : q["_revinclude"].Any(v => v is "PractitionerRole:practitioner" or "PractitionerRole:practitioner:Practitioner");
        if (strict && q["_include"].Concat(q["_revinclude"]).Any(v => v is not ("PractitionerRole:practitioner" or "PractitionerRole:practitioner:Practitioner")))
            return Error(OperationOutcome.IssueType.NotSupported, "Seuls _include=PractitionerRole:practitioner (PractitionerRole) et _revinclude=PractitionerRole:practitioner (Practitioner) sont pris en charge.", 400);

        if (asOf is { } day)
            return await SearchAsOf(http, session, type, toResource, include, day, visible, namedIds, stringCriteria, (int)page, (int)count, ct);

        // The page's ids with the count of all matches in one scan (count(*) over (), from the indexes when they cover the
        // criteria), then the page's entries by id: the rows of the thousands of matches are never read. Checked visible
        // again, as they are read. A page past the last has no row to carry the count: the first page's first row then.
        var ordered = query.Stats(out var statistics).OrderBy(e => e.SearchName).ThenBy(e => e.Id).Select(e => e.Id);
        var pageIds = await ordered.Skip(((int)page - 1) * (int)count).Take((int)count).ToListAsync(ct);
        if (pageIds.Count == 0 && page > 1)
            await ordered.Take(1).ToListAsync(ct);
        var total = statistics.TotalResults;
        var loaded = (await session.LoadManyAsync<DirectoryEntry>(ct, pageIds)).Where(e => visible.Contains(e.Visibility)).ToDictionary(e => e.Id);
        var results = pageIds.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        return Fhir(SearchSet(http, type, toResource, include, results, total, (int)page, (int)count));
    }

    public const int MinContainsLength = 3;

    /// <summary>The search parameter of a search as of a past day (declared in the CapabilityStatement): yyyy-MM-dd.</summary>
    public const string AsOfParameter = "as-of";

    /// <summary>
    /// The search as things stood at the end of <paramref name="asOf"/>: the candidates named by identifier or by name
    /// (whatever their visibility today), each replayed from its events to that day, then shown or not by the directory's
    /// rules and matched in memory by the same string rules (<see cref="FhirStringMatch"/>).
    /// </summary>
    private static async Task<IResult> SearchAsOf(HttpContext http, IQuerySession session, ResourceType type, Func<DirectoryEntry, Resource> toResource,
        bool include, DateOnly asOf, DirectoryVisibility[] visible, HashSet<Guid>? namedIds,
        List<(string Parameter, StringModifier Modifier, string Value)> criteria, int page, int count, CancellationToken ct)
    {
        IReadOnlyCollection<Guid> candidates;
        if (namedIds is not null)
            candidates = namedIds;
        else
        {
            var tokens = criteria.SelectMany(c => DirectoryEntry.EverywhereTokensOf(DirectoryEntry.Normalize(c.Value))).Distinct().ToArray();
            var found = await session.Query<DirectoryEntry>().Where(e => e.MatchesSql("d.name_tokens @> ?", (object)tokens))
                .Select(e => e.Id).Take(DirectoryAsOf.MaxCandidates + 1).ToListAsync(ct);
            if (found.Count > DirectoryAsOf.MaxCandidates)
                return Error(OperationOutcome.IssueType.TooCostly, $"Recherche trop large pour une date passée (plus de {DirectoryAsOf.MaxCandidates} médecins) : précisez le nom ou cherchez par identifiant.", 422);
            candidates = found;
        }
        var matches = (await RegisterAsOf.LoadStreamsAsync(session, candidates, asOf, ct))
            .Select(answer => DirectoryEntry.From(answer.Entry!))
            .Where(entry => visible.Contains(entry.Visibility) && criteria.All(c => c.Parameter switch
            {
                "family" => FhirStringMatch.Matches(c.Modifier, c.Value, entry.Source.LastName),
                "given" => FhirStringMatch.Matches(c.Modifier, c.Value, entry.Source.FirstName),
                _ => FhirStringMatch.Matches(c.Modifier, c.Value, entry.Source.LastName) || FhirStringMatch.Matches(c.Modifier, c.Value, entry.Source.FirstName),
            }))
            .OrderBy(entry => entry.SearchName, StringComparer.Ordinal).ThenBy(entry => entry.Id)
            .ToList();
        var shown = matches.Skip((page - 1) * count).Take(count).ToList();
        return Fhir(SearchSet(http, type, toResource, include, shown, matches.Count, page, count));
    }

    /// <summary>
    /// A search's page as a searchset Bundle: its matches, the included resources when asked (the role and the practitioner
    /// come from the same directory entry: what is included is as visible as what matched), and the links to the pages around it.
    /// </summary>
    private static Bundle SearchSet(HttpContext http, ResourceType type, Func<DirectoryEntry, Resource> toResource, bool include,
        IReadOnlyList<DirectoryEntry> shown, long total, int page, int count)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = (int)total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{BaseUrl(http)}/{type}{http.Request.QueryString}" }],
            Entry = [.. shown.Select(e => Entry(http, toResource(e), Bundle.SearchEntryMode.Match))],
        };
        if (include)
            bundle.Entry.AddRange(shown.Select(e => Entry(http, type == ResourceType.PractitionerRole ? FhirResources.Practitioner(e) : FhirResources.Role(e), Bundle.SearchEntryMode.Include)));
        if ((long)page * count < total)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(http, type, page + 1) });
        if (page > 1)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(http, type, page - 1) });
        return bundle;
    }

    private static Bundle.EntryComponent Entry(HttpContext http, Resource resource, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{BaseUrl(http)}/{resource.TypeName}/{resource.Id}",
        Resource = resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    /// <summary>The RPPS an identifier token names: system|value (RPPS or IDNPS system), or a value alone (RPPS or IDNPS).</summary>
    private static string? IdentifierRpps(string token)
    {
        var parts = token.Split('|');
        return parts switch
        {
            [var value] => value.Length == 12 && value[0] == '8' ? value[1..] : value,
            [FhirResources.RppsSystem, var value] => value,
            [FhirResources.IdnpsSystem, var value] => value.Length == 12 && value[0] == '8' ? value[1..] : null,
            _ => null,
        };
    }

    private static async Task<DirectoryEntry?> Visible(string rpps, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps)) return null;
        var entry = await session.LoadAsync<DirectoryEntry>(PractitionerStream.IdOf(rpps), ct);
        return entry is not null && DirectoryEntry.VisibleTo(user).Contains(entry.Visibility) ? entry : null;
    }

    private static string PageUrl(HttpContext http, ResourceType type, int page)
    {
        var query = http.Request.Query.Where(kv => kv.Key != "_page")
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
            .Append($"_page={page}");
        return $"{BaseUrl(http)}/{type}?{string.Join('&', query)}";
    }

    /// <summary>The base the caller sees: the gateway's address and prefix when it forwarded the request.</summary>
    public static string BaseUrl(HttpContext http)
    {
        var headers = http.Request.Headers;
        var scheme = headers["X-Forwarded-Proto"].FirstOrDefault() ?? http.Request.Scheme;
        var host = headers["X-Forwarded-Host"].FirstOrDefault() ?? http.Request.Host.Value;
        var prefix = headers["X-Forwarded-Prefix"].FirstOrDefault() ?? "";
        return $"{scheme}://{host}{prefix}/fhir";
    }

    private static IResult NotFound(string type, string id) =>
        Error(OperationOutcome.IssueType.NotFound, $"{type}/{id} introuvable dans l'annuaire.", 404);

    public static IResult Error(OperationOutcome.IssueType type, string message, int status) =>
        Fhir(FhirResources.Outcome(type, message), status);

    private static IResult Fhir(Resource resource, int status = 200) =>
        Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), Json), MediaType, statusCode: status);
}
