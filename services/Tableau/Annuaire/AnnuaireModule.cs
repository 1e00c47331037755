using JasperFx.Events.Projections;
using Marten;
using Ordre.ServiceDefaults.Auth;
using Ordre.Tableau.Annuaire.Searching;

namespace Ordre.Tableau.Annuaire;

/// <summary>The public directory: an async projection of the register and its search endpoint.</summary>
public static class AnnuaireModule
{
    public static StoreOptions AddAnnuaire(this StoreOptions options)
    {
        options.Projections.Add<DirectoryEntryProjection>(ProjectionLifecycle.Async);
        options.Schema.For<DirectoryEntry>().Index(e => e.Department);
        return options;
    }

    public static IEndpointRouteBuilder MapAnnuaire(this IEndpointRouteBuilder app)
    {
        app.MapGet("/annuaire", SearchDirectoryEndpoint.Handle)
            .WithTags("Annuaire")
            .RequireAuthorization(OrdrePolicies.Public)
            .WithName("SearchDirectory")
            .WithSummary("Rechercher un médecin dans l'annuaire public")
            .WithDescription("Recherche par nom (accents et casse ignorés), éventuellement dans un département. Résultats paginés, 50 au plus par page.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
