using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ordre.ServiceDefaults.Auth;

/// <summary>
/// Why <paramref name="user"/> may not touch the record the request's route names (a French reason), or null when it
/// may, or when the record does not exist (the endpoint then answers 404).
/// </summary>
public delegate Task<string?> OutsideJurisdictionCheck(HttpContext http, ClaimsPrincipal user);

/// <summary>
/// The jurisdiction over the record named in the route, checked during authorization, so before the body is even read
/// or validated (a council of another department gets 403, never 400 with field errors, nor a hint of the record's
/// state). Each service registers, per kind of record, how to find its department (<see cref="AddRecordJurisdiction"/>);
/// an endpoint names the kind (<see cref="RequireJurisdiction{TBuilder}"/>). The handlers check the same rule again.
/// </summary>
public static class RecordJurisdiction
{
    /// <summary>Endpoint metadata: which kind of record the route names.</summary>
    public sealed record Of(string Kind);

    private sealed class Requirement : IAuthorizationRequirement;

    private sealed record Checks(Dictionary<string, OutsideJurisdictionCheck> ByKind);

    private static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder().AddRequirements(new Requirement()).Build();

    public static IServiceCollection AddRecordJurisdiction(this IServiceCollection services, string kind, OutsideJurisdictionCheck check)
    {
        if (services.Select(d => d.ImplementationInstance).OfType<Checks>().FirstOrDefault() is not { } checks)
        {
            checks = new Checks([]);
            services.AddSingleton(checks);
            services.AddScoped<IAuthorizationHandler, Handler>();
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, OutsideJurisdictionAnswer>();
        }
        checks.ByKind[kind] = check;
        return services;
    }

    /// <summary>
    /// A top-level string property of the JSON body (e.g. the department of a new dossier), read without consuming the
    /// body; null when the body is not a JSON object or has no such string.
    /// </summary>
    public static async Task<string?> BodyStringAsync(HttpContext http, string property)
    {
        if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            return null;
        http.Request.EnableBuffering();
        try
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && body.RootElement.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // malformed: the endpoint's binding answers 400, which names no record
        }
        finally
        {
            http.Request.Body.Position = 0;
        }
    }

    /// <summary>The caller must have jurisdiction over the record this route names (in addition to the route's policy).</summary>
    public static TBuilder RequireJurisdiction<TBuilder>(this TBuilder endpoint, string kind) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new Of(kind)).RequireAuthorization(Policy);

    private sealed class Refusal(string reason, IAuthorizationHandler handler) : AuthorizationFailureReason(handler, reason);

    private sealed class Handler(Checks checks) : AuthorizationHandler<Requirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            if (context.Resource is not HttpContext http || http.GetEndpoint()?.Metadata.GetMetadata<Of>() is not { } of
                || !checks.ByKind.TryGetValue(of.Kind, out var check))
            {
                context.Fail(new AuthorizationFailureReason(this, "Aucune règle de ressort pour cet acte."));
                return;
            }
            if (await check(http, context.User) is { } reason)
                context.Fail(new Refusal(reason, this));
            else
                context.Succeed(requirement);
        }
    }

    /// <summary>A refusal for jurisdiction answers the same problem as the handlers do (code "hors-ressort").</summary>
    private sealed class OutsideJurisdictionAnswer : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
        {
            if (result.Forbidden && result.AuthorizationFailure?.FailureReasons.OfType<Refusal>().FirstOrDefault() is { } refusal)
            {
                await Problems.Problems.OutsideJurisdiction(refusal.Message).ExecuteAsync(context);
                return;
            }
            await _default.HandleAsync(next, context, policy, result);
        }
    }
}
