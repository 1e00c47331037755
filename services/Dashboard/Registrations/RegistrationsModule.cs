using Marten;
using MassTransit;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Dashboard.Registrations;

public static class RegistrationsModule
{
    public static void AddRegistrationConsumers(this IBusRegistrationConfigurator bus)
    {
        // Each message increments its department's one counter document (optimistic concurrency): with the default
        // 8 at a time, a burst for one department (the demo's 2,400 registrations in the 75 and the 13) exhausted the
        // retries and sent counts to the _error queue. One at a time per instance; the lasting fix is DESIGN.md's
        // (store the events, count them in a projection).
        bus.AddConsumer<CountGrantedInscriptions>().Endpoint(e => e.ConcurrentMessageLimit = 1);
        bus.AddConsumer<CountRefusedInscriptions>().Endpoint(e => e.ConcurrentMessageLimit = 1);
        bus.AddConsumer<CountImplicitRejections>().Endpoint(e => e.ConcurrentMessageLimit = 1);
    }

    public static StoreOptions AddRegistrations(this StoreOptions options)
    {
        options.RegisterIdempotentConsumers();
        options.Schema.For<DepartmentRegistrations>();
        return options;
    }

    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registrations", GetRegistrationsEndpoint.Handle)
            .WithTags("Inscriptions")
            .RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("GetRegistrationFigures")
            .WithSummary("Inscriptions accordées, refusées et rejetées implicitement, par département")
            .WithDescription("Chiffres nationaux tenus à jour à partir des événements publiés par le Tableau.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
