using Marten;
using Ordre.Contracts.Discipline;
using Ordre.Discipline.CaseLaw.Publishing;
using Ordre.Discipline.CaseLaw.Reading;
using Ordre.Discipline.CaseLaw.Searching;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Discipline.CaseLaw;

public static class CaseLawModule
{
    /// <summary>PostgreSQL's French text search configuration (Snowball stemmer, French stop words).</summary>
    public const string TextSearchConfig = "french";

    public static StoreOptions AddCaseLaw(this StoreOptions options)
    {
        options.AddAggregateStream<CaseLawSheet>();
        options.Schema.For<CaseLawSheet>()
            .FullTextIndex(index => index.RegConfig = TextSearchConfig, s => s.Title, s => s.Summary, s => s.Themes)
            .Index(s => s.DecidedOn).Index(s => s.CaseId).UniqueIndex(s => s.Reference!);
        return options;
    }

    public static void PublishSheets(IntegrationEventMap map) => map
        .Map<CaseLawSheetPublished>((e, committed) => new JurisprudenceFichePublished(
            e.SheetId, e.Number, e.Title, e.Summary, e.Themes, e.Sanction.ToString(), e.DecidedOn, committed.Timestamp));

    public static IEndpointRouteBuilder MapCaseLaw(this IEndpointRouteBuilder app)
    {
        var caseLaw = app.MapGroup("/case-law").WithTags("Jurisprudence").RequireAuthorization(OrdrePolicies.Public);
        caseLaw.MapGet("/", SearchCaseLawEndpoint.Handle).WithName("SearchCaseLaw")
            .WithSummary("Rechercher dans la base de jurisprudence (public) : texte libre, sanction, période, par page")
            .WithDescription("Fiches pseudonymisées des décisions de la chambre disciplinaire nationale. Recherche plein texte en français " +
                "(« soins non consentis », « certificat -complaisance », \"phrase exacte\").")
            .ProducesValidationProblem();
        caseLaw.MapGet("/{reference}", GetCaseLawSheetEndpoint.Handle).WithName("GetCaseLawSheet").WithSummary("Lire une fiche de jurisprudence par sa référence publique (JP-…)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/cases/{id:guid}/case-law-sheets", PublishCaseLawSheetEndpoint.Handle).RequireAuthorization(OrdrePolicies.DisciplinaryChamber)
            .WithTags("Jurisprudence").WithName("PublishCaseLawSheet")
            .WithSummary("Publier une fiche de jurisprudence d'une décision de la chambre nationale (pseudonymisée à l'enregistrement)")
            .WithDescription("Chambre disciplinaire nationale. Noms des parties et des tiers, initiales, adresses, codes postaux et communes, numéros RPPS, " +
                "téléphones, courriels et identifiants internes sont retirés du texte ; si le contrôle qui suit en trouve encore, la fiche est refusée (409) et rien n'est publié.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
