namespace Medic.Probes.Tests.Jwt;

/// <summary>A clock that reads one instant, so expiry arithmetic can be asserted exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static DateTimeOffset Noon { get; } = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
