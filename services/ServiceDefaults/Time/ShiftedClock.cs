using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ordre.ServiceDefaults.Time;

/// <summary>
/// The system clock, moved forward by <c>Clock:ShiftDays</c> days when that setting is present. It exists so that a
/// system test or a demonstration can see a date-driven rule happen across processes (a ban starting tomorrow, ending
/// in a month) by restarting a service with its clock moved, instead of waiting. Never set in production: the
/// service logs a warning at start when it is.
/// </summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; } = shift;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
    public override long TimestampFrequency => System.TimestampFrequency;
    public override long GetTimestamp() => System.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    /// <summary>The service's clock from configuration: the system clock, or a shifted one.</summary>
    public static TimeProvider From(IConfiguration configuration) =>
        configuration.GetValue("Clock:ShiftDays", 0) is var days and not 0 ? new ShiftedClock(TimeSpan.FromDays(days)) : System;

    public static void WarnIfShifted(TimeProvider clock, ILogger logger)
    {
        if (clock is ShiftedClock shifted)
            logger.LogWarning("Clock shifted by {Shift} (Clock:ShiftDays): business dates are not today's", shifted.Shift);
    }
}
