using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;

namespace Medic.Core.Systems;

/// <summary>
/// A loaded system as JSON, with every secret value masked, so a bundle can carry it and an offline run can plan
/// the same probe requests without the environment the live run had.
/// </summary>
public static class SystemJson
{
    public static JsonObject ToJson(SystemDefinition system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new JsonObject
        {
            ["system"] = system.Name,
            ["packs"] = new JsonArray([.. system.Packs.Select(p => JsonValue.Create(p))]),
            ["source_file"] = system.SourceFile,
            ["components"] = new JsonArray([.. system.Components.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["kind"] = c.Kind,
                ["settings"] = Settings(c, system.Secrets),
                ["base_directory"] = c.BaseDirectory,
                ["line"] = c.Position.Line,
                ["column"] = c.Position.Column,
            })]),
        };
    }

    /// <summary>Reads a system back; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static SystemDefinition FromJson(JsonNode? node)
    {
        if (node is not JsonObject o || Text(o, "system") is not { } name || o["components"] is not JsonArray components)
        {
            throw new FormatException("the system description needs 'system' and 'components'");
        }

        var file = Text(o, "source_file") ?? "medic.yaml";
        var packs = o["packs"] is JsonArray p ? p.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0).ToList() : [];
        var list = new List<Component>();
        foreach (var c in components)
        {
            if (c is not JsonObject co || Text(co, "name") is not { } cname || Text(co, "kind") is not { } kind || co["settings"] is not JsonObject settings)
            {
                throw new FormatException("a component needs 'name', 'kind' and 'settings'");
            }

            var line = co["line"] is JsonValue l && l.TryGetValue<int>(out var li) ? li : 1;
            var column = co["column"] is JsonValue cl && cl.TryGetValue<int>(out var ci) ? ci : 1;
            list.Add(new Component(cname, kind, (JsonObject)settings.DeepClone(), Text(co, "base_directory") ?? "/", new SourcePosition(file, line, column)));
        }

        return new SystemDefinition(name, packs, list, file, new SecretSet());
    }

    private static JsonObject Settings(Component component, SecretSet secrets)
    {
        var masked = ComponentScope.ToJson(component, secrets);
        masked.Remove("name");
        masked.Remove("kind");
        return masked;
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
