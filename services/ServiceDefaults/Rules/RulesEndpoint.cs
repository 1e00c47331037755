using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ordre.Contracts.Rules;
using Ordre.ServiceDefaults.Auth;

namespace Ordre.ServiceDefaults.Rules;

public static class RulesEndpoint
{
    /// <summary>GET /rules: the service's rules table, read-only, for the councils and chambers (the rows are the law; no personal data).</summary>
    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder app, RuleBook book, string tag)
    {
        app.MapGet("/rules", () => TypedResults.Ok(book.Rows())).WithTags(tag).RequireAuthorization(OrdrePolicies.Councils)
            .WithName("ReadRules")
            .WithSummary("Délais, durées et seuils appliqués, avec leur source et leur date d'entrée en vigueur")
            .WithDescription("Une ligne par règle et par période de vigueur : une décision applique la ligne en vigueur à sa date.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
