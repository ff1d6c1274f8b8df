using System.Text.Json.Nodes;

namespace Medic.Probes.Sqlite;

/// <summary>
/// Where nodes' table structures disagree. The first node is the reference: for every table some node has, each node
/// lists the columns it has that the reference lacks (<c>extra_columns</c>) and those it lacks (<c>missing_columns</c>),
/// or <c>has_table: false</c>; a table whose columns match but in another order says <c>order_differs</c>.
/// </summary>
internal static class SqliteSchemaDiff
{
    public static JsonArray Compare(IReadOnlyList<(string Path, IReadOnlyDictionary<string, SqliteTableShape> Tables)> nodes)
    {
        var differences = new JsonArray();
        if (nodes.Count < 2)
        {
            return differences;
        }

        var names = nodes.SelectMany(n => n.Tables.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var shapes = nodes.Select(n => (n.Path, Shape: n.Tables.GetValueOrDefault(name))).ToList();
            var reference = shapes[0].Shape?.Columns ?? [];
            var differs = shapes.Any(s => s.Shape is null)
                || shapes.Any(s => !s.Shape!.Columns.SequenceEqual(reference, StringComparer.Ordinal));
            if (!differs)
            {
                continue;
            }

            var perNode = new JsonArray();
            foreach (var (path, shape) in shapes)
            {
                var columns = shape?.Columns ?? [];
                perNode.Add(new JsonObject
                {
                    ["path"] = path,
                    ["has_table"] = shape is not null,
                    ["columns"] = Strings(columns),
                    ["extra_columns"] = Strings(shape is null ? [] : columns.Except(reference, StringComparer.Ordinal)),
                    ["missing_columns"] = Strings(shape is null ? [] : reference.Except(columns, StringComparer.Ordinal)),
                });
            }

            var sameSets = shapes.All(s => s.Shape is not null && s.Shape.Columns.Order(StringComparer.Ordinal).SequenceEqual(reference.Order(StringComparer.Ordinal), StringComparer.Ordinal));
            differences.Add(new JsonObject
            {
                ["table"] = shapes.First(s => s.Shape is not null).Shape!.Name,
                ["nodes"] = perNode,
                ["order_differs"] = sameSets,
                ["summary"] = Summary(name, shapes, reference, sameSets),
            });
        }

        return differences;
    }

    /// <summary>One line a person can read: which node has which columns the reference does not, and the reverse.</summary>
    private static string Summary(string table, List<(string Path, SqliteTableShape? Shape)> shapes, IReadOnlyList<string> reference, bool orderOnly)
    {
        if (orderOnly)
        {
            return $"table {table} has the same columns in another order on " + string.Join(", ", shapes.Skip(1).Where(s => !s.Shape!.Columns.SequenceEqual(reference)).Select(s => s.Path));
        }

        var parts = new List<string>();
        foreach (var (path, shape) in shapes)
        {
            if (shape is null)
            {
                parts.Add($"{path} has no table {table}");
                continue;
            }

            var extra = shape.Columns.Except(reference, StringComparer.Ordinal).ToList();
            var missing = reference.Except(shape.Columns, StringComparer.Ordinal).ToList();
            if (shapes[0].Shape is null || ReferenceEquals(shape, shapes[0].Shape))
            {
                continue;
            }

            if (extra.Count > 0)
            {
                parts.Add($"{path} has [{string.Join(", ", extra)}]");
            }

            if (missing.Count > 0)
            {
                parts.Add($"{path} lacks [{string.Join(", ", missing)}]");
            }
        }

        return $"table {table} differs from {shapes[0].Path}: {string.Join("; ", parts)}";
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
