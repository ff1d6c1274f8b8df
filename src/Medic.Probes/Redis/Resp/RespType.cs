namespace Medic.Probes.Redis.Resp;

/// <summary>The five RESP2 reply types.</summary>
internal enum RespType
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}
