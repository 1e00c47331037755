using Ordre.Testing;

namespace Ordre.Conventions.Tests;

/// <summary>Conventions in process on a fake clock, its own database and virtual host (see <see cref="ServiceInProcess{TEntryPoint}"/>).</summary>
public sealed class ConventionsInProcess : ServiceInProcess<Program>
{
    protected override string Name => "conventions";

    // Nothing here calls the Tableau (the system tests do); the address only has to be set.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Tableau:Grpc"] = "http://127.0.0.1:9/" };
}
