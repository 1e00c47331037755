using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ordre.Testing;

/// <summary>Every endpoint a service maps, with the authorization policy it names (or "anonymous", or none).</summary>
public static class EndpointPolicies
{
    public sealed record Row(string Route, string Methods, string? Policy);

    public static IReadOnlyList<Row> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new Row(
                e.RoutePattern.RawText ?? "?",
                string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? "anonymous"
                    : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null)))
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Methods)];
}
