using System.Text.Json;
using System.Text.RegularExpressions;
using Ordre.Testing;

namespace Ordre.EndToEnd.Tests;

/// <summary>
/// deploy/services.txt is the one list of hosts; what cannot be derived from it (compose, Kubernetes, the gateway's
/// routes, the bus table, the solution, the Dockerfile, the connection budget) is checked against it here, without a
/// server: a service listed but missing from one of those places fails with the place and the line to add, and a
/// place naming a host that is not listed fails too (docs/adding-a-service.md). Text checks, on purpose: no YAML
/// parser, so the files stay as readable as they are.
/// </summary>
public class EveryServiceIsDeclaredEverywhere
{
    public static TheoryData<string> Hosts() => new(OrdreServices.All.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_host_is_in_every_place_the_list_cannot_generate(string name)
    {
        var missing = Missing(OrdreServices.Named(name));
        Assert.True(missing.Count == 0, $"{name} ({OrdreServices.ListPath}) lacks:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void A_service_only_in_the_list_is_reported_in_every_place_it_lacks()
    {
        // A service that exists nowhere but in its (imagined) line of the list.
        var sample = new OrdreService("sample", OrdreServices.ServiceKind, "services/Sample/Ordre.Sample.csproj",
            5999, null, Database: true, Bus: true, GatewayPrefix: "/sample");

        var missing = Missing(sample);

        foreach (var place in new[]
                 {
                     "services/Sample/Ordre.Sample.csproj", "Ordre.sln", "deploy/docker/Dockerfile",
                     "tests/Ordre.EndToEnd.Tests/Ordre.EndToEnd.Tests.csproj", "gateway/appsettings.json", "docker-compose.yml",
                     "deploy/docker/postgres-init.sql", "deploy/k8s/sample.yaml", "deploy/k8s/kustomization.yaml", "deploy/k8s/config.yaml",
                     "deploy/k8s/secret.yaml", "deploy/k8s/rabbitmq-users.yaml", "deploy/k8s/rabbitmq/permissions.txt", "docs/connections.md",
                     "deploy/k8s/postgres/readers.sql", "deploy/k8s/dashboard.yaml",
                 })
            Assert.Contains(missing, m => m.StartsWith(place + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void The_health_panel_reads_rabbitmq_as_a_monitoring_user_without_permissions_in_compose_and_kubernetes()
    {
        var compose = Read("docker-compose.yml");
        Assert.Matches(@"(?m)^x-monitoring: &monitoring http://(?!admin:|guest:)[^:@\s]+:[^@\s]+@rabbitmq:15672/$", compose);
        Assert.Contains("Dashboard__RabbitMqManagement: *monitoring", ComposeBlock(compose, "dashboard"), StringComparison.Ordinal);
        Assert.Contains("MONITORING_URI: *monitoring", ComposeBlock(compose, "rabbitmq-users"), StringComparison.Ordinal);
        Assert.Matches(@"- name: Dashboard__RabbitMqManagement\n(?:\s+.*\n){3}\s+key: dashboard-rabbitmq-monitoring\n", Read("deploy/k8s/dashboard.yaml"));
        Assert.Matches(@"- name: MONITORING_URI\n(?:\s+.*\n){3}\s+key: dashboard-rabbitmq-monitoring\n", Read("deploy/k8s/rabbitmq-users.yaml"));
        Assert.Matches(@"(?m)^  dashboard-rabbitmq-monitoring: http://(?!admin:|guest:)[^:@\s]+:", Read("deploy/k8s/secret.yaml"));
        var script = Read("deploy/k8s/rabbitmq/create-users.sh");
        Assert.Contains("\\\"tags\\\":\\\"monitoring\\\"", script, StringComparison.Ordinal);
        Assert.Contains("'{\"configure\":\"^$\",\"write\":\"^$\",\"read\":\"^$\"}'", script, StringComparison.Ordinal);
        var kustomization = Read("deploy/k8s/kustomization.yaml");
        Assert.Contains("\n  - postgres-readers.yaml\n", kustomization, StringComparison.Ordinal);
        Assert.Contains("      - postgres/readers.sql\n", kustomization, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_itself_is_coherent()
    {
        var all = OrdreServices.All;
        Assert.Equal(all.Count, all.Select(h => h.Name).Distinct().Count());
        var ports = all.Select(h => h.HttpPort).Concat(all.Where(h => h.GrpcPort is not null).Select(h => h.GrpcPort!.Value)).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.Equal("identity", all[0].Kind);
        Assert.Equal("gateway", all[^1].Kind);
        Assert.Single(all, h => h.Kind == "identity");
        Assert.Single(all, h => h.Kind == "gateway");
        Assert.All(all, h => Assert.Matches("^[a-z][a-z]*$", h.Name));
        Assert.All(all.Where(h => h.GatewayPrefix is not null), h => Assert.Equal("/" + h.Name, h.GatewayPrefix));
        // OrdreSystem starts the Tableau first: the other services may ask it over gRPC.
        Assert.Equal("tableau", OrdreServices.Services[0].Name);
    }

    [Fact]
    public void Every_host_that_a_place_names_is_in_the_list()
    {
        var listed = OrdreServices.All.Select(h => h.Name).ToHashSet();
        var unlisted = new List<string>();

        foreach (var program in Directory.GetFiles(Path.Combine(Repository.Root, "services"), "Program.cs", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(program)!).Replace('\\', '/');
            if (!folder.Contains("/bin/", StringComparison.Ordinal) && !folder.Contains("/obj/", StringComparison.Ordinal)
                && OrdreServices.All.All(h => h.Folder != folder))
                unlisted.Add($"the project in {folder}");
        }
        foreach (Match m in Regex.Matches(Read("docker-compose.yml"), @"^  ([a-z-]+):\n(?:    .*\n|\n)*?      args:\n        PROJECT: ", RegexOptions.Multiline))
            if (!listed.Contains(m.Groups[1].Value)) unlisted.Add($"docker-compose.yml service {m.Groups[1].Value}");
        foreach (var manifest in Directory.GetFiles(Path.Combine(Repository.Root, "deploy/k8s"), "*.yaml"))
            if (Read(manifest).Contains("kind: Deployment", StringComparison.Ordinal) && !listed.Contains(Path.GetFileNameWithoutExtension(manifest)))
                unlisted.Add($"deploy/k8s/{Path.GetFileName(manifest)}");
        foreach (var cluster in GatewayConfig().GetProperty("Clusters").EnumerateObject())
            if (!listed.Contains(cluster.Name)) unlisted.Add($"gateway/appsettings.json cluster {cluster.Name}");
        foreach (var row in BusPermissions.Table)
            if (OrdreServices.All.Any(h => h.Name == row.Service && !h.Bus)) unlisted.Add($"permissions.txt row {row.Service} (bus no in the list)");

        Assert.True(unlisted.Count == 0, $"not in {OrdreServices.ListPath}:\n  " + string.Join("\n  ", unlisted));
    }

    /// <summary>Every place <paramref name="host"/> must appear in and does not, as "file: what to add".</summary>
    private static List<string> Missing(OrdreService host)
    {
        var missing = new List<string>();
        void Need(bool present, string what)
        {
            if (!present) missing.Add(what);
        }

        var name = host.Name;
        var db = $"ordre_{name}";

        // The project, the solution, the image, the build before the system tests.
        var projectExists = File.Exists(Path.Combine(Repository.Root, host.Project));
        Need(projectExists, $"{host.Project}: the project (copy an existing service's, docs/adding-a-service.md)");
        Need(Read("Ordre.sln").Contains(host.Project.Replace('/', '\\'), StringComparison.Ordinal), $"Ordre.sln: dotnet sln add {host.Project}");
        Need(Read("deploy/docker/Dockerfile").Contains($"COPY {host.Project} {host.Folder}/", StringComparison.Ordinal),
            $"deploy/docker/Dockerfile: COPY {host.Project} {host.Folder}/");
        Need(Read("tests/Ordre.EndToEnd.Tests/Ordre.EndToEnd.Tests.csproj").Contains($"Include=\"../../{host.Project}\"", StringComparison.Ordinal),
            $"tests/Ordre.EndToEnd.Tests/Ordre.EndToEnd.Tests.csproj: <ProjectReference Include=\"../../{host.Project}\" ReferenceOutputAssembly=\"false\" />");
        if (projectExists)
        {
            var settings = Json(Path.Combine(host.Folder, "appsettings.json"));
            var endpoints = settings.TryGetProperty("Kestrel", out var kestrel) && kestrel.TryGetProperty("Endpoints", out var e) ? e : default;
            Need(Url(endpoints, "Http") == $"http://127.0.0.1:{host.HttpPort}", $"{host.Folder}/appsettings.json: Kestrel:Endpoints:Http:Url http://127.0.0.1:{host.HttpPort}");
            if (host.GrpcPort is { } grpc)
                Need(Url(endpoints, "Grpc") == $"http://127.0.0.1:{grpc}", $"{host.Folder}/appsettings.json: Kestrel:Endpoints:Grpc:Url http://127.0.0.1:{grpc}");
            if (host.IsService)
            {
                var program = Read(Path.Combine(host.Folder, "Program.cs"));
                Need(program.Contains($"AddServiceDefaults(\"{name}\"", StringComparison.Ordinal), $"{host.Folder}/Program.cs: builder.AddServiceDefaults(\"{name}\", …)");
                if (host.Bus)
                    Need(program.Contains($"AddMessaging(\"{name}\"", StringComparison.Ordinal), $"{host.Folder}/Program.cs: builder.AddMessaging(\"{name}\", …) (queues {name}-…)");
                if (host.Database)
                    Need(program.Contains($"AddEventStore(\"{name}\"", StringComparison.Ordinal), $"{host.Folder}/Program.cs: builder.AddEventStore(\"{name}\", …) (schema {name})");
            }
        }

        // The gateway: a cluster at the local port and routes under the prefix, each with a policy.
        if (host.GatewayPrefix is { } prefix)
        {
            var gateway = GatewayConfig();
            Need(gateway.GetProperty("Clusters").TryGetProperty(name, out var cluster)
                 && cluster.GetProperty("Destinations").EnumerateObject().Any(d => d.Value.GetProperty("Address").GetString() == $"http://127.0.0.1:{host.HttpPort}/"),
                $"gateway/appsettings.json: ReverseProxy:Clusters:{name} at http://127.0.0.1:{host.HttpPort}/");
            var routes = gateway.GetProperty("Routes").EnumerateObject().Where(r => r.Value.GetProperty("ClusterId").GetString() == name).ToList();
            Need(routes.Count > 0, $"gateway/appsettings.json: ReverseProxy:Routes to cluster {name} under {prefix}/ (each with its AuthorizationPolicy)");
            foreach (var route in routes)
            {
                var path = route.Value.GetProperty("Match").GetProperty("Path").GetString()!;
                Need(path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal), $"gateway/appsettings.json: route {route.Name} matches {path}, outside {prefix}/");
                Need(route.Value.TryGetProperty("AuthorizationPolicy", out _), $"gateway/appsettings.json: route {route.Name} has no AuthorizationPolicy");
                Need(route.Value.TryGetProperty("Transforms", out var transforms)
                     && transforms.EnumerateArray().Any(t => t.TryGetProperty("PathRemovePrefix", out var p) && p.GetString() == prefix),
                    $"gateway/appsettings.json: route {route.Name} needs the transform {{ \"PathRemovePrefix\": \"{prefix}\" }}");
            }
        }

        // docker compose: the service's block, its database and bus user, the gateway's cluster address.
        var compose = Read("docker-compose.yml");
        var block = ComposeBlock(compose, name);
        Need(block.Contains($"PROJECT: {host.Project}", StringComparison.Ordinal) && block.Contains($"ASSEMBLY: {host.Assembly}", StringComparison.Ordinal),
            $"docker-compose.yml: service {name} built with PROJECT: {host.Project} and ASSEMBLY: {host.Assembly}");
        if (host.Database)
        {
            Need(block.Contains($"Database={db};Username={db};", StringComparison.Ordinal), $"docker-compose.yml: service {name}'s connection string to Database={db};Username={db}");
            var init = Read("deploy/docker/postgres-init.sql");
            Need(init.Contains($"CREATE ROLE {db} LOGIN", StringComparison.Ordinal) && init.Contains($"CREATE DATABASE {db} OWNER {db};", StringComparison.Ordinal)
                 && init.Contains($"ALTER DATABASE {db} SET client_connection_check_interval = '2s';", StringComparison.Ordinal),
                $"deploy/docker/postgres-init.sql: CREATE ROLE {db}, CREATE DATABASE {db} OWNER {db}, ALTER DATABASE {db} SET client_connection_check_interval");
        }
        if (host.Bus)
        {
            Need(Regex.IsMatch(compose, $@"^  {name}: &bus-{name} amqp://ordre-{name}:[^@\s]+@rabbitmq:5672/$", RegexOptions.Multiline),
                $"docker-compose.yml: x-bus entry `{name}: &bus-{name} amqp://ordre-{name}:{name}-dev-bus@rabbitmq:5672/`");
            Need(ComposeBlock(compose, "rabbitmq-users").Contains($"BUS_URI_{name}: *bus-{name}", StringComparison.Ordinal),
                $"docker-compose.yml: rabbitmq-users environment BUS_URI_{name}: *bus-{name}");
            Need(block.Contains($"ConnectionStrings__RabbitMq: *bus-{name}", StringComparison.Ordinal) && block.Contains("rabbitmq-users:", StringComparison.Ordinal),
                $"docker-compose.yml: service {name} with ConnectionStrings__RabbitMq: *bus-{name}, depending on rabbitmq-users");
        }
        if (host.GrpcPort is not null)
            Need(block.Contains("Kestrel__Endpoints__Grpc__Protocols: Http2", StringComparison.Ordinal), $"docker-compose.yml: service {name}'s gRPC endpoint (Kestrel__Endpoints__Grpc__Url, Protocols Http2)");
        if (host.GatewayPrefix is not null)
        {
            var gateway = ComposeBlock(compose, "gateway");
            Need(gateway.Contains($"ReverseProxy__Clusters__{name}__Destinations__local__Address: http://{name}:8080/", StringComparison.Ordinal)
                 && gateway.Contains($"      {name}:\n", StringComparison.Ordinal),
                $"docker-compose.yml: gateway environment ReverseProxy__Clusters__{name}__Destinations__local__Address: http://{name}:8080/ and depends_on {name}");
        }

        // Kubernetes: its manifest, listed with its image; its settings and secrets; the Job that creates its bus user.
        var manifestPath = Path.Combine(Repository.Root, "deploy/k8s", name + ".yaml");
        var manifest = File.Exists(manifestPath) ? File.ReadAllText(manifestPath) : "";
        Need(manifest.Contains("kind: Deployment", StringComparison.Ordinal) && manifest.Contains("kind: Service", StringComparison.Ordinal)
             && manifest.Contains($"image: ordre/{name}\n", StringComparison.Ordinal) && manifest.Contains("containerPort: 8080", StringComparison.Ordinal),
            $"deploy/k8s/{name}.yaml: a Deployment (image ordre/{name}, port 8080, probes) and a Service (copy dashboard.yaml)");
        var kustomization = Read("deploy/k8s/kustomization.yaml");
        Need(kustomization.Contains($"\n  - {name}.yaml\n", StringComparison.Ordinal) && kustomization.Contains($"- name: ordre/{name}\n", StringComparison.Ordinal),
            $"deploy/k8s/kustomization.yaml: resources `- {name}.yaml` and images `- name: ordre/{name}`");
        if (host.GrpcPort is not null)
            Need(manifest.Contains("containerPort: 8081", StringComparison.Ordinal) && manifest.Contains("port: 8081", StringComparison.Ordinal),
                $"deploy/k8s/{name}.yaml: the gRPC port 8081 on the container and the Service");
        var secret = Read("deploy/k8s/secret.yaml");
        if (host.Database)
        {
            Need(Regex.IsMatch(secret, $@"^  {name}-db: Host=\S+;Database={db};Username={db};.*Maximum Pool Size=\d+$", RegexOptions.Multiline),
                $"deploy/k8s/secret.yaml: {name}-db: Host=postgres;Port=5432;Database={db};Username={db};Password=CHANGE_ME;Maximum Pool Size=10");
            Need(manifest.Contains($"key: {name}-db\n", StringComparison.Ordinal), $"deploy/k8s/{name}.yaml: ConnectionStrings__Marten from the secret key {name}-db");
        }
        if (host.Bus)
        {
            Need(Regex.IsMatch(secret, $@"^  {name}-rabbitmq: amqp://ordre-{name}:", RegexOptions.Multiline),
                $"deploy/k8s/secret.yaml: {name}-rabbitmq: amqp://ordre-{name}:CHANGE_ME@rabbitmq:5672/");
            Need(manifest.Contains($"key: {name}-rabbitmq\n", StringComparison.Ordinal), $"deploy/k8s/{name}.yaml: ConnectionStrings__RabbitMq from the secret key {name}-rabbitmq");
            Need(Regex.IsMatch(Read("deploy/k8s/rabbitmq-users.yaml"), $@"- name: BUS_URI_{name}\n(?:\s+.*\n){{3}}\s+key: {name}-rabbitmq\n"),
                $"deploy/k8s/rabbitmq-users.yaml: env BUS_URI_{name} from the secret key {name}-rabbitmq");
            Need(BusPermissions.Table.Any(p => p.Service == name), $"deploy/k8s/rabbitmq/permissions.txt: the row of {name} (configure, write, read)");
        }
        if (host.GatewayPrefix is not null)
            Need(Read("deploy/k8s/config.yaml").Contains($"  ReverseProxy__Clusters__{name}__Destinations__local__Address: http://{name}:8080/\n", StringComparison.Ordinal),
                $"deploy/k8s/config.yaml: ReverseProxy__Clusters__{name}__Destinations__local__Address: http://{name}:8080/");

        // The dashboard's health panel reads every event store as the store's reader role (docs/dashboard.md, "Deploying the
        // health panel"): the role, its grants on the two tables it reads, its connection string in compose and Kubernetes.
        if (host.IsService && host.Database)
        {
            var reader = $"{db}_reader";
            var init = Read("deploy/docker/postgres-init.sql");
            Need(init.Contains($"CREATE ROLE {reader} LOGIN", StringComparison.Ordinal) && init.Contains($"ALTER ROLE {reader} SET default_transaction_read_only = on;", StringComparison.Ordinal)
                 && init.Contains($"GRANT CONNECT ON DATABASE {db} TO {reader};", StringComparison.Ordinal)
                 && Regex.IsMatch(init, $@"^GRANT pg_read_all_stats TO .*\b{reader}\b", RegexOptions.Multiline),
                $"deploy/docker/postgres-init.sql: CREATE ROLE {reader} LOGIN, ALTER ROLE {reader} SET default_transaction_read_only = on, GRANT CONNECT ON DATABASE {db}, GRANT pg_read_all_stats");
            var readers = Read("deploy/k8s/postgres/readers.sql");
            Need(readers.Contains($"\\connect {db}\nGRANT USAGE ON SCHEMA {name} TO {reader};\nGRANT SELECT (seq_id) ON {name}.mt_events TO {reader};\nGRANT SELECT ON {name}.mt_event_progression TO {reader};\n", StringComparison.Ordinal),
                $"deploy/k8s/postgres/readers.sql: \\connect {db}, GRANT USAGE ON SCHEMA {name}, SELECT (seq_id) ON {name}.mt_events, SELECT ON {name}.mt_event_progression TO {reader}");
            Need(ComposeBlock(compose, "dashboard").Contains($"Dashboard__EventStores__{name}: Host=postgres;Port=5432;Database={db};Username={reader};", StringComparison.Ordinal)
                 && ComposeBlock(compose, "postgres-readers").Contains($"      {name}:\n", StringComparison.Ordinal),
                $"docker-compose.yml: dashboard environment Dashboard__EventStores__{name}: Host=postgres;Port=5432;Database={db};Username={reader};… and postgres-readers depends_on {name}");
            Need(Regex.IsMatch(secret, $@"^  {name}-db-reader: Host=\S+;Database={db};Username={reader};.*;Pooling=false$", RegexOptions.Multiline),
                $"deploy/k8s/secret.yaml: {name}-db-reader: Host=postgres;Port=5432;Database={db};Username={reader};Password=CHANGE_ME;Pooling=false");
            Need(Regex.IsMatch(Read("deploy/k8s/dashboard.yaml"), $@"- name: Dashboard__EventStores__{name}\n(?:\s+.*\n){{3}}\s+key: {name}-db-reader\n"),
                $"deploy/k8s/dashboard.yaml: env Dashboard__EventStores__{name} from the secret key {name}-db-reader");
        }

        // The connection budget.
        Need(Regex.IsMatch(Read("docs/connections.md"), $@"^\| {name}\b", RegexOptions.Multiline), $"docs/connections.md: a row `| {name} | pool | daemon extra |` (and the total)");
        return missing;
    }

    /// <summary>The lines of a top-level compose service (indented 2), up to the next one; empty when absent.</summary>
    private static string ComposeBlock(string compose, string service)
    {
        var match = Regex.Match(compose, $@"^  {Regex.Escape(service)}:\n((?:    .*\n|\n)*)", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : "";
    }

    private static string? Url(JsonElement endpoints, string endpoint) =>
        endpoints.ValueKind == JsonValueKind.Object && endpoints.TryGetProperty(endpoint, out var e) && e.TryGetProperty("Url", out var url) ? url.GetString() : null;

    private static JsonElement GatewayConfig() => Json("gateway/appsettings.json").GetProperty("ReverseProxy");

    private static JsonElement Json(string path) =>
        JsonDocument.Parse(Read(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    private static string Read(string path) => File.ReadAllText(Path.Combine(Repository.Root, path)).ReplaceLineEndings("\n");
}
