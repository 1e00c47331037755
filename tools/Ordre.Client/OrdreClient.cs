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

    public static IOrdreApi Create(Uri gateway, TimeSpan? timeout = null) =>
        RestService.For<IOrdreApi>(new HttpClient { BaseAddress = gateway, Timeout = timeout ?? TimeSpan.FromSeconds(100) }, Settings);

    /// <summary>
    /// Requests an inscription with the council's token and decides it (granted unless told otherwise), retrying
    /// transient failures. A 409 on the request is explained rather than failed: the same doctor already on the
    /// register (an earlier run), a dossier of this doctor left undecided (decided now), or another doctor holding the
    /// generated RPPS (e.g. one of the imported demo register: the caller draws another).
    /// </summary>
    public static async Task<DoctorRegistration> RegisterDoctorAsync(this IOrdreApi api, InscriptionRequest doctor, string councilToken,
        InscriptionDecision? decision = null, Action<CallFailure, int>? retried = null)
    {
        decision ??= InscriptionDecision.Grant();
        var created = await Retrying.SendAsync(() => api.RequestInscription(doctor, councilToken), retried);
        Guid dossier;
        if (created.IsSuccessStatusCode && created.Content is { } content)
            dossier = content.Id;
        else if (CallFailure.From(created) is { Status: 409 } conflict)
        {
            var holder = await WhoHoldsAsync(api, doctor, conflict, councilToken, retried);
            if (holder.Outcome != RegistrationOutcome.Undecided)
                return holder;
            dossier = holder.InscriptionId!.Value;
        }
        else
            return new DoctorRegistration(RegistrationOutcome.Failed, null, "demande d'inscription", CallFailure.From(created));

        var decided = await Retrying.SendAsync(() => api.DecideInscription(dossier, decision, councilToken), retried);
        // A 409 after a lost response may mean the first attempt went through: the dossier then shows the decision.
        if (!decided.IsSuccessStatusCode
            && !(CallFailure.From(decided).Status == 409 && (await api.GetInscription(dossier, councilToken)).Content?.Status == decision.Outcome))
            return new DoctorRegistration(RegistrationOutcome.Failed, dossier, "décision sur l'inscription", CallFailure.From(decided));
        return new DoctorRegistration(decision.Outcome == "Granted" ? RegistrationOutcome.Registered : RegistrationOutcome.Refused, dossier);
    }

    /// <summary>Who holds the RPPS of a refused request (409): this doctor already, this doctor's undecided dossier, or someone else.</summary>
    private static async Task<DoctorRegistration> WhoHoldsAsync(IOrdreApi api, InscriptionRequest doctor, CallFailure conflict, string token,
        Action<CallFailure, int>? retried)
    {
        bool Same(string? lastName, string? firstName) =>
            string.Equals(lastName, doctor.LastName?.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(firstName, doctor.FirstName?.Trim(), StringComparison.OrdinalIgnoreCase);

        var entry = await Retrying.SendAsync(() => api.GetRegisterEntry(doctor.Rpps!, token), retried);
        if (entry.IsSuccessStatusCode && entry.Content is { } onRegister)
            return Same(onRegister.LastName, onRegister.FirstName)
                ? new DoctorRegistration(RegistrationOutcome.AlreadyOnRegister, null)
                : new DoctorRegistration(RegistrationOutcome.RppsTaken, null, "demande d'inscription", conflict);
        // Not on the register: a dossier in progress, named in the conflict's detail (the request's earlier attempt, or an earlier run's).
        if (System.Text.RegularExpressions.Regex.Match(conflict.Reason, @"\(([0-9a-fA-F-]{36})\)") is { Success: true } named
            && Guid.TryParse(named.Groups[1].Value, out var id))
        {
            var pending = await Retrying.SendAsync(() => api.GetInscription(id, token), retried);
            if (pending.Content is { } dossier && dossier.Rpps == doctor.Rpps && Same(dossier.LastName, dossier.FirstName))
                return dossier.Status is "Complete"
                    ? new DoctorRegistration(RegistrationOutcome.Undecided, id)
                    : new DoctorRegistration(RegistrationOutcome.Failed, id, "demande d'inscription",
                        conflict with { Reason = $"{conflict.Reason} Dossier de ce médecin au statut {dossier.Status}." });
        }
        return new DoctorRegistration(RegistrationOutcome.RppsTaken, null, "demande d'inscription", conflict);
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

public enum RegistrationOutcome
{
    /// <summary>Requested and granted now.</summary>
    Registered,
    /// <summary>Requested and refused now (the decision asked for).</summary>
    Refused,
    /// <summary>This doctor (same RPPS and name) is already on the register: an earlier run registered them.</summary>
    AlreadyOnRegister,
    /// <summary>Another doctor holds this RPPS (e.g. the imported demo register): draw another doctor.</summary>
    RppsTaken,
    /// <summary>Internal: this doctor's dossier exists undecided.</summary>
    Undecided,
    /// <summary>A step failed for good: see <see cref="DoctorRegistration.Failure"/>.</summary>
    Failed,
}

/// <summary>What <see cref="OrdreClient.RegisterDoctorAsync"/> did; on failure, the step and the service's answer.</summary>
public sealed record DoctorRegistration(RegistrationOutcome Outcome, Guid? InscriptionId, string? Step = null, CallFailure? Failure = null)
{
    public bool Registered => Outcome == RegistrationOutcome.Registered;
}
