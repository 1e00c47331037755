using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ordre.ServiceDefaults.Health;

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
        var broker = BrokerAddress.From(builder.Configuration);
        // Each service connects as its own RabbitMQ user, whose permissions let it publish only its own
        // integration events (docs/security.md): no user in the address is an error, never a fallback to guest.
        // Checked when the host starts rather than here, so that one-shot commands that build the host
        // without starting it (the Tableau's import-demo-register) need no broker credentials.
        builder.Services.AddOptions<BrokerCredentialsCheck>()
            .Validate(_ => broker.HasCredentials, broker.MissingCredentialsMessage(serviceName))
            .ValidateOnStart();
        var concurrency = builder.Configuration.GetValue("Messaging:ConcurrentMessageLimit", 8);
        builder.Services.AddHealthChecks().AddBrokerReachability(broker.Uri);

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
                // A message that exhausts its retries moves to the endpoint's _error queue with the exception in
                // its headers. No Fault<T> is published as well: nothing consumes one, and publishing it would
                // need write permission on shared MassTransit:Fault exchanges (docs/security.md).
                endpoint.PublishFaults = false;
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.User);
                    host.Password(broker.Password);
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

    /// <summary>Options type that carries nothing: it exists to fail the host's start (ValidateOnStart).</summary>
    internal sealed class BrokerCredentialsCheck;
}
