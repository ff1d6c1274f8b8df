using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Knowledge.Runbooks;

internal sealed partial class RunbookReader
{
    private static readonly string[] CheckKeys = ["probe", "component", "args", "timeout", "optional"];

    private List<Check> ReadChecks(YamlMap root, List<string> appliesTo)
    {
        var checks = new List<Check>();
        var node = root.Get("checks", required: !OnlyManualCauses(root));
        if (node is null || YamlMap.From(file, node, errors, "'checks'") is not { } map)
        {
            return checks;
        }

        foreach (var (key, value) in map.Entries)
        {
            var name = key.Value ?? "";
            if (!RunbookLoader.CheckName().IsMatch(name) || name == ComponentRoot)
            {
                Error(key, $"check name '{name}' must be an identifier (letters, digits, '_') other than '{ComponentRoot}'");
                continue;
            }

            if (ReadCheck(name, key, value, appliesTo) is { } check)
            {
                checks.Add(check);
            }
        }

        if (checks.Count == 0 && map.Entries.Any() is false)
        {
            Error(node, "'checks' is empty: a runbook needs at least one check");
        }

        return checks;
    }

    /// <summary>A runbook whose causes are all manual is knowledge only and needs no checks.</summary>
    private static bool OnlyManualCauses(YamlMap root) =>
        root.Get("causes") is YamlSequenceNode { Children.Count: > 0 } causes
        && causes.Children.All(c => c is YamlMappingNode m
            && m.Children.TryGetValue(new YamlScalarNode("manual"), out var v)
            && v is YamlScalarNode { Value: "true" });

    /// <summary>Every check name the runbook declares, even one whose probe is unknown, so conditions naming it get no second error.</summary>
    private static List<string> DeclaredChecks(YamlMap root) =>
        root.Get("checks") is YamlMappingNode map
            ? [.. map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(n => n != ComponentRoot)]
            : [];

    private Check? ReadCheck(string name, YamlScalarNode key, YamlNode value, List<string> appliesTo)
    {
        var map = YamlMap.From(file, value, errors, $"check '{name}'");
        if (map is null)
        {
            return null;
        }

        map.RejectUnknown("check field", CheckKeys);
        var probeNode = map.Scalar("probe", required: true);
        var probe = probeNode is null ? null : probes.Find(probeNode.Value ?? "");
        if (probeNode is not null && probe is null)
        {
            var hint = Suggest.Nearest(probeNode.Value ?? "", probes.All.Select(p => p.Name));
            map.Error(probeNode, $"unknown probe '{probeNode.Value}'" + (hint is null ? "" : $" (did you mean '{hint}'?)"));
        }

        var target = map.Scalar("component");
        var targetKind = target is null ? appliesTo.FirstOrDefault() : kinds.Find(target.Value ?? "")?.Name;
        if (probe is not null && targetKind is not null && !probe.Kinds.Contains(targetKind, StringComparer.OrdinalIgnoreCase))
        {
            map.Error(target ?? probeNode!, $"probe '{probe.Name}' does not examine '{targetKind}' components (it examines: {string.Join(", ", probe.Kinds)})");
        }

        TimeSpan? timeout = null;
        if (map.Scalar("timeout") is { } t)
        {
            if (Quantities.TryParseDuration(t.Value ?? "", out var d) && d > TimeSpan.Zero)
            {
                timeout = d;
            }
            else
            {
                map.Error(t, "'timeout' must be a duration such as 500ms or 5s");
            }
        }

        var optional = map.Scalar("optional") is { } o && ReadBool(map, o, "optional");
        var args = ReadArgs(map, probe);
        return probe is null ? null : new Check(name, probe.Name, target?.Value, args, timeout, optional, file.PositionOf(key));
    }

    private JsonObject ReadArgs(YamlMap check, IProbe? probe)
    {
        var node = check.Get("args");
        if (node is null)
        {
            if (probe is not null)
            {
                foreach (var p in probe.Parameters.Where(p => p.Required))
                {
                    check.Error(check.Node, $"probe '{probe.Name}' needs argument '{p.Name}'");
                }
            }

            return [];
        }

        var map = YamlMap.From(file, node, errors, "'args'");
        if (map is null)
        {
            return [];
        }

        if (probe is not null)
        {
            map.RejectUnknown($"argument for probe '{probe.Name}'", [.. probe.Parameters.Select(p => p.Name)]);
            foreach (var p in probe.Parameters.Where(p => p.Required && !map.Has(p.Name)))
            {
                map.Error(node, $"probe '{probe.Name}' needs argument '{p.Name}'");
            }
        }

        foreach (var scalar in Scalars(node))
        {
            CheckTemplate(scalar, allowed: [ComponentRoot], what: "argument");
        }

        return (JsonObject)YamlJson.ToJson(node)!;
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode s => [s],
        YamlSequenceNode seq => seq.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    private Template? CheckTemplate(YamlScalarNode node, IReadOnlyCollection<string> allowed, string what)
    {
        if (!Template.TryParse(node.Value ?? "", out var template, out var error))
        {
            errors.Add(new InputError(file.PositionInScalar(node, error.Line, error.Column), $"in {what}: {error.Message}"));
            return null;
        }

        CheckRoots(node, template.Roots, allowed, what);
        return template;
    }

    private void CheckRoots(YamlScalarNode node, IEnumerable<RootReference> roots, IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var root in roots.Where(r => !allowed.Contains(r.Name)))
        {
            var hint = Suggest.Nearest(root.Name, allowed);
            errors.Add(new InputError(
                file.PositionInScalar(node, root.Line, root.Column),
                $"unknown check '{root.Name}' in {what}" + (hint is null ? $" (known: {string.Join(", ", allowed)})" : $" (did you mean '{hint}'?)")));
        }
    }

    private bool ReadBool(YamlMap map, YamlScalarNode node, string key)
    {
        if (bool.TryParse(node.Value, out var b))
        {
            return b;
        }

        map.Error(node, $"'{key}' must be true or false");
        return false;
    }
}
