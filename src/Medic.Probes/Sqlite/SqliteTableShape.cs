namespace Medic.Probes.Sqlite;

/// <summary>
/// A table's structure in a form two nodes can be compared by: each column as
/// <c>name TYPE [NOT NULL] [DEFAULT x] [PRIMARY KEY n]</c>, the type upper-cased with its spaces collapsed.
/// </summary>
internal sealed record SqliteTableShape(string Name, IReadOnlyList<string> Columns)
{
    public static IReadOnlyDictionary<string, SqliteTableShape> Read(SqliteReadSession session, IReadOnlyList<string> exclude, CancellationToken cancellationToken)
    {
        var tables = session.Query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", cancellationToken);
        var shapes = new Dictionary<string, SqliteTableShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in tables.Select(r => r[0] ?? "").Where(n => !exclude.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            var columns = session.TableInfo(name, cancellationToken)
                .Select(Describe)
                .ToList();
            shapes[name] = new SqliteTableShape(name, columns);
        }

        return shapes;
    }

    /// <summary>One <c>table_info</c> row (cid, name, type, notnull, dflt_value, pk) as text.</summary>
    private static string Describe(string?[] row)
    {
        var type = string.Join(' ', (row[2] ?? "").ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var text = row[1] + (type.Length > 0 ? " " + type : "");
        if (row[3] == "1")
        {
            text += " NOT NULL";
        }

        if (row[4] is { } defaultValue)
        {
            text += " DEFAULT " + defaultValue;
        }

        if (row[5] is { } pk && pk != "0")
        {
            text += " PRIMARY KEY" + (pk == "1" ? "" : " " + pk);
        }

        return text;
    }
}
