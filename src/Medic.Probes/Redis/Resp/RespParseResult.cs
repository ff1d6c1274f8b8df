namespace Medic.Probes.Redis.Resp;

/// <summary>
/// The outcome of one parse attempt: a complete <see cref="Value"/> and the bytes it used, or (when
/// <see cref="Value"/> is null) the buffer length needed before another attempt can get further.
/// </summary>
internal readonly record struct RespParseResult(RespValue? Value, int Consumed, int Needed)
{
    public bool IsComplete => Value is not null;
}
