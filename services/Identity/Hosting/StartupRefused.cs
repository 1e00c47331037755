namespace Ordre.Identity.Hosting;

/// <summary>
/// The provider's configuration is unsafe or incomplete for its environment: Program prints the message and the
/// process exits with code 1 before it listens (an orchestrator shows the message and keeps the old version).
/// </summary>
public sealed class StartupRefused(string message) : Exception(message)
{
    public const int ExitCode = 1;
    public const string Prefix = "Identity refuses to start: ";
}
