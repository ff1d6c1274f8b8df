namespace Medic.Probes.Redis;

/// <summary>Where a probe's conversation with the server has got to, so a failure or timeout can say at which step.</summary>
internal sealed class RedisTrace
{
    public string Stage { get; set; } = "connect";
}
