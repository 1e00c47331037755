using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

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

    /// <summary>Writes the table (route, methods, policy) and fails on an endpoint that names none.</summary>
    public static void AssertEveryEndpointNamesItsPolicy(IServiceProvider services, Action<string> write)
    {
        var rows = Of(services);
        foreach (var row in rows)
            write($"{row.Methods,-8} {row.Route,-60} {row.Policy ?? "— AUCUNE —"}");
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Policy is null);
    }
}
