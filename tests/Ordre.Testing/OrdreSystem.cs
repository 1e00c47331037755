using System.Collections.Concurrent;
using Ordre.Client;
using Xunit;

namespace Ordre.Testing;

/// <summary>
/// The whole system as users meet it: the identity provider, the Tableau, the Dashboard and the
/// gateway, each a real process on its own throw-away database and RabbitMQ virtual host, where each
/// service connects as its own user with the permissions of deploy/k8s/rabbitmq/permissions.txt.
/// Tests talk to it through the gateway with the Refit client, as the demo tool and users do.
/// </summary>
public class OrdreSystem : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly List<ServiceProcess> _tableaus = [];
    private readonly Dictionary<string, int> _grpcPorts = [];
    private readonly List<IAsyncDisposable> _resources = [];

    public TestServers Servers { get; private set; } = null!;
    public TestDatabase IdentityDatabase { get; private set; } = null!;
    public TestDatabase TableauDatabase { get; private set; } = null!;
    public TestDatabase DashboardDatabase { get; private set; } = null!;
    public TestDatabase DisciplineDatabase { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;
    public ServiceProcess Identity { get; private set; } = null!;
    public ServiceProcess Dashboard { get; private set; } = null!;
    public ServiceProcess Discipline { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public IOrdreApi Api { get; private set; } = null!;

    /// <summary>The first Tableau instance (tests may start more, or restart it).</summary>
    public ServiceProcess Tableau => _tableaus[0];

    /// <summary>The first Tableau instance's gRPC (HTTP/2 only) address.</summary>
    public Uri TableauGrpc => new($"http://127.0.0.1:{_grpcPorts[Tableau.Name]}");

    /// <summary>Permits per second for anonymous routes at the gateway.</summary>
    protected virtual int PublicPermitsPerSecond => 1_000;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.Shared;
        IdentityDatabase = Keep(await TestDatabase.CreateAsync(Servers, "identity"));
        TableauDatabase = Keep(await TestDatabase.CreateAsync(Servers, "tableau"));
        DashboardDatabase = Keep(await TestDatabase.CreateAsync(Servers, "dashboard"));
        DisciplineDatabase = Keep(await TestDatabase.CreateAsync(Servers, "discipline"));
        Broker = Keep(await TestVirtualHost.CreateAsync(Servers));

        var identityPort = ServiceProcess.FreePort();
        Identity = Keep(ServiceProcess.Start("identity", "Ordre.Identity", identityPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Identity"] = IdentityDatabase.ConnectionString("identity", 5),
            ["Identity__Issuer"] = IssuerUrl(identityPort),
            // The system tests sign in with the demo accounts (password grant): demo mode, as `./ordre up` runs it.
            // ServiceProcess already sets ASPNETCORE_ENVIRONMENT=Development, which implies it; said here explicitly.
            ["Identity__Demo__Enabled"] = "true",
        }));
        var tableau = StartTableau("tableau-1");
        Dashboard = Keep(ServiceProcess.Start("dashboard", "Ordre.Dashboard", ServiceProcess.FreePort(),
            ServiceSettings(DashboardDatabase.ConnectionString("dashboard"), Broker.AmqpFor("dashboard"))));
        var disciplineSettings = ServiceSettings(DisciplineDatabase.ConnectionString("discipline"), Broker.AmqpFor("discipline"));
        disciplineSettings["Tableau__Grpc"] = TableauGrpc.ToString();
        Discipline = Keep(ServiceProcess.Start("discipline", "Ordre.Discipline", ServiceProcess.FreePort(), disciplineSettings));
        Gateway = Keep(StartGateway(PublicPermitsPerSecond));

        await Task.WhenAll(Identity.WaitUntilHealthyAsync(), tableau.WaitUntilHealthyAsync(),
            Dashboard.WaitUntilHealthyAsync(), Discipline.WaitUntilHealthyAsync(), Gateway.WaitUntilHealthyAsync());
        Api = OrdreClient.Create(Gateway.Url);
    }

    /// <summary>Starts one more Tableau instance on the same database (not awaited until healthy).</summary>
    public ServiceProcess StartTableau(string instanceName, Uri? broker = null)
    {
        var tableau = ServiceProcess.Start(instanceName, "Ordre.Tableau", ServiceProcess.FreePort(),
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
        var restarted = ServiceProcess.Start(old.Name, "Ordre.Tableau", old.Url.Port, settings);
        _tableaus[0] = restarted;
        await restarted.WaitUntilHealthyAsync(readiness: broker is null);
        return restarted;
    }

    public ServiceProcess StartGateway(int publicPermitsPerSecond) =>
        ServiceProcess.Start("gateway", "Ordre.Gateway", ServiceProcess.FreePort(), new Dictionary<string, string>
        {
            ["Identity__Authority"] = Identity.Url.ToString(),
            ["ReverseProxy__Clusters__identity__Destinations__local__Address"] = Identity.Url.ToString(),
            ["ReverseProxy__Clusters__tableau__Destinations__local__Address"] = Tableau.Url.ToString(),
            ["ReverseProxy__Clusters__dashboard__Destinations__local__Address"] = Dashboard.Url.ToString(),
            ["ReverseProxy__Clusters__discipline__Destinations__local__Address"] = Discipline.Url.ToString(),
            ["RateLimiting__Public__PermitLimit"] = publicPermitsPerSecond.ToString(),
            ["RateLimiting__Public__WindowSeconds"] = "1",
        });

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
