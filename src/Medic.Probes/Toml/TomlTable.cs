using System.Text.Json.Nodes;

namespace Medic.Probes.Toml;

/// <summary>A TOML table: keys in document order.</summary>
public sealed class TomlTable : TomlNode
{
    private readonly OrderedDictionary<string, TomlNode> _entries = new(StringComparer.Ordinal);

    internal TomlTable(TableOrigin origin, LineMap lines, int index)
        : base(lines, index)
    {
        Origin = origin;
    }

    public override TomlValueKind Kind => TomlValueKind.Table;

    public IReadOnlyDictionary<string, TomlNode> Entries => _entries;

    public int Count => _entries.Count;

    public TomlNode? this[string key] => _entries.GetValueOrDefault(key);

    internal TableOrigin Origin { get; private set; }

    public bool TryGetValue(string key, out TomlNode value) => _entries.TryGetValue(key, out value!);

    public override JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (key, value) in _entries)
        {
            o[key] = value.ToJson();
        }

        return o;
    }

    internal void Add(string key, TomlNode value) => _entries.Add(key, value);

    /// <summary>An implicit table gets its own header, or is taken over by dotted keys.</summary>
    internal void Define(TableOrigin origin, int index)
    {
        Origin = origin;
        MoveTo(index);
    }

    /// <summary>Marks this table and every table below it as inline, so nothing can add to them.</summary>
    internal void Freeze()
    {
        Origin = TableOrigin.Inline;
        foreach (var value in _entries.Values)
        {
            switch (value)
            {
                case TomlTable t:
                    t.Freeze();
                    break;
                case TomlArray a:
                    a.Freeze();
                    break;
            }
        }
    }
}
