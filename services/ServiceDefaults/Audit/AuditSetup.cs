using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Ordre.ServiceDefaults.Auth;
using Ordre.ServiceDefaults.EventStore;
using Ordre.ServiceDefaults.Queries;

namespace Ordre.ServiceDefaults.Audit;

/// <summary>Marks an endpoint that reads a personal record: every call to it is written to the audit trail.</summary>
/// <param name="RecordKind">e.g. register-entry, register-history, inscription, complaint, case, lookup.</param>
public sealed record AuditedRead(string RecordKind);

public static class AuditSetup
{
    private const string RecordsKey = "ordre.audit.records";

    /// <summary>The audit trail in the service's schema, created (append-only) when the service starts.</summary>
    public static IHostApplicationBuilder AddAuditTrail(this IHostApplicationBuilder builder, string schema)
    {
        // Its own small pool (docs/connections.md): one short insert per audited request.
        var connectionString = new NpgsqlConnectionStringBuilder(EventStoreSetup.PooledConnectionString(builder.Configuration, "Marten"))
            { MaxPoolSize = builder.Configuration.GetValue("Audit:MaxPoolSize", 3) }.ConnectionString;
        builder.Services.AddSingleton(sp => new AuditTrail(
            new NpgsqlDataSourceBuilder(connectionString).Build(), schema, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<AuditTrailCreation>();
        return builder;
    }

    /// <summary>Every call of this endpoint is recorded, with the record named by the route ("rpps" or "id") or by <see cref="Name"/>.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder endpoint, string recordKind) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new AuditedRead(recordKind));

    /// <summary>Names the records a request reads when the route does not (e.g. the RPPS numbers of a batch lookup).</summary>
    public static void Name(HttpContext http, IEnumerable<string> records) => http.Items[RecordsKey] = records.ToArray();

    /// <summary>
    /// Between authentication and authorization: sees the final status of every request, including a refusal by
    /// the route's policy. Records each call of an audited endpoint, and every refused (403) call of any endpoint.
    /// </summary>
    public static WebApplication UseAuditTrail(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var endpoint = http.GetEndpoint();
            var audited = endpoint?.Metadata.GetMetadata<AuditedRead>();
            // An audited answer is held back until its line is written: if the line cannot be written, the record
            // is not served (the exception becomes a 503). gRPC answers stream their trailers and are not held.
            var holdBack = audited is not null && http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true;
            var original = http.Response.Body;
            using var held = holdBack ? new MemoryStream() : null;
            if (held is not null)
                http.Response.Body = held;
            try
            {
                await next(http);
            }
            finally
            {
                http.Response.Body = original;
            }

            var status = http.Response.StatusCode;
            var refused = status == StatusCodes.Status403Forbidden || (audited is not null && status == StatusCodes.Status401Unauthorized);
            if (endpoint is not null && (audited is not null || refused))
            {
                var records = http.Items[RecordsKey] as string[]
                    ?? new[] { "rpps", "id" }.Select(k => http.GetRouteValue(k)?.ToString()).OfType<string>().Take(1).ToArray();
                var action = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "?";
                try
                {
                    await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(http.User, action, http.Request.Method,
                        http.Request.Path, audited?.RecordKind ?? "route", records, status, http.RequestAborted);
                }
                catch when (held is not null)
                {
                    http.Response.Clear();
                    throw;
                }
            }
            if (held is not null)
            {
                held.Position = 0;
                await held.CopyToAsync(original, http.RequestAborted);
            }
        });
        return app;
    }

    /// <summary>GET /audit: the national council reads the trail, newest first, by record, caller or outcome.</summary>
    public static IEndpointRouteBuilder MapAuditTrail(this IEndpointRouteBuilder app, string tag)
    {
        app.MapGet("/audit", ReadAsync).WithTags(tag).RequireAuthorization(OrdrePolicies.NationalCouncil)
            .WithName("ReadAuditTrail")
            .WithSummary("Piste d'audit : chaque lecture d'un dossier personnel et chaque accès refusé (Conseil national)")
            .WithDescription("Filtres : record (RPPS ou identifiant du dossier), actor (sujet du jeton), outcome (autorisé, refusé, introuvable). Le plus récent d'abord, par page.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<Paged<AuditEntry>>, ValidationProblem>> ReadAsync(
        AuditTrail trail, CancellationToken ct, string? record = null, string? actor = null, string? outcome = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Invalid(page, pageSize, 200) is { } invalid)
            errors["page"] = invalid;
        if (outcome is not null and not (AuditTrail.Allowed or AuditTrail.Refused or AuditTrail.NotFound))
            errors["outcome"] = [$"{AuditTrail.Allowed}, {AuditTrail.Refused} ou {AuditTrail.NotFound}."];
        foreach (var (name, value) in new[] { ("record", record), ("actor", actor) })
            if (value is { Length: > 200 } || value?.Any(char.IsControl) == true)
                errors[name] = ["200 caractères au plus, sans caractère de contrôle."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Filtre de la piste d'audit invalide");
        var (items, total) = await trail.ReadAsync(record, actor, outcome, page, pageSize, ct);
        return TypedResults.Ok(new Paged<AuditEntry>(items, page, pageSize, total));
    }

    private sealed class AuditTrailCreation(AuditTrail trail) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => trail.CreateAsync(ct);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
