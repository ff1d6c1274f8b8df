using System.Text.Json.Nodes;
using Medic.Core.Systems;

namespace Medic.Core.Probing;

/// <summary>Everything a probe may use: the component it examines, its arguments, its time budget and the clock.</summary>
public sealed record ProbeContext(Component Component, JsonObject Args, TimeSpan Timeout, TimeProvider Time)
{
    public string? GetString(string name) =>
        Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Args[name]?.ToString();

    public long? GetInt(string name) => Args[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var p) => p,
        _ => null,
    };

    public bool? GetBool(string name) => Args[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) => p,
        _ => null,
    };

    public IReadOnlyList<string> GetStrings(string name) => Args[name] switch
    {
        JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
        JsonValue v => [v.ToString()],
        _ => [],
    };
}
