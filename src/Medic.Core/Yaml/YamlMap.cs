using Medic.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Medic.Core.Yaml;

/// <summary>Reads a YAML mapping field by field, collecting positioned errors rather than throwing.</summary>
public sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(YamlFile file, YamlMappingNode node, ICollection<InputError> errors)
    {
        File = file;
        Node = node;
        Errors = errors;
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode key || key.Value is null)
            {
                Error(k, "keys must be plain strings");
                continue;
            }

            if (!_entries.TryAdd(key.Value, (key, v)))
            {
                Error(key, $"duplicate key '{key.Value}'");
            }
        }
    }

    public YamlFile File { get; }

    public YamlMappingNode Node { get; }

    public ICollection<InputError> Errors { get; }

    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries => _entries.Values;

    public static YamlMap? From(YamlFile file, YamlNode node, ICollection<InputError> errors, string what)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlMap(file, map, errors);
        }

        errors.Add(new InputError(file.PositionOf(node), $"{what} must be a mapping of keys to values"));
        return null;
    }

    public void Error(YamlNode node, string message) => Errors.Add(new InputError(File.PositionOf(node), message));

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Get(string key, bool required = false)
    {
        if (_entries.TryGetValue(key, out var e))
        {
            return e.Value;
        }

        if (required)
        {
            Errors.Add(new InputError(File.PositionOf(Node), $"missing required field '{key}'"));
        }

        return null;
    }

    public YamlScalarNode? Scalar(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null or YamlScalarNode)
        {
            return (YamlScalarNode?)node;
        }

        Error(node, $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    public string? String(string key, bool required = false)
    {
        var s = Scalar(key, required);
        if (required && s is not null && string.IsNullOrWhiteSpace(s.Value))
        {
            Error(s, $"'{key}' must not be empty");
        }

        return s?.Value;
    }

    /// <summary>A list of scalars; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<YamlScalarNode> Scalars(string key, bool required = false)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode s:
                return [s];
            case YamlSequenceNode seq:
                var list = new List<YamlScalarNode>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode s)
                    {
                        list.Add(s);
                    }
                    else
                    {
                        Error(item, $"items of '{key}' must be single values");
                    }
                }

                return list;
            default:
                Error(node, $"'{key}' must be a list");
                return [];
        }
    }

    /// <summary>Reports every key not in <paramref name="known"/>, suggesting the nearest known key.</summary>
    public void RejectUnknown(string what, params IReadOnlyCollection<string> known)
    {
        foreach (var (key, _) in _entries.Values)
        {
            if (!known.Contains(key.Value!))
            {
                var hint = Suggest.Nearest(key!.Value!, known);
                Error(key, $"unknown {what} '{key.Value}'" + (hint is null ? $" (expected one of: {string.Join(", ", known)})" : $" (did you mean '{hint}'?)"));
            }
        }
    }
}
