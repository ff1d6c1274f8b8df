using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

/// <summary>Typed reads over parsed INFO sections; a missing section or key reads as null.</summary>
internal sealed class InfoView(JsonObject sections)
{
    public JsonObject Sections => sections;

    public JsonObject? Section(string name) => sections[name] as JsonObject;

    public long? Long(string section, string key) => AsLong(Section(section)?[key]);

    public double? Double(string section, string key) => Section(section)?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.GetValue<double>()
        : null;

    public string? Text(string section, string key) => Section(section)?[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    /// <summary>A 0/1 flag as a boolean.</summary>
    public bool? Flag(string section, string key) => Long(section, key) is { } n ? n != 0 : null;

    public static long? AsLong(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.TryGetValue<long>(out var n) ? n : (long)v.GetValue<double>()
        : null;

    public static double? Ratio(long? part, long? whole) =>
        part is { } p && whole is { } w && w > 0 ? Math.Round((double)p / w, 4) : null;
}
