using System.Text.Json;
using Refit;

namespace Ordre.Client;

/// <summary>Creates the typed client and signs demo users in.</summary>
public static class OrdreClient
{
    public const string DemoClientId = "ordre-demo";
    public const string DemoPassword = "ordre-demo";

    private static readonly RefitSettings Settings = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
    };

    public static IOrdreApi Create(Uri gateway) =>
        RestService.For<IOrdreApi>(new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(100) }, Settings);

    /// <summary>
    /// Requests and grants an inscription with the council's token; false when either is refused (e.g. 409: the
    /// generated RPPS is already on the register).
    /// </summary>
    public static async Task<bool> RegisterDoctorAsync(this IOrdreApi api, InscriptionRequest doctor, string councilToken)
    {
        var created = await api.RequestInscription(doctor, councilToken);
        return created.Content is { } dossier && (await api.DecideInscription(dossier.Id, InscriptionDecision.Grant(), councilToken)).IsSuccessStatusCode;
    }

    /// <summary>Password grant for a demo account; throws with the provider's answer when refused.</summary>
    public static async Task<string> SignInAsync(this IOrdreApi api, string userName, string password = DemoPassword)
    {
        var response = await api.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = DemoClientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "api",
        });
        return response.Content?.AccessToken
            ?? throw new InvalidOperationException($"Sign-in of {userName} refused: {response.StatusCode} {(response.Error as ApiException)?.Content}");
    }
}
