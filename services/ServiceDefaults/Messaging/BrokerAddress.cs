using Microsoft.Extensions.Configuration;

namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// The service's RabbitMQ address, <c>ConnectionStrings:RabbitMq</c> = amqp://user:password@host:port/vhost
/// (user and password percent-encoded). There is no default user: see <see cref="HasCredentials"/>.
/// </summary>
public sealed class BrokerAddress
{
    private BrokerAddress(Uri uri, string user, string password)
    {
        Uri = uri;
        User = user;
        Password = password;
    }

    public Uri Uri { get; }
    public string Host => Uri.Host;
    public ushort Port => (ushort)(Uri.IsDefaultPort || Uri.Port < 0 ? 5672 : Uri.Port);
    public string VirtualHost => Uri.UnescapeDataString(Uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";
    public string User { get; }
    public string Password { get; }

    /// <summary>Both a user name and a password are given (an empty password counts as none).</summary>
    public bool HasCredentials => User.Length > 0 && Password.Length > 0;

    public static BrokerAddress From(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                "Connection string 'ConnectionStrings:RabbitMq' (amqp://user:password@host:port/vhost) is required.");
        return Parse(value);
    }

    public static BrokerAddress Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException(
                "Connection string 'ConnectionStrings:RabbitMq' must be an amqp:// URI (amqp://user:password@host:port/vhost).");
        var parts = uri.UserInfo.Split(':', 2);
        return new BrokerAddress(uri, Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    public string MissingCredentialsMessage(string serviceName) =>
        $"Connection string 'ConnectionStrings:RabbitMq' ({Uri.Host}:{Port}) has no user name and password. " +
        $"The {serviceName} service must connect as its own RabbitMQ user (amqp://user:password@host:port/vhost), " +
        "whose permissions come from deploy/k8s/rabbitmq/permissions.txt; there is no fallback to guest (docs/security.md).";
}
