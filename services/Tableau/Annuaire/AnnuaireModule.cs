using JasperFx.Events.Projections;
using Marten;
using Ordre.Tableau.Annuaire.Fhir;
using Ordre.Tableau.Annuaire.Searching;
using Weasel.Postgresql.Tables;

namespace Ordre.Tableau.Annuaire;

/// <summary>The public directory: an async projection of the register and its search endpoint.</summary>
public static class AnnuaireModule
{
    /// <summary>The GIN pending list's limit (kB): about 8 pages read by every search at most.</summary>
    public const string PendingListLimitKilobytes = "64";

    public static StoreOptions AddAnnuaire(this StoreOptions options)
    {
        options.Projections.Add<DirectoryEntryProjection>(ProjectionLifecycle.Async);
        // Name search looks words up in an inverted index of scoped word prefixes (DirectoryEntry.Tokens):
        // a GIN index on a text[] column answers it without scanning the 305,000 entries. Its pending list (GIN's
        // buffer of fresh entries, which every search reads whole) is kept small: at PostgreSQL's default of 4 MB
        // the import left 259 pages in it and a search took 5.6 ms instead of 0.55 ms (docs/benchmarks.md).
        options.Schema.For<DirectoryEntry>()
            .Duplicate(e => e.SearchTokens, pgType: "text[]", configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.StorageParameters["gin_pending_list_limit"] = PendingListLimitKilobytes;
            })
            .Duplicate(e => e.NameTokens, pgType: "text[]", configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.StorageParameters["gin_pending_list_limit"] = PendingListLimitKilobytes;
            })
            .Duplicate(e => e.Visibility)
            .Duplicate(e => e.SearchName)
            // FHIR string search (a name part STARTS WITH the value): LIKE 'value%' on a btree with text_pattern_ops,
            // which uses the index whatever the database's collation. The index also carries what the search filters
            // and sorts on, so the count and the page's ids are read from it alone (an index-only scan: family=martin,
            // 2,373 matches, 0.7 ms each instead of 5 and 8 ms reading the rows; docs/benchmarks.md).
            .Duplicate(e => e.SearchFamily, configure: index => (index.Mask, index.IncludeColumns) = ("? text_pattern_ops", NameSearchCovers))
            .Duplicate(e => e.SearchGiven, configure: index => (index.Mask, index.IncludeColumns) = ("? text_pattern_ops", NameSearchCovers))
            .Duplicate(e => e.LastUpdated);
        return options;
    }

    private static readonly string[] NameSearchCovers = ["visibility", "search_name", "id"];

    public static IEndpointRouteBuilder MapAnnuaire(this IEndpointRouteBuilder app)
    {
        // The anonymous answers are cached at the edge, by the gateway (gateway/DirectoryCache.cs), not here.
        app.MapGet("/annuaire", SearchDirectoryEndpoint.Handle)
            .WithTags("Annuaire")
            .RequireAuthorization(OrdrePolicies.Public)
            .WithName("SearchDirectory")
            .WithSummary("Rechercher un médecin dans l'annuaire public")
            .WithDescription("Par nom avec un département, une commune ou une qualification (sinon 422 : recherche trop large), ou par numéro RPPS exact. Accents et casse ignorés ; 50 résultats au plus par page. Les médecins retraités, sans adresse, ne sont visibles que des médecins connectés.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var fhir = app.MapGroup("/fhir").WithTags("Annuaire FHIR").RequireAuthorization(OrdrePolicies.Public);
        fhir.MapGet("/metadata", FhirEndpoints.Metadata).WithName("FhirCapabilities").FhirResponses()
            .WithSummary("CapabilityStatement FHIR R4 de l'annuaire");
        fhir.MapGet("/Practitioner", FhirEndpoints.SearchPractitioners).WithName("FhirSearchPractitioner").FhirResponses()
            .WithSummary("Rechercher des Practitioner (règles R4 : identifier, family, given, name, :contains, :exact, _id, _lastUpdated, _revinclude, _count)");
        fhir.MapGet("/Practitioner/{id}", FhirEndpoints.ReadPractitioner).WithName("FhirReadPractitioner").FhirResponses()
            .WithSummary("Lire un Practitioner (id = RPPS)");
        fhir.MapGet("/PractitionerRole", FhirEndpoints.SearchRoles).WithName("FhirSearchPractitionerRole").FhirResponses()
            .WithSummary("Rechercher des PractitionerRole (mêmes paramètres, practitioner, _include)");
        fhir.MapGet("/PractitionerRole/{id}", FhirEndpoints.ReadRole).WithName("FhirReadPractitionerRole").FhirResponses()
            .WithSummary("Lire un PractitionerRole (id = role-RPPS)");
        return app;
    }

    /// <summary>FHIR answers are application/fhir+json: a resource, a Bundle or an OperationOutcome.</summary>
    private static RouteHandlerBuilder FhirResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, contentType: FhirEndpoints.MediaType)
        .Produces(StatusCodes.Status400BadRequest, contentType: FhirEndpoints.MediaType)
        .Produces(StatusCodes.Status404NotFound, contentType: FhirEndpoints.MediaType)
        .Produces(StatusCodes.Status422UnprocessableEntity, contentType: FhirEndpoints.MediaType);
}
