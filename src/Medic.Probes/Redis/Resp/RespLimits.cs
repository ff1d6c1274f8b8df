namespace Medic.Probes.Redis.Resp;

/// <summary>
/// Bounds on what a reply may make us hold, so a hostile or broken server cannot exhaust memory or the stack.
/// The defaults fit a large CLIENT LIST or INFO with room to spare.
/// </summary>
internal sealed record RespLimits(
    int MaxBulkLength = 8 * 1024 * 1024,
    int MaxArrayLength = 100_000,
    int MaxElements = 500_000,
    int MaxDepth = 8,
    int MaxLineLength = 64 * 1024,
    int MaxReplyBytes = 16 * 1024 * 1024,
    long MaxConnectionBytes = 64L * 1024 * 1024)
{
    public static RespLimits Default { get; } = new();
}
