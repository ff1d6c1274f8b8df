using System.Text.Json.Nodes;

namespace Medic.Probes.Toml;

/// <summary>A parsed TOML document: its root table, its JSON form, and the TOML type of every key.</summary>
public sealed class TomlDocument
{
    internal TomlDocument(TomlTable root)
    {
        Root = root;
    }

    public TomlTable Root { get; }

    /// <summary>A fresh JSON copy of the document (see <see cref="TomlNode.ToJson"/> for how values map).</summary>
    public JsonObject ToJson() => Root.ToJson();

    /// <summary>The node at a path of keys; an array element is addressed by its index as text (<c>"0"</c>).</summary>
    public TomlNode? Find(IEnumerable<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        TomlNode? node = Root;
        foreach (var segment in path)
        {
            node = node switch
            {
                TomlTable t => t[segment],
                TomlArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// The node at a dotted path such as <c>server.port</c> or <c>servers.0.name</c>. Keys that contain dots
    /// need <see cref="Find(IEnumerable{string})"/>.
    /// </summary>
    public TomlNode? Find(string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        return dottedPath.Length == 0 ? Root : Find(dottedPath.Split('.'));
    }

    /// <summary>The TOML type at a dotted path, or null when nothing is there.</summary>
    public TomlValueKind? KindOf(string dottedPath) => Find(dottedPath)?.Kind;

    public TomlValueKind? KindOf(IEnumerable<string> path) => Find(path)?.Kind;
}
