namespace Medic.Probes.Redis.Resp;

/// <summary>One decoded RESP2 reply. Null bulk strings and null arrays have <see cref="IsNull"/> set.</summary>
internal sealed record RespValue(RespType Type, string? Text = null, long Integer = 0, IReadOnlyList<RespValue>? Items = null)
{
    public bool IsNull => Type is RespType.BulkString or RespType.Array && Text is null && Items is null;

    public bool IsError => Type == RespType.Error;

    public static RespValue Simple(string text) => new(RespType.SimpleString, text);

    public static RespValue Error(string text) => new(RespType.Error, text);

    public static RespValue Number(long n) => new(RespType.Integer, Integer: n);

    public static RespValue Bulk(string? text) => new(RespType.BulkString, text);

    public static RespValue Array(IReadOnlyList<RespValue>? items) => new(RespType.Array, Items: items);

    /// <summary>The value as text: strings as they are, integers in invariant form, null otherwise.</summary>
    public string? AsText() => Type switch
    {
        RespType.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespType.Array => null,
        _ => Text,
    };

    public override string ToString() => Type switch
    {
        RespType.Array => Items is null ? "(nil array)" : $"[{string.Join(", ", Items)}]",
        RespType.Integer => $"(integer) {Integer}",
        RespType.Error => $"(error) {Text}",
        _ => Text ?? "(nil)",
    };
}
