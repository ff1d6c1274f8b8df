using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Core.Systems;

/// <summary>
/// Loads <c>medic.yaml</c>: validates everything first and throws one <see cref="InputException"/> listing every
/// error with file:line:column (unknown kind or key, missing field, bad URL, unset variable, wrong type).
/// </summary>
public sealed partial class SystemFileLoader(KindRegistry kinds, Func<string, string?>? environment = null)
{
    private static readonly string[] TopLevelKeys = ["system", "packs", "components", "description"];
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public SystemDefinition Load(string path) => Parse(YamlFile.Load(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

    public SystemDefinition Parse(YamlFile file, string baseDirectory)
    {
        var errors = new List<InputError>();
        var secrets = new SecretSet();
        if (file.Documents.Count != 1)
        {
            throw new InputException(SourcePosition.Start(file.Path), "a system file holds exactly one YAML document");
        }

        var root = YamlMap.From(file, file.Documents[0].RootNode, errors, "the system file");
        if (root is null)
        {
            throw new InputException(errors);
        }

        root.RejectUnknown("top-level key", TopLevelKeys);
        var name = root.String("system", required: true) ?? "";
        if (name.Length > 0 && !NamePattern().IsMatch(name))
        {
            root.Error(root.Scalar("system")!, $"system name '{name}' may hold only letters, digits, '.', '_' and '-'");
        }

        var packs = root.Scalars("packs").Select(s => s.Value ?? "").Where(p => p.Length > 0).ToList();
        var components = new List<Component>();
        var componentsNode = root.Get("components", required: true);
        if (componentsNode is not null && YamlMap.From(file, componentsNode, errors, "'components'") is { } map)
        {
            if (!map.Entries.Any())
            {
                map.Error(componentsNode, "'components' is empty: name at least one component");
            }

            foreach (var (key, value) in map.Entries)
            {
                if (ReadComponent(file, key, value, baseDirectory, errors, secrets) is { } c)
                {
                    components.Add(c);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException([.. errors.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column)]);
        }

        return new SystemDefinition(name, packs, components, file.Path, secrets);
    }

    private Component? ReadComponent(YamlFile file, YamlScalarNode key, YamlNode value, string baseDirectory, List<InputError> errors, SecretSet secrets)
    {
        var name = key.Value ?? "";
        if (!NamePattern().IsMatch(name))
        {
            errors.Add(new InputError(file.PositionOf(key), $"component name '{name}' may hold only letters, digits, '.', '_' and '-'"));
        }

        var map = YamlMap.From(file, value, errors, $"component '{name}'");
        if (map is null)
        {
            return null;
        }

        var kindName = map.String("kind", required: true);
        if (kindName is null)
        {
            return null;
        }

        var kind = kinds.Find(kindName);
        if (kind is null)
        {
            var hint = Suggest.Nearest(kindName, kinds.All.Select(k => k.Name));
            map.Error(map.Scalar("kind")!, $"unknown component kind '{kindName}'" +
                (hint is null ? $" (known kinds: {string.Join(", ", kinds.All.Select(k => k.Name))})" : $" (did you mean '{hint}'?)"));
            return null;
        }

        map.RejectUnknown($"setting for kind '{kind.Name}'", [.. kind.Settings.Select(s => s.Name), "kind", ComponentKind.Timeout.Name]);
        var settings = new JsonObject();
        var reader = new SettingReader(file, errors, secrets, _environment);
        foreach (var spec in kind.Settings.Append(ComponentKind.Timeout))
        {
            var node = map.Get(spec.Name, spec.Required);
            if (node is not null && reader.Read(spec, node, kind.Name) is { } json)
            {
                settings[spec.Name] = json;
            }
        }

        return new Component(name, kind.Name, settings, baseDirectory, file.PositionOf(key));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
