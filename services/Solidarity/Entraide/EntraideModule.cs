using Marten;
using Ordre.Contracts.Solidarity;
using Ordre.Contracts.Tableau.Lookup;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Messaging;
using Ordre.Solidarity.Entraide.Assigning;
using Ordre.Solidarity.Entraide.Deciding;
using Ordre.Solidarity.Entraide.GivingOpinion;
using Ordre.Solidarity.Entraide.Paying;
using Ordre.Solidarity.Entraide.Reading;
using Ordre.Solidarity.Entraide.Requesting;

namespace Ordre.Solidarity.Entraide;

public static class EntraideModule
{
    public static StoreOptions AddEntraide(this StoreOptions options)
    {
        options.AddAggregateStream<AidRequest>();
        options.Schema.For<AidRequest>().Index(r => r.Department).Index(r => r.ReceivedOn);
        return options;
    }

    /// <summary>The Tableau's gRPC lookup (a doctor applicant's RPPS), called with this service's client-credentials token.</summary>
    public static IServiceCollection AddEntraide(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceTokens();
        services.AddGrpcClient<PractitionerLookup.PractitionerLookupClient>(o =>
                o.Address = new Uri(configuration["Tableau:Grpc"] ?? throw new InvalidOperationException("Configuration 'Tableau:Grpc' is required.")))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        return services;
    }

    /// <summary>Channels, kinds and amounts only: never the details, the RPPS, the name or the department.</summary>
    public static IntegrationEventMap PublishEntraideEvents(this IntegrationEventMap map) => map
        .Map<AidRequestReceived>((e, committed) => new AidRequested(e.AidRequestId, e.Channel.ToString().ToLowerInvariant(),
            e.Applicant.ToString().ToLowerInvariant(), e.AmountAsked, committed.Timestamp))
        .Map<AidGranted>((e, committed) => new AidRuled(e.AidRequestId, e.Kind.ToString().ToLowerInvariant(), e.Amount, committed.Timestamp))
        .Map<AidRefused>((e, committed) => new AidRuled(e.AidRequestId, "refused", 0m, committed.Timestamp))
        .Map<AidPaid>((e, committed) => new AidPaidOut(e.AidRequestId, e.Amount, e.Loan is not null, committed.Timestamp));

    public static IEndpointRouteBuilder MapEntraide(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/aid-requests").WithTags("Entraide")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        requests.MapPost("/", RequestAidEndpoint.Handle).RequireAuthorization(SolidarityPolicies.AidRequestFilers).WithName("RequestAid")
            .WithSummary("Déposer une demande d'aide de l'entraide (médecin ou famille ; plateforme d'écoute, conseil départemental ou directe)")
            .WithDescription("Un conseil départemental pour un médecin de son département ; un membre de la commission nationale d'entraide (qui en devient chargé). " +
                "Le RPPS d'un médecin est vérifié au Tableau. La réponse ne contient pas la situation (besoin d'en connaître).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        requests.MapGet("/", ReadAidRequestsEndpoints.List).RequireAuthorization(SolidarityPolicies.AidRequestReaders).WithName("ListAidRequests")
            .WithSummary("Lister les demandes d'aide, par page, sans leurs détails")
            .WithDescription("Le Conseil national toutes ; un conseil départemental celles de son département ; un membre de la commission celles dont il est chargé.");
        requests.MapGet("/{id:guid}", ReadAidRequestsEndpoints.Get).RequireAuthorization(SolidarityPolicies.AidRequestReaders).WithName("GetAidRequest")
            .Audited("aid-request")
            .WithSummary("Lire une demande d'aide : ses détails de santé et de situation seulement pour les membres chargés du dossier et le conseil du médecin")
            .WithDescription("Le Conseil national lit la demande sans ses détails ; tout autre appelant reçoit 404. Chaque lecture est inscrite à la piste d'audit.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var handling = requests.MapGroup("/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        handling.MapPut("/members", AssignMembersEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("AssignAidMembers")
            .WithSummary("Désigner les membres de la commission nationale chargés du dossier").WithDescription("Conseil national.");
        handling.MapPost("/opinion", GiveOpinionEndpoint.Handle).RequireAuthorization(OrdrePolicies.DepartmentalCouncil).WithName("GiveAidOpinion")
            .WithSummary("Avis de la commission départementale d'entraide (une fois)")
            .WithDescription("Le conseil départemental du médecin seulement (tout autre : 404).");
        handling.MapPost("/decision", DecideAidEndpoint.Handle).RequireAuthorization(SolidarityPolicies.EntraideCommission).WithName("DecideAid")
            .WithSummary("Décision de la commission nationale : aide, prêt d'honneur (montant dans les plafonds de GET /rules) ou refus")
            .WithDescription("Un membre chargé du dossier (tout autre : 404), après l'avis départemental ou à l'expiration de son délai ; une fois.");
        handling.MapPost("/payment", PayAidEndpoint.Handle).RequireAuthorization(OrdrePolicies.NationalCouncil).WithName("PayAid")
            .WithSummary("Verser l'aide accordée depuis le fonds d'entraide, par le grand livre (un prêt ouvre sa créance)")
            .WithDescription("Conseil national, après une décision favorable, une fois. Un fonds ne peut jamais être négatif (409, fonds nommé).");
        return app;
    }
}
