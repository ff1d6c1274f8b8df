using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>Turns PostgreSQL values and rows into JSON: numbers stay numbers, times become ISO 8601 strings.</summary>
internal static class PgJson
{
    public const int MaxText = 1000;
    private const int MaxArray = 100;

    public static async Task<List<JsonObject>> RowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Row(reader));
        }

        return rows;
    }

    public static JsonObject Row(NpgsqlDataReader reader, IReadOnlyList<string>? names = null)
    {
        var row = new JsonObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[names?[i] ?? reader.GetName(i)] = Value(reader, i);
        }

        return row;
    }

    public static JsonNode? Value(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var type = reader.GetDataTypeName(ordinal);
        try
        {
            var value = reader.GetValue(ordinal);
            return type is "json" or "jsonb" && value is string json ? ParseJson(json) : ToNode(value);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or NotSupportedException)
        {
            return $"(unreadable {type})";
        }
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b,
        short or int or long or byte or sbyte or ushort or uint => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? JsonValue.Create((long)u) : u.ToString(CultureInfo.InvariantCulture),
        float f => Finite(f),
        double d => Finite(d),
        decimal m => m,
        string s => Cap(s),
        char c => c.ToString(),
        DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("o", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("o", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("o", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        byte[] bytes => Cap("\\x" + Convert.ToHexStringLower(bytes.AsSpan(0, Math.Min(bytes.Length, MaxText / 2)))),
        IPAddress ip => ip.ToString(),
        IEnumerable items and not IDictionary => new JsonArray([.. items.Cast<object?>().Take(MaxArray).Select(ToNode)]),
        _ => Cap(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public static string? Cap(string? text, int max = MaxText) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    public static long Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        _ => 0,
    };

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode Finite(double d) => double.IsFinite(d) ? JsonValue.Create(d) : d.ToString(CultureInfo.InvariantCulture);

    private static JsonNode? ParseJson(string json)
    {
        if (json.Length > 100 * MaxText)
        {
            return Cap(json);
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return Cap(json);
        }
    }
}
