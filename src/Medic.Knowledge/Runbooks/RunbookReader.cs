using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Knowledge.Runbooks;

/// <summary>Reads one runbook document, recording every problem in <c>errors</c>; returns null if it cannot be built.</summary>
internal sealed partial class RunbookReader(YamlFile file, string pack, List<InputError> errors, ProbeRegistry probes, KindRegistry kinds)
{
    /// <summary>Names every condition may use besides the check names.</summary>
    internal const string ComponentRoot = "component";

    private int _errorsBefore;

    public Runbook? Read(YamlNode rootNode)
    {
        _errorsBefore = errors.Count;
        var root = YamlMap.From(file, rootNode, errors, "a runbook");
        if (root is null)
        {
            return null;
        }

        root.RejectUnknown("runbook field", RunbookLoader.RunbookKeys);
        var id = root.String("id", required: true) ?? "";
        if (id.Length > 0 && !RunbookLoader.RunbookId().IsMatch(id))
        {
            root.Error(root.Scalar("id")!, $"runbook id '{id}' must be lower-case dotted words, e.g. 'sqlite.database-locked'");
        }

        var title = root.String("title", required: true) ?? "";
        var appliesTo = ReadAppliesTo(root);
        var symptoms = ReadSymptoms(root);
        var refs = root.Scalars("refs").Select(s => s.Value ?? "").ToList();
        var checks = ReadChecks(root, appliesTo);
        var causes = ReadCauses(root, DeclaredChecks(root), refs);

        return errors.Count > _errorsBefore
            ? null
            : new Runbook(id, title, pack, appliesTo, root.String("description") ?? "", symptoms, checks, causes, file.PositionOf(rootNode));
    }

    private List<string> ReadAppliesTo(YamlMap root)
    {
        var list = new List<string>();
        var nodes = root.Scalars("applies_to", required: true);
        if (root.Has("applies_to") && nodes.Count == 0)
        {
            root.Error(root.Get("applies_to")!, "'applies_to' names at least one component kind");
        }

        foreach (var node in nodes)
        {
            var kind = kinds.Find(node.Value ?? "");
            if (kind is null)
            {
                var hint = Suggest.Nearest(node.Value ?? "", kinds.All.Select(k => k.Name));
                root.Error(node, $"unknown component kind '{node.Value}'" + (hint is null ? "" : $" (did you mean '{hint}'?)"));
            }
            else
            {
                list.Add(kind.Name);
            }
        }

        return list;
    }

    private List<Symptom> ReadSymptoms(YamlMap root)
    {
        var symptoms = new List<Symptom>();
        var node = root.Get("symptoms");
        if (node is null)
        {
            return symptoms;
        }

        if (node is not YamlSequenceNode seq)
        {
            root.Error(node, "'symptoms' must be a list of strings or {regex: ...} entries");
            return symptoms;
        }

        foreach (var item in seq.Children)
        {
            switch (item)
            {
                case YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value):
                    symptoms.Add(new Symptom(s.Value!, null));
                    break;
                case YamlMappingNode m when new YamlMap(file, m, errors) is var map:
                    map.RejectUnknown("symptom field", ["regex"]);
                    if (map.Scalar("regex", required: true) is { } rx)
                    {
                        try
                        {
                            symptoms.Add(new Symptom(rx.Value ?? "", new Regex(rx.Value ?? "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))));
                        }
                        catch (ArgumentException e)
                        {
                            map.Error(rx, $"invalid regex: {e.Message}");
                        }
                    }

                    break;
                default:
                    root.Error(item, "a symptom is a string or {regex: ...}");
                    break;
            }
        }

        return symptoms;
    }

    private void Error(YamlNode node, string message) => errors.Add(new InputError(file.PositionOf(node), message));
}
