using System.Text.Json.Nodes;
using Medic.Core.Systems;

namespace Medic.Core.Probing;

/// <summary>Everything a probe may use: the component it examines, its arguments, its time budget and the clock.</summary>
public sealed record ProbeContext(Component Component, JsonObject Args, TimeSpan Timeout, TimeProvider Time)
{
    // Shared by copies made with `with`, so a probe that hands a changed context to another still reports here.
    private readonly TargetSlot _target = new();

    /// <summary>The target the probe last reported with <see cref="ReportTarget"/>, or null.</summary>
    public ProbeTarget? Target => Volatile.Read(ref _target.Value);

    /// <summary>
    /// Tells the engine what the probe aims at and what it knows so far (a copy is kept, so the probe may go on
    /// changing <paramref name="data"/>). Call it before the first wait on the target: should the engine's timeout
    /// end the probe first, the observation still names the target and carries this data.
    /// </summary>
    public void ReportTarget(string display, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Volatile.Write(ref _target.Value, new ProbeTarget(display, (JsonObject)data.DeepClone()));
    }

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

    private sealed class TargetSlot
    {
        public ProbeTarget? Value;
    }
}
