namespace Ordre.Testing;

/// <summary>
/// The services' RabbitMQ permissions as deploy/k8s/rabbitmq/permissions.txt states them: the same table
/// `./ordre up`, docker compose and Kubernetes apply, so every system test runs under those permissions.
/// </summary>
public sealed record BusPermissions(string Service, string Configure, string Write, string Read)
{
    public const string TablePath = "deploy/k8s/rabbitmq/permissions.txt";

    public static IReadOnlyList<BusPermissions> Table { get; } = Load(Path.Combine(Repository.Root, TablePath));

    public static BusPermissions For(string service) =>
        Table.SingleOrDefault(p => p.Service == service)
        ?? throw new KeyNotFoundException($"{service} has no line in {TablePath}.");

    private static List<BusPermissions> Load(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) switch
            {
                [var service, var configure, var write, var read] => new BusPermissions(service, configure, write, read),
                _ => throw new FormatException($"{TablePath}: expected `service configure write read`, got `{line}`."),
            })
            .ToList();
}
