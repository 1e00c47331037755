using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ordre.Tableau.Register.Feed;

/// <summary>GET /register/feed (pages) and GET /register/feed/stream (server-sent events): the register's public changes.</summary>
public static class ReadFeedEndpoints
{
    public static async Task<Results<Ok<RegisterFeedPage>, ValidationProblem>> Page(
        IDocumentStore store, CancellationToken ct, long? after = null, int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (after is < 0)
            errors["after"] = ["after est une position du flux (0 pour commencer au début)."];
        if (limit is < 1 or > RegisterFeed.MaxPageSize)
            errors["limit"] = [$"limit va de 1 à {RegisterFeed.MaxPageSize}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Lecture du flux invalide");
        return TypedResults.Ok(await RegisterFeed.ReadAsync(store, after ?? 0, limit ?? RegisterFeed.DefaultPageSize, ct));
    }

    /// <summary>Resumes after the <c>Last-Event-ID</c> the client sends back (the standard reconnection), else after <paramref name="after"/>.</summary>
    public static Results<ServerSentEventsResult<RegisterFeedChange>, ValidationProblem> Stream(
        HttpContext http, IDocumentStore store, TimeProvider clock, long? after = null)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        long position;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out position))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Last-Event-ID"] = ["Last-Event-ID est la position du dernier changement reçu."] });
        }
        else if (after is < 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["after est une position du flux (0 pour commencer au début)."] });
        else
            position = after ?? 0;
        return TypedResults.ServerSentEvents(RegisterFeed.FollowAsync(store, clock, position, http.RequestAborted));
    }
}
