using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Ordre.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ordre.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit over RabbitMQ: quorum queues, bounded retries then the endpoint's "_error" queue,
/// and a per-instance cap on concurrent messages so a burst cannot exhaust the database pool.
/// </summary>
public static class MessagingSetup
{
    /// <summary>Register before AddEventStore so the bus is started before the daemon publishes.</summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var broker = new Uri(builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:RabbitMq' (amqp://user:pass@host:port/vhost) is required."));
        var (user, password) = Credentials(broker);
        var vhost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";
        var concurrency = builder.Configuration.GetValue("Messaging:ConcurrentMessageLimit", 8);
        builder.Services.AddHealthChecks().AddBrokerReachability(broker);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // The bus's receive endpoints show in /health/ready; a broker outage makes them Degraded.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "masstransit-bus";
                health.Tags.Add(HealthSetup.ReadyTag);
            });
            consumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue();
                endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2_000, 5_000));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port), vhost, host =>
                {
                    host.Username(user);
                    host.Password(password);
                });
                rabbit.PrefetchCount = concurrency * 2;
                rabbit.ConcurrentMessageLimit = concurrency;
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Publishes the integration events of <paramref name="map"/> from the event store (see
    /// <see cref="IntegrationEventPublisher"/>).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, Action<IntegrationEventMap> map)
    {
        var integrationEvents = new IntegrationEventMap();
        map(integrationEvents);
        marten.Services.AddSingleton(integrationEvents);
        marten.AddSubscriptionWithServices<IntegrationEventPublisher>(ServiceLifetime.Singleton,
            options => options.Options.BatchSize = 200);
        return marten;
    }

    /// <summary>Stores the processed-message records of <see cref="IdempotentConsumer{TMessage}"/>.</summary>
    public static StoreOptions RegisterIdempotentConsumers(this StoreOptions options)
    {
        options.Schema.For<ProcessedMessage>();
        return options;
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        var parts = broker.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
