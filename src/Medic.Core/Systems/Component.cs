using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Core.Systems;

/// <summary>
/// One component of a system: a name, a kind and its settings (already interpolated and validated against the kind).
/// Relative paths in settings resolve against <see cref="BaseDirectory"/>, the system file's folder.
/// </summary>
public sealed record Component(string Name, string Kind, JsonObject Settings, string BaseDirectory, SourcePosition Position)
{
    public string? GetString(string key) =>
        Settings[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Settings[key]?.ToString();

    public long? GetInt(string key) =>
        Settings[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public IReadOnlyList<string> GetStrings(string key) => Settings[key] switch
    {
        JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
        JsonValue v => [v.ToString()],
        _ => [],
    };

    /// <summary>Resolves a path setting value against the system file's folder.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
