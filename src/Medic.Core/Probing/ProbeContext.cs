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

    /// <summary>The check's argument when it gives one, else the component's setting of the same name.</summary>
    public IReadOnlyList<string> GetStringsOrSetting(string name) =>
        Args.ContainsKey(name) ? GetStrings(name) : Component.GetStrings(name);

    /// <summary>Paths from the argument or the setting, resolved against the system file's folder, without blanks or repeats.</summary>
    public List<string> GetPaths(string name) =>
        [.. GetStringsOrSetting(name).Where(p => p.Length > 0).Select(Component.ResolvePath).Distinct(StringComparer.Ordinal)];
}
