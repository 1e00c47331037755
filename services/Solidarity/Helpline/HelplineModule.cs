using Marten;
using Ordre.Contracts.Solidarity;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Solidarity.Helpline.Counting;
using Ordre.Solidarity.Helpline.Reporting;

namespace Ordre.Solidarity.Helpline;

public static class HelplineModule
{
    public static StoreOptions AddHelpline(this StoreOptions options)
    {
        options.AddAggregateStream<HelplineDay>();
        options.Schema.For<HelplineDay>().Index(d => d.Day);
        return options;
    }

    /// <summary>Counts only: the day, the three categories and the number of calls.</summary>
    public static IntegrationEventMap PublishHelplineEvents(this IntegrationEventMap map) => map
        .Map<HelplineCallsCounted>((e, committed) => new HelplineCallsRecorded(e.Day, e.Profession, e.Mode, e.Route, e.Calls, committed.Timestamp));

    public static IEndpointRouteBuilder MapHelpline(this IEndpointRouteBuilder app)
    {
        var helpline = app.MapGroup("/helpline").WithTags("Plateforme d'écoute de l'entraide")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        helpline.MapPost("/calls", CountCallsEndpoint.Handle).RequireAuthorization(SolidarityPolicies.HelplineRecorders).WithName("CountHelplineCalls")
            .WithSummary("Compter des appels de la plateforme d'écoute : profession de l'appelant, mode d'exercice, orientation ; aucun identifiant, aucun texte libre")
            .WithDescription("Membres de la commission nationale d'entraide, Conseil national. Un identifiant d'entrée choisi par l'appelant évite de compter deux fois une nouvelle tentative.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        helpline.MapGet("/report", HelplineReportEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("HelplineReport")
            .WithSummary("Relevé des appels de la plateforme d'écoute sur une période : total, par profession, mode d'exercice, orientation, et par jour")
            .WithDescription("Conseil national. Des décomptes seulement.");
        return app;
    }
}
