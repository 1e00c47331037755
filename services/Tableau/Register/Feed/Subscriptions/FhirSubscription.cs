using System.Globalization;
using Hl7.Fhir.Model;
using Ordre.Tableau.Annuaire.Fhir;

namespace Ordre.Tableau.Register.Feed.Subscriptions;

/// <summary>
/// A FHIR R4 Subscription (rest-hook) to the register's public changes, as stored: whose it is (the subscriber's client
/// id), what it follows (every practitioner or one RPPS), where to notify, and its bookmark in the change feed
/// (<see cref="Position"/>, moved only once the endpoint answered 2xx).
/// </summary>
public sealed record FhirSubscription
{
    public Guid Id { get; init; }
    public string ClientId { get; init; } = "";
    public string Criteria { get; init; } = "";
    /// <summary>The one doctor followed; null: every public change.</summary>
    public string? Rpps { get; init; }
    public string Endpoint { get; init; } = "";
    /// <summary>True: the Practitioner is sent (channel.payload application/fhir+json); false: an empty notification.</summary>
    public bool Payload { get; init; }
    public List<string> Headers { get; init; } = [];
    public string? Reason { get; init; }
    public string Status { get; init; } = Statuses.Active;
    public string? Error { get; init; }
    public long Position { get; init; }
    /// <summary>Consecutive failed deliveries of the change after <see cref="Position"/>.</summary>
    public int Failures { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static class Statuses
    {
        public const string Active = "active";
        public const string Error = "error";
    }

    /// <summary>The FHIR id: the document id without dashes.</summary>
    public string FhirId => Id.ToString("N", CultureInfo.InvariantCulture);

    public static Guid? IdOf(string fhirId) => Guid.TryParseExact(fhirId, "N", out var id) ? id : null;

    /// <summary>
    /// After the endpoint refused the change at <paramref name="position"/> (or did not answer): one more failure, and
    /// after <paramref name="maxFailures"/> in a row, status error with the reason. The position does not move.
    /// </summary>
    public FhirSubscription Failed(long position, string reason, int maxFailures)
    {
        var failures = Failures + 1;
        return failures < maxFailures
            ? this with { Failures = failures }
            : this with { Failures = failures, Status = Statuses.Error, Error = $"Notification refusée {failures} fois de suite (position {position}) : {reason}" };
    }

    public bool Follows(RegisterFeedChange change) => Rpps is null || Rpps == change.Rpps;

    public Subscription ToResource() => new()
    {
        Id = FhirId,
        Status = Status == Statuses.Active ? Subscription.SubscriptionStatus.Active : Subscription.SubscriptionStatus.Error,
        Reason = Reason,
        Criteria = Criteria,
        Error = Error,
        Channel = new Subscription.ChannelComponent
        {
            Type = Subscription.SubscriptionChannelType.RestHook,
            Endpoint = Endpoint,
            Payload = Payload ? FhirEndpoints.MediaType : null,
            Header = Headers,
        },
    };
}

/// <summary>What a Subscription may follow: <c>Practitioner</c> (every public change) or <c>Practitioner?identifier=RPPS</c>.</summary>
public static class FhirSubscriptionCriteria
{
    /// <summary>The RPPS followed (null: all), or an error in French.</summary>
    public static (bool Valid, string? Rpps, string? Error) Parse(string? criteria)
    {
        const string refusal = "criteria vaut Practitioner (tous les changements publics) ou Practitioner?identifier={RPPS} (un médecin).";
        if (criteria is null || criteria.Length > 200)
            return (false, null, refusal);
        if (criteria == "Practitioner")
            return (true, null, null);
        const string prefix = "Practitioner?identifier=";
        if (!criteria.StartsWith(prefix, StringComparison.Ordinal))
            return (false, null, refusal);
        var value = Uri.UnescapeDataString(criteria[prefix.Length..]);
        var rpps = value.Split('|') switch
        {
            [var alone] => alone,
            [FhirResources.RppsSystem, var number] => number,
            _ => null,
        };
        return rpps is not null && Rpps.IsValid(rpps) ? (true, rpps, null) : (false, null, refusal + " Le RPPS a 11 chiffres et une clé valide.");
    }

    /// <summary>A header the notifier may send: "Nom: valeur", a token name, no control character, not one it sets itself.</summary>
    public static bool IsValidHeader(string header)
    {
        var colon = header.IndexOf(':');
        if (colon <= 0 || header.Length > 1000 || header.Any(char.IsControl)) return false;
        var name = header[..colon].Trim();
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c))
            && !ReservedHeaders.Contains(name);
    }

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Expect", "Upgrade", "TE", "Trailer",
    };

    /// <summary>An absolute http(s) URL, without credentials or fragment.</summary>
    public static bool IsValidEndpoint(string? endpoint) =>
        endpoint is { Length: > 0 and <= 2000 }
        && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && uri.Host.Length > 0;
}
