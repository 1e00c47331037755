using Marten;
using Ordre.ServiceDefaults.Audit;
using Ordre.Tableau.SpecialLists.JuniorDoctors;
using Ordre.Tableau.SpecialLists.PractisingAbroad;
using Ordre.Tableau.SpecialLists.Reading;

namespace Ordre.Tableau.SpecialLists;

/// <summary>Routes and snapshot of the special lists kept beside the Tableau.</summary>
public static class SpecialListsModule
{
    public static StoreOptions AddSpecialLists(this StoreOptions options)
    {
        options.AddAggregateStream<SpecialListEntry>();
        return options;
    }

    public static IEndpointRouteBuilder MapSpecialLists(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/special-lists").WithTags("Listes spéciales")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        lists.MapPost("/junior-doctors", RegisterJuniorDoctorEndpoint.Handle).RequireAuthorization(OrdrePolicies.DepartmentalCouncil)
            .RequireJurisdiction(Inscriptions.InscriptionsModule.NewDossierRecord)
            .WithName("RegisterJuniorDoctor").WithSummary("Inscrire un docteur junior (conseil départemental)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapPost("/abroad", RegisterPractisingAbroadEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("RegisterPractisingAbroad").WithSummary("Inscrire un médecin sur la liste spéciale des médecins exerçant à l'étranger (Conseil national)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        lists.MapGet("/{list}/{rpps}", GetSpecialListEntryEndpoint.Handle).RequireAuthorization(OrdrePolicies.Councils)
            .WithName("GetSpecialListEntry").Audited("special-list-entry").WithSummary("Lire une inscription sur une liste spéciale (JuniorDoctors, PractisingAbroad)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
