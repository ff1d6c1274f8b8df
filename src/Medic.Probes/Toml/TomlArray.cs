using System.Text.Json.Nodes;

namespace Medic.Probes.Toml;

/// <summary>A TOML array: a static <c>[ … ]</c> value, or an array of tables built by <c>[[header]]</c> lines.</summary>
public sealed class TomlArray : TomlNode
{
    private readonly List<TomlNode> _items = [];

    internal TomlArray(bool ofTables, LineMap lines, int index)
        : base(lines, index)
    {
        IsArrayOfTables = ofTables;
    }

    public override TomlValueKind Kind => TomlValueKind.Array;

    public IReadOnlyList<TomlNode> Items => _items;

    public int Count => _items.Count;

    public TomlNode this[int index] => _items[index];

    /// <summary>True for an array built by <c>[[header]]</c> lines, which later headers may append to.</summary>
    public bool IsArrayOfTables { get; private set; }

    public override JsonArray ToJson()
    {
        var a = new JsonArray();
        foreach (var item in _items)
        {
            a.Add(item.ToJson());
        }

        return a;
    }

    internal void Add(TomlNode item) => _items.Add(item);

    internal void Freeze()
    {
        IsArrayOfTables = false;
        foreach (var item in _items)
        {
            switch (item)
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
