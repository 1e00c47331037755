using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Ordre.ServiceDefaults.Requests;
using Scalar.AspNetCore;

namespace Ordre.ServiceDefaults.OpenApi;

/// <summary>
/// An OpenAPI document per service at /openapi/v1.json and a browsable page at /docs. Each operation names its
/// authorization policy (x-ordre-policy; "anonymous" for open ones), so reviewers and the role × endpoint matrix
/// test read who may call what from the document itself.
/// Behind the gateway (GET /tableau/openapi/v1.json, /tableau/docs), the gateway names its route prefix in
/// X-Forwarded-Prefix: the document then gives that relative prefix as its server, so the page's "try it" calls go
/// through the gateway, never to the service's own address. Scalar finds the document relative to its page.
/// </summary>
public static partial class OpenApiSetup
{
    public const string PolicyExtension = "x-ordre-policy";

    public static IServiceCollection AddOrdreOpenApi(this IServiceCollection services, string title) =>
        services.AddHttpContextAccessor().AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = title;
                document.Info.Version = "v1";
                var prefix = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.Request.Headers["X-Forwarded-Prefix"].ToString();
                if (!string.IsNullOrEmpty(prefix) && GatewayPrefix().IsMatch(prefix))
                    document.Servers = [new OpenApiServer { Url = prefix, Description = "Passerelle Ordre" }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var policy = metadata.OfType<IAllowAnonymous>().Any()
                    ? "anonymous"
                    : metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "fallback";
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[PolicyExtension] = new JsonNodeExtension(JsonValue.Create(policy));
                return Task.CompletedTask;
            });
            // [MaxItems(count, itemLength)]: maxItems comes from MaxLengthAttribute; the length of each item is ours.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(MaxItemsAttribute), true) is [MaxItemsAttribute limit, ..]
                    && schema.Items is OpenApiSchema items)
                    items.MaxLength = limit.ItemLength;
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapOpenApiPages(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }

    /// <summary>A route prefix as the gateway sets it ("/tableau"); anything else is ignored.</summary>
    [GeneratedRegex("^/[a-z][a-z-]{0,30}$")]
    private static partial Regex GatewayPrefix();
}
