using Marten;
using MassTransit;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.Messaging;

namespace Ordre.Dashboard.Registrations;

public static class RegistrationsModule
{
    public static void AddRegistrationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CountGrantedInscriptions>();
        bus.AddConsumer<CountRefusedInscriptions>();
        bus.AddConsumer<CountImplicitRejections>();
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
