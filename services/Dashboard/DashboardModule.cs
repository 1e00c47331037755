using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Ordre.Contracts.Dashboard;
using Ordre.Dashboard.Figures;
using Ordre.Dashboard.Health;
using Ordre.Dashboard.Inbox;
using Ordre.Dashboard.Live;
using Ordre.Dashboard.Registrations;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.Dashboard;

public static class DashboardModule
{
    /// <summary>The one consumer: it appends, and appends never conflict, so the default concurrency is safe.</summary>
    public static void AddDashboardConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<RecordIntegrationEvents>();

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<EventInbox>();
        services.AddSingleton<FiguresVersion>();
        services.AddHostedService(s => s.GetRequiredService<FiguresVersion>());
        services.AddHttpClient();
        services.AddSingleton<HealthReader>();
        return services;
    }

    public static StoreOptions AddDashboardStore(this StoreOptions options)
    {
        options.Events.AddEventTypes(DashboardEvents.Types);
        // A few documents (one per year) take every event: keep them in memory between pages (the cache) and read the
        // events in large pages, so that a rebuild of 1,000,000 events reads and writes little (docs/benchmarks.md).
        options.Projections.Add<YearTallyProjection>(ProjectionLifecycle.Async, async =>
        {
            async.BatchSize = 10_000;
            async.CacheLimitPerTenant = 1_000;
            async.RebuildFlushThreshold = 1_000;
        });
        return options;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Tableau de bord").RequireAuthorization(DashboardPolicies.NationalDashboard)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/figures", GetFiguresEndpoint.Handle)
            .WithName("GetDashboardFigures")
            .WithSummary("L'année en bref : les chiffres d'une année civile")
            .WithDescription("Chaque chiffre de l'année civile (Europe/Paris ; par défaut l'année en cours) calculé à partir des événements publiés par " +
                "le Tableau, la Discipline, les Conventions et la Solidarité, à côté de sa valeur de référence 2020 (rapport d'activité du CNOM), " +
                "avec les séries mensuelles, les répartitions et les chiffres par département et région. Les chiffres qu'aucun événement ne " +
                "produit sont marqués « saisie-manuelle ».")
            .ProducesValidationProblem();
        api.MapGet("/stream", StreamFiguresEndpoint.Handle)
            .WithName("StreamDashboardFigures")
            .WithSummary("Flux en direct des changements de chiffres (server-sent events)")
            .WithDescription("Un événement « figures » {\"year\":…,\"version\":…} chaque fois qu'un chiffre change (au plus un toutes les 200 ms), " +
                "et un commentaire « : keep-alive » toutes les 15 s. La page relit /api/figures à chaque événement.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        api.MapGet("/health", (HealthReader health, CancellationToken ct) => health.ReadAsync(ct))
            .WithName("GetDashboardHealth")
            .WithSummary("Santé de la chaîne des chiffres : files d'attente, leaders et progression des projections")
            .WithDescription("Les files RabbitMQ avec leurs messages et consommateurs (une file d'erreur non vide signale un message en échec), " +
                "et pour chaque service le détenteur du verrou du démon Marten et la progression de chaque projection face au dernier " +
                "événement enregistré. Ce qui n'a pas pu être lu est nommé dans « problems ».")
            .Produces<HealthView>();

        app.MapGet("/registrations", GetRegistrationsEndpoint.Handle)
            .WithTags("Inscriptions")
            .RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("GetRegistrationFigures")
            .WithSummary("Inscriptions accordées, refusées et rejetées implicitement, par département")
            .WithDescription("Toutes années confondues, lues dans la projection des chiffres du tableau de bord.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
