using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Marten;
using Ordre.Tableau.Annuaire.Fhir;

namespace Ordre.Tableau.Register.Feed.Subscriptions;

/// <summary>
/// POST, GET and DELETE /fhir/Subscription: a subscriber of the register's feed asks for its changes as FHIR R4
/// rest-hook notifications. A subscription is its subscriber's alone: another client gets 404.
/// </summary>
public static class SubscribeEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxHeaders = 10;
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    public static async Task<IResult> Create(HttpContext http, IDocumentSession session, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
            return Invalid($"Le corps est une ressource Subscription FHIR R4 en JSON de {MaxBodyBytes / 1024} Ko au plus.");
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(body, Json);
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return Invalid("Le corps n'est pas une ressource FHIR R4 valide : " + Shorten(e.Message));
        }
        if (resource is not Subscription requested)
            return Invalid("Le corps est une ressource Subscription (resourceType = Subscription).");

        var (valid, rpps, criteriaError) = FhirSubscriptionCriteria.Parse(requested.Criteria);
        if (!valid)
            return Invalid(criteriaError!);
        var channel = requested.Channel;
        if (channel?.Type != Subscription.SubscriptionChannelType.RestHook)
            return Invalid("Seul channel.type = rest-hook est pris en charge.");
        if (!FhirSubscriptionCriteria.IsValidEndpoint(channel.Endpoint))
            return Invalid("channel.endpoint est une URL http ou https absolue (2000 caractères au plus, sans identifiants ni fragment).");
        if (channel.Payload is not (null or FhirEndpoints.MediaType))
            return Invalid($"channel.payload vaut {FhirEndpoints.MediaType} (le Practitioner est envoyé) ou est absent (notification vide).");
        var headers = channel.Header?.OfType<string>().ToList() ?? [];
        if (headers.Count > MaxHeaders || headers.Any(h => !FhirSubscriptionCriteria.IsValidHeader(h)))
            return Invalid($"channel.header : {MaxHeaders} en-têtes au plus, chacun « Nom: valeur » (1000 caractères au plus, sans Host ni Content-Type).");
        if (requested.Reason is { Length: > 500 })
            return Invalid("reason a 500 caractères au plus.");

        // New changes only: the subscription starts at the feed's current end (what is committed up to the high-water mark).
        var end = await RegisterFeed.EndAsync(store, ct);
        var subscription = new FhirSubscription
        {
            Id = Guid.CreateVersion7(),
            ClientId = Subscriber(http.User),
            Criteria = requested.Criteria!,
            Rpps = rpps,
            Endpoint = channel.Endpoint!,
            Payload = channel.Payload is not null,
            Headers = headers,
            Reason = requested.Reason,
            Position = end,
            CreatedAt = clock.GetUtcNow(),
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        http.Response.Headers.Location = $"{FhirEndpoints.BaseUrl(http)}/Subscription/{subscription.FhirId}";
        return Fhir(subscription.ToResource(), StatusCodes.Status201Created);
    }

    public static async Task<IResult> Read(string id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await Own(id, user, session, ct) is { } subscription ? Fhir(subscription.ToResource()) : NotFound(id);

    public static async Task<IResult> Delete(string id, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (await Own(id, user, session, ct) is not { } subscription)
            return NotFound(id);
        session.Delete<FhirSubscription>(subscription.Id);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private static async Task<FhirSubscription?> Own(string id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        FhirSubscription.IdOf(id) is { } key && await session.LoadAsync<FhirSubscription>(key, ct) is { } subscription
        && subscription.ClientId == Subscriber(user)
            ? subscription
            : null;

    private static string Subscriber(ClaimsPrincipal user) => user.FindFirst(OrdreClaims.Subject)?.Value ?? "";

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        if (buffer.Length == 0) return null;
        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Shorten(string message) => message.Length > 300 ? message[..300] + "…" : message;

    private static IResult Invalid(string message) => FhirEndpoints.Error(OperationOutcome.IssueType.Invalid, message, 400);

    private static IResult NotFound(string id) => FhirEndpoints.Error(OperationOutcome.IssueType.NotFound, $"Subscription/{id} introuvable.", 404);

    private static IResult Fhir(Resource resource, int status = 200) =>
        Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), Json), FhirEndpoints.MediaType, statusCode: status);
}
