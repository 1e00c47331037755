using System.Net;
using System.Text;
using System.Text.Json;
using Refit;

namespace Ordre.Client;

/// <summary>
/// Why a call failed, in one line a person can act on: the HTTP status with the RFC 9457 problem (title, detail,
/// field errors), or the transport error when no response came back (connection refused, timeout).
/// </summary>
public sealed record CallFailure(int? Status, string Reason, bool Transient)
{
    /// <summary>The services' answer to a lost optimistic-concurrency race (ServiceDefaults' ExceptionToProblem): worth retrying.</summary>
    public const string ConcurrencyDetail = "Le dossier a été modifié par une autre requête entre-temps";

    public static CallFailure From(IApiResponse response)
    {
        if (response.HasRequestError(out var requestError))
        {
            var cause = requestError.InnerException ?? requestError;
            var reason = cause is OperationCanceledException ? "délai dépassé (pas de réponse)" : $"pas de réponse : {cause.Message}";
            return new CallFailure(null, reason, Transient: true);
        }
        if (response.StatusCode is not { } code)
            return new CallFailure(null, "pas de réponse", Transient: true);
        var status = (int)code;
        var body = (response.Error as ApiException)?.Content;
        var (summary, detail) = Describe(body);
        var transient = status is 408 or 429 or >= 500
            || (status == 409 && detail?.StartsWith(ConcurrencyDetail, StringComparison.Ordinal) == true);
        return new CallFailure(status, summary ?? response.ReasonPhrase ?? code.ToString(), transient);
    }

    /// <summary>A call that threw instead of answering (the caller's own bug or a transport error Refit did not wrap).</summary>
    public static CallFailure From(Exception exception) => exception switch
    {
        HttpRequestException e => new CallFailure(null, $"pas de réponse : {e.Message}", Transient: true),
        TaskCanceledException => new CallFailure(null, "délai dépassé (pas de réponse)", Transient: true),
        InvalidOperationException e => new CallFailure(null, e.Message, Transient: false),
        _ => new CallFailure(null, $"{exception.GetType().Name} : {exception.Message}", Transient: false),
    };

    public bool Is(HttpStatusCode status) => Status == (int)status;

    public override string ToString() => Status is { } status ? $"HTTP {status} {Reason}" : Reason;

    /// <summary>"title — detail (field: message; …)" from a problem+json body; the raw text, shortened, otherwise.</summary>
    private static (string? Summary, string? Detail) Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (Shorten(body), null);
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var (title, detail) = (Text("title"), Text("detail"));
            var text = new StringBuilder(title ?? "");
            if (detail is not null)
                text.Append(text.Length > 0 ? " — " : "").Append(detail);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var fields = errors.EnumerateObject().Select(field => field.Value.ValueKind == JsonValueKind.Array
                    ? $"{field.Name} : {string.Join(" ", field.Value.EnumerateArray().Select(m => m.ToString()))}"
                    : $"{field.Name} : {field.Value}");
                text.Append(" (").Append(string.Join("; ", fields)).Append(')');
            }
            return (text.Length > 0 ? text.ToString() : Shorten(body), detail);
        }
        catch (JsonException)
        {
            return (Shorten(body), null);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
