using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

public sealed partial class Value
{
    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53

    /// <summary>Wraps JSON: strings stay strings, numbers become Number, arrays List, objects Object.</summary>
    public static Value FromJson(JsonNode? node) => node switch
    {
        null => NullValue,
        JsonObject o => new(ValueKind.Object, obj: o),
        JsonArray a => new(ValueKind.List, array: a),
        JsonValue v => FromJsonValue(v),
        _ => NullValue,
    };

    /// <summary>JSON form: durations as milliseconds (number), sizes as bytes (number).</summary>
    public JsonNode? ToJson() => Kind switch
    {
        ValueKind.Bool => JsonValue.Create(_number != 0),
        ValueKind.Number or ValueKind.Duration or ValueKind.Size => NumberJson(_number),
        ValueKind.String => JsonValue.Create(_string),
        ValueKind.List when _array is not null => JsonClone.Copy(_array),
        ValueKind.List => new JsonArray([.. Items.Select(i => i.ToJson())]),
        ValueKind.Object => JsonClone.Copy(_object),
        _ => null,
    };

    private static JsonValue NumberJson(double n) =>
        Math.Abs(n) < MaxExactInteger && n == Math.Floor(n) ? JsonValue.Create((long)n) : JsonValue.Create(n);

    private static Value FromJsonValue(JsonValue v)
    {
        try
        {
            return v.GetValueKind() switch
            {
                JsonValueKind.String => FromString(v.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(v.ToJsonString())),
                JsonValueKind.Number => FromNumber(ReadNumber(v)),
                JsonValueKind.True => TrueValue,
                JsonValueKind.False => FalseValue,
                JsonValueKind.Object or JsonValueKind.Array => FromJson(JsonNode.Parse(v.ToJsonString())),
                _ => NullValue,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            // A JSON value wrapping a CLR object that does not serialise is treated as absent.
            return NullValue;
        }
    }

    private static double ReadNumber(JsonValue v)
    {
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        if (v.TryGetValue<ulong>(out var ul))
        {
            return ul;
        }

        if (v.TryGetValue<float>(out var f))
        {
            return f;
        }

        return double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
