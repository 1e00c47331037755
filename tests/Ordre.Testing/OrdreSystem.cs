using System.Collections.Concurrent;
using Ordre.Client;
using Xunit;

namespace Ordre.Testing;

/// <summary>
/// The whole system as users meet it: every host of deploy/services.txt (the identity provider, the Tableau, the
/// other services and the gateway), each a real process on its own throw-away database and RabbitMQ virtual host,
/// where each service connects as its own user with the permissions of deploy/k8s/rabbitmq/permissions.txt.
/// Tests talk to it through the gateway with the Refit client, as the demo tool and users do.
/// A service added to the list is started here without a line of code (docs/adding-a-service.md) when it needs
/// only the common settings: its database, its bus user, the identity provider and the Tableau's gRPC address.
/// </summary>
public class OrdreSystem : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly List<ServiceProcess> _tableaus = [];
    private readonly Dictionary<string, int> _grpcPorts = [];
    private readonly Dictionary<string, TestDatabase> _databases = [];
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private readonly List<IAsyncDisposable> _resources = [];
    private int _gatewayPort;

    public TestServers Servers { get; private set; } = null!;
    public TestDatabase IdentityDatabase => DatabaseOf("identity");
    public TestDatabase TableauDatabase => DatabaseOf("tableau");
    public TestDatabase DashboardDatabase => DatabaseOf("dashboard");
    public TestDatabase DisciplineDatabase => DatabaseOf("discipline");
    public TestVirtualHost Broker { get; private set; } = null!;
    public ServiceProcess Identity { get; private set; } = null!;
    public ServiceProcess Dashboard => Service("dashboard");
    public ServiceProcess Discipline => Service("discipline");
    public ServiceProcess Gateway { get; private set; } = null!;
    public IOrdreApi Api { get; private set; } = null!;

    /// <summary>The first Tableau instance (tests may start more, or restart it).</summary>
    public ServiceProcess Tableau => _tableaus[0];

    /// <summary>The first Tableau instance's gRPC (HTTP/2 only) address.</summary>
    public Uri TableauGrpc => new($"http://127.0.0.1:{_grpcPorts[Tableau.Name]}");

    /// <summary>The dashboard page's address and its registered redirect URI (client tableau-de-bord, PKCE).</summary>
    public Uri DashboardRedirectUri => new($"http://127.0.0.1:{_gatewayPort}/dashboard/");

    /// <summary>Permits per second for anonymous routes at the gateway.</summary>
    protected virtual int PublicPermitsPerSecond => 1_000;

    /// <summary>The throw-away database of a host whose line in deploy/services.txt says database yes.</summary>
    public TestDatabase DatabaseOf(string name) =>
        _databases.TryGetValue(name, out var database) ? database
            : throw new KeyNotFoundException($"{name} has no database: see {OrdreServices.ListPath}.");

    /// <summary>The running process of a host of deploy/services.txt (the first instance, for the Tableau).</summary>
    public ServiceProcess Service(string name) => name switch
    {
        "identity" => Identity,
        "tableau" => Tableau,
        "gateway" => Gateway,
        _ => _services.TryGetValue(name, out var service) ? service
            : throw new KeyNotFoundException($"{name} is not started: see {OrdreServices.ListPath}."),
    };

    public async Task InitializeAsync()
    {
        Servers = await TestServers.Shared;
        foreach (var host in OrdreServices.All.Where(h => h.Database))
            _databases[host.Name] = Keep(await TestDatabase.CreateAsync(Servers, host.Name));
        Broker = Keep(await TestVirtualHost.CreateAsync(Servers));

        var identityPort = ServiceProcess.FreePort();
        // Chosen before the identity provider starts: the dashboard page's redirect URI is /dashboard/ on the gateway.
        _gatewayPort = ServiceProcess.FreePort();
        Identity = Keep(ServiceProcess.Start("identity", OrdreServices.Named("identity").Assembly, identityPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Identity"] = IdentityDatabase.ConnectionString("identity", 5),
            ["Identity__Issuer"] = IssuerUrl(identityPort),
            // The system tests sign in with the demo accounts (password grant): demo mode, as `./ordre up` runs it.
            // ServiceProcess already sets ASPNETCORE_ENVIRONMENT=Development, which implies it; said here explicitly.
            ["Identity__Demo__Enabled"] = "true",
            ["Clients__Dashboard__RedirectUris__0"] = DashboardRedirectUri.ToString(),
        }));
        // The Tableau first: the others may ask it over gRPC.
        var starting = new List<ServiceProcess> { Identity, StartTableau("tableau-1") };
        foreach (var service in OrdreServices.Services.Where(s => s.Name != "tableau"))
            starting.Add(_services[service.Name] = Keep(StartService(service)));
        Gateway = Keep(StartGateway(PublicPermitsPerSecond, _gatewayPort));
        starting.Add(Gateway);

        await Task.WhenAll(starting.Select(p => p.WaitUntilHealthyAsync()));
        Api = OrdreClient.Create(Gateway.Url);
    }

    /// <summary>Starts one more Tableau instance on the same database (not awaited until healthy).</summary>
    public ServiceProcess StartTableau(string instanceName, Uri? broker = null)
    {
        var tableau = ServiceProcess.Start(instanceName, OrdreServices.Named("tableau").Assembly, ServiceProcess.FreePort(),
            TableauSettings(instanceName, broker ?? Broker.AmqpFor("tableau")));
        _tableaus.Add(tableau);
        return tableau;
    }

    /// <summary>
    /// Replaces the first Tableau instance by a new process on the same port and database, its clock moved forward
    /// by <paramref name="clockShiftDays"/> days (see ShiftedClock) when a test must see dates pass across processes.
    /// </summary>
    public async Task<ServiceProcess> RestartTableauAsync(Uri? broker = null, int clockShiftDays = 0)
    {
        var old = Tableau;
        await old.StopAsync();
        var settings = TableauSettings(old.Name, broker ?? Broker.AmqpFor("tableau"));
        settings["Clock__ShiftDays"] = clockShiftDays.ToString();
        var restarted = ServiceProcess.Start(old.Name, OrdreServices.Named("tableau").Assembly, old.Url.Port, settings);
        _tableaus[0] = restarted;
        await restarted.WaitUntilHealthyAsync(readiness: broker is null);
        return restarted;
    }

    /// <summary>
    /// Replaces a service of deploy/services.txt (not the Tableau: <see cref="RestartTableauAsync"/>) by a new process on
    /// the same port, database and bus user, its clock moved forward by <paramref name="clockShiftDays"/> days (see
    /// ShiftedClock): its deadline sweep runs at start, so a test sees what the days bring without waiting.
    /// </summary>
    public async Task<ServiceProcess> RestartServiceAsync(string name, int clockShiftDays = 0)
    {
        var old = _services.TryGetValue(name, out var running) ? running
            : throw new KeyNotFoundException($"{name} is not a service OrdreSystem started from {OrdreServices.ListPath}.");
        await old.StopAsync();
        var restarted = Keep(StartService(OrdreServices.Named(name), old.Url.Port, clockShiftDays));
        _services[name] = restarted;
        await restarted.WaitUntilHealthyAsync();
        return restarted;
    }

    /// <summary>A gateway whose clusters point at the running hosts (every host of deploy/services.txt with a prefix).</summary>
    public ServiceProcess StartGateway(int publicPermitsPerSecond, int? port = null, int? directoryCacheMilliseconds = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Identity__Authority"] = Identity.Url.ToString(),
            ["RateLimiting__Public__PermitLimit"] = publicPermitsPerSecond.ToString(),
            ["RateLimiting__Public__WindowSeconds"] = "1",
        };
        if (directoryCacheMilliseconds is { } cachedFor)
            settings["DirectoryCache__Milliseconds"] = cachedFor.ToString();
        foreach (var routed in OrdreServices.All.Where(h => h.GatewayPrefix is not null))
            settings[$"ReverseProxy__Clusters__{routed.Name}__Destinations__local__Address"] = Service(routed.Name).Url.ToString();
        return ServiceProcess.Start("gateway", OrdreServices.Named("gateway").Assembly, port ?? ServiceProcess.FreePort(), settings);
    }

    /// <summary>An access token of a demo account, signed in once through the gateway.</summary>
    public async Task<string> TokenFor(string userName)
    {
        if (_tokens.TryGetValue(userName, out var token)) return token;
        token = await Api.SignInAsync(userName);
        _tokens[userName] = token;
        return token;
    }

    public async Task DisposeAsync()
    {
        foreach (var tableau in _tableaus)
            await tableau.DisposeAsync();
        for (var i = _resources.Count - 1; i >= 0; i--)
            await _resources[i].DisposeAsync();
    }

    private Dictionary<string, string> ServiceSettings(string database, Uri broker) => new()
    {
        ["ConnectionStrings__Marten"] = database,
        ["ConnectionStrings__RabbitMq"] = broker.ToString(),
        ["Identity__Authority"] = Identity.Url.ToString(),
    };

    /// <summary>
    /// A service of deploy/services.txt other than the Tableau, with the common settings: its database and bus user,
    /// the identity provider, and the Tableau's gRPC lookup (a host ignores the settings it does not use, as with
    /// Kubernetes' ordre-config).
    /// </summary>
    private ServiceProcess StartService(OrdreService service, int? port = null, int clockShiftDays = 0)
    {
        if (!service.Database || !service.Bus)
            throw new NotSupportedException($"{service.Name}: OrdreSystem starts services with a database and a bus user; " +
                                            "start it explicitly with its own settings (docs/adding-a-service.md).");
        var settings = ServiceSettings(DatabaseOf(service.Name).ConnectionString(service.Name), Broker.AmqpFor(service.Name));
        settings["Tableau__Grpc"] = TableauGrpc.ToString();
        // The dashboard's health panel reads every service's event store (Marten) and the broker's management API.
        foreach (var other in OrdreServices.Services.Where(s => s.IsService && s.Database))
            settings[$"Dashboard__EventStores__{other.Name}"] = DatabaseOf(other.Name).ConnectionString("dashboard-health", 2);
        settings["Dashboard__RabbitMqManagement"] = Servers.RabbitManagement.ToString();
        if (clockShiftDays != 0)
            settings["Clock__ShiftDays"] = clockShiftDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ServiceProcess.Start(service.Name, service.Assembly, port ?? ServiceProcess.FreePort(), settings);
    }

    private Dictionary<string, string> TableauSettings(string instanceName, Uri broker)
    {
        if (!_grpcPorts.TryGetValue(instanceName, out var grpcPort))
            _grpcPorts[instanceName] = grpcPort = ServiceProcess.FreePort();
        var settings = ServiceSettings(TableauDatabase.ConnectionString(instanceName), broker);
        settings["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        return settings;
    }

    private static string IssuerUrl(int port) => $"http://127.0.0.1:{port}/";

    private T Keep<T>(T resource) where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }
}
