using System.Security.Claims;
using Google.Protobuf;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Ordre.ServiceDefaults.Audit;
using Ordre.ServiceDefaults.Requests;
using Ordre.Tableau.Register.AsOf;

namespace Ordre.Tableau.Lookup;

/// <summary>The practitioner lookup: gRPC for services, the same answer over HTTP for councils.</summary>
public static class LookupModule
{
    /// <param name="Rpps">The numbers, 1 to 20,000.</param>
    /// <param name="AsOf">Optional ISO date: the standing at the end of that day (Europe/Paris), from the events; each answer then gives asOf and knownOn.</param>
    public sealed record LookupRequest(
        [property: MaxItems(PractitionerStatuses.MaxBatch, TextLimits.Code)] IReadOnlyList<string>? Rpps,
        [property: MaxText(TextLimits.Code)] string? AsOf = null);

    // Default values too ("known": false), so an unknown number reads as such.
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static IServiceCollection AddLookup(this IServiceCollection services)
    {
        services.AddGrpc(options => options.MaxReceiveMessageSize = 4 * 1024 * 1024);
        return services;
    }

    public static IEndpointRouteBuilder MapLookup(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<PractitionerLookupService>().RequireAuthorization(OrdrePolicies.Service).Audited("lookup");

        app.MapPost("/lookup", LookUp)
            .WithTags("Tableau")
            .RequireAuthorization(OrdrePolicies.Councils)
            .Audited("lookup")
            .WithName("LookUpPractitioners")
            .WithSummary("Situation d'un ou plusieurs médecins au Tableau, par numéro RPPS")
            .WithDescription("Même réponse que le service gRPC PractitionerLookup : inscrit, département, droit d'exercer, restrictions, spécialités. Jusqu'à 20 000 numéros par appel. Avec asOf (AAAA-MM-JJ) : la situation à la fin de ce jour, calculée depuis les décisions et leurs dates d'effet, avec knownOn, le jour où le Tableau a appris ce qui la décide. Le motif d'une suspension n'apparaît que pour le conseil départemental du médecin, le conseil régional de sa région et les instances nationales ; les autres lisent « suspension » et ses dates.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> LookUp(
        LookupRequest request, ClaimsPrincipal user, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (request.Rpps is not { Count: > 0 and <= PractitionerStatuses.MaxBatch } numbers || numbers.Any(n => n is null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["rpps"] = [$"Indiquez de 1 à {PractitionerStatuses.MaxBatch} numéros RPPS (aucun null)."] });
        var (asOf, asOfError) = RegisterAsOf.ParseDay(request.AsOf, ParisCalendar.Today(clock));
        if (asOfError is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [asOfError] });
        AuditSetup.Name(http, numbers);
        var statuses = await PractitionerStatuses.LookUpAsync(session, numbers, user, ct, asOf);
        // The protobuf JSON form, so HTTP and gRPC callers read the same field names.
        var json = "[" + string.Join(",", statuses.Select(s => Json.Format(s))) + "]";
        return TypedResults.Content(json, "application/json");
    }
}
