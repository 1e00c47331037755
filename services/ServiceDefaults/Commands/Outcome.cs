namespace Ordre.ServiceDefaults.Commands;

/// <summary>What a rule decides about a change to a stream (a register entry, an inscription dossier).</summary>
public abstract record Outcome
{
    /// <summary>The change happens: append these events (none when it is already so).</summary>
    public sealed record Accepted(params object[] Events) : Outcome;

    /// <summary>The request is malformed: 400 with the fields.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The entry's current state does not allow it: 409 with the reason.</summary>
    public sealed record NotAllowed(string Reason) : Outcome;

    public static Invalid Field(string field, string message) => new(new() { [field] = [message] });
}
