namespace Ordre.Testing;

/// <summary>One line of deploy/services.txt: a host of the system (docs/adding-a-service.md).</summary>
public sealed record OrdreService(
    string Name, string Kind, string Project, int HttpPort, int? GrpcPort, bool Database, bool Bus, string? GatewayPrefix)
{
    /// <summary>The assembly the project builds (its file name without .csproj), e.g. Ordre.Tableau.</summary>
    public string Assembly => Path.GetFileNameWithoutExtension(Project);

    /// <summary>The project's folder from the repository root, e.g. services/Tableau.</summary>
    public string Folder => Path.GetDirectoryName(Project)!.Replace('\\', '/');

    /// <summary>A service built on ServiceDefaults (Marten, bus, OpenAPI), as opposed to the identity provider and the gateway.</summary>
    public bool IsService => Kind == OrdreServices.ServiceKind;
}

/// <summary>
/// deploy/services.txt, the one list of the system's hosts, as ./ordre reads it: OrdreSystem starts what it lists and
/// EveryServiceIsDeclaredEverywhere checks that compose, Kubernetes, the gateway and the bus table know each of them.
/// </summary>
public static class OrdreServices
{
    public const string ListPath = "deploy/services.txt";
    public const string ServiceKind = "service";
    private static readonly string[] Kinds = ["identity", ServiceKind, "gateway"];

    /// <summary>Every host, in start order (identity first, the gateway last).</summary>
    public static IReadOnlyList<OrdreService> All { get; } = Load(Path.Combine(Repository.Root, ListPath));

    /// <summary>The services built on ServiceDefaults, in start order (tableau, discipline, dashboard…).</summary>
    public static IReadOnlyList<OrdreService> Services { get; } = All.Where(s => s.IsService).ToList();

    public static OrdreService Named(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"{name} has no line in {ListPath}.");

    public static OrdreService WithAssembly(string assembly) =>
        All.SingleOrDefault(s => s.Assembly == assembly) ?? throw new KeyNotFoundException($"no line of {ListPath} builds {assembly}.");

    private static List<OrdreService> Load(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)
            .ToList();

    private static OrdreService Parse(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) switch
        {
            [var name, var kind, var project, var http, var grpc, var database, var bus, var gateway] when Kinds.Contains(kind) =>
                new OrdreService(name, kind, project, int.Parse(http, System.Globalization.CultureInfo.InvariantCulture),
                    grpc == "-" ? null : int.Parse(grpc, System.Globalization.CultureInfo.InvariantCulture),
                    YesNo(database, line), YesNo(bus, line), gateway == "-" ? null : gateway),
            _ => throw new FormatException($"{ListPath}: expected `name kind project http grpc database bus gateway` " +
                                           $"(kind {string.Join(", ", Kinds)}), got `{line}`."),
        };

    private static bool YesNo(string value, string line) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new FormatException($"{ListPath}: database and bus are yes or no, got `{line}`."),
    };
}
