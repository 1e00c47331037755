using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ordre.ServiceDefaults.Observability;

/// <summary>
/// Traces and metrics for ASP.NET Core, HttpClient, Npgsql, Marten and MassTransit. They leave the process only when
/// OTEL_EXPORTER_OTLP_ENDPOINT names a collector; without one, spans are not even recorded: every request and every
/// SQL command would otherwise build a span that nothing reads (measured on the gateway's hop, docs/benchmarks.md).
/// Problem details then carry the request's own identifier as their traceId.
/// </summary>
public static class TelemetrySetup
{
    public static IHostApplicationBuilder AddOrdreTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter("Marten")
                .AddMeter(InstrumentationOptions.MeterName));
        if (!exported)
            return builder;
        otel.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Marten")
                .AddSource(DiagnosticHeaders.DefaultListenerName))
            .UseOtlpExporter();
        return builder;
    }
}
