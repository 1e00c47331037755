using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Marten;
using Marten.Pagination;
using Ordre.Tableau.Annuaire.Searching;
using Ordre.Tableau.Register;

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

    public static Task<IResult> SearchPractitioners(HttpContext http, IQuerySession session, CancellationToken ct) =>
        Search(http, session, ResourceType.Practitioner, FhirResources.Practitioner, ct);

    public static Task<IResult> SearchRoles(HttpContext http, IQuerySession session, CancellationToken ct) =>
        Search(http, session, ResourceType.PractitionerRole, FhirResources.Role, ct);

    private static async Task<IResult> Search(HttpContext http, IQuerySession session, ResourceType type,
        Func<DirectoryEntry, Resource> toResource, CancellationToken ct)
    {
        var q = http.Request.Query;
        var known = new HashSet<string> { "identifier", "family", "given", "name", "_count", "_page", "_format" };
        if (q.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            return Error(OperationOutcome.IssueType.NotSupported, $"Paramètre de recherche non pris en charge : {unknown}.", 400);
        // Parsed as a number of any size, so that a huge value is refused as out of bounds rather than as not a number.
        var count = q["_count"].Count == 0 ? 20 : long.TryParse(q["_count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var page = q["_page"].Count == 0 ? 1 : long.TryParse(q["_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (count is < 1 or > MaxCount || page is < 1 or > MaxPage)
            return Error(OperationOutcome.IssueType.Value, $"_count est un entier de 1 à {MaxCount}, _page un entier de 1 à {MaxPage}.", 400);
        if (new[] { "identifier", "family", "given", "name" }.Select(k => q[k].ToString()).FirstOrDefault(v => v.Length > MaxTextLength || v.Any(char.IsControl)) is not null)
            return Error(OperationOutcome.IssueType.Value, $"Les paramètres de recherche ont {MaxTextLength} caractères au plus, sans caractère de contrôle.", 400);

        var visible = DirectoryEntry.VisibleTo(http.User);
        var query = session.Query<DirectoryEntry>().Where(e => e.Visibility.In(visible));
        var identifier = q["identifier"].ToString();
        var family = DirectoryEntry.Normalize(q["family"].ToString());
        var given = DirectoryEntry.Normalize(q["given"].ToString());
        var name = DirectoryEntry.Normalize(q["name"].ToString());

        if (identifier.Length > 0)
        {
            var parts = identifier.Split('|');
            var value = parts[^1];
            if (parts.Length == 2 && parts[0] is not ("" or FhirResources.RppsSystem))
                return Error(OperationOutcome.IssueType.NotSupported, $"Système d'identifiant non pris en charge : {parts[0]}.", 400);
            if (!Rpps.IsValid(value))
                return Error(OperationOutcome.IssueType.Value, "L'identifiant doit être un numéro RPPS valide (11 chiffres).", 400);
            var id = PractitionerStream.IdOf(value);
            query = query.Where(e => e.Id == id);
        }
        else if (Math.Max(family.Length, Math.Max(given.Length, name.Length)) < SearchDirectoryEndpoint.MinNameLength)
            return Error(OperationOutcome.IssueType.TooCostly,
                "Recherche trop large : indiquez identifier, ou family, given ou name (2 caractères au moins).", 422);

        // family, given and name: every word must begin a word of the name (accents and case ignored).
        query = query.WithNameWords($"{family} {given} {name}", [DirectoryEntry.Everywhere]);

        var results = await query.OrderBy(e => e.SearchName).ThenBy(e => e.Id).ToPagedListAsync((int)page, (int)count, ct);
        var self = $"{BaseUrl(http)}/{type}{http.Request.QueryString}";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = (int)results.TotalItemCount,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = self }],
            Entry = [.. results.Select(e => toResource(e)).Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{BaseUrl(http)}/{type}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            })],
        };
        if (results.HasNextPage)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(http, type, (int)page + 1) });
        if (results.HasPreviousPage)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(http, type, (int)page - 1) });
        return Fhir(bundle);
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
