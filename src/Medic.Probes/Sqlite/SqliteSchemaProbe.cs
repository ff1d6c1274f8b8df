using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Sqlite;

/// <summary>
/// <c>sqlite.schema</c>: tables with their columns, indexes, triggers (with their SQL, the NEW./OLD. columns they use
/// and those the table no longer has) and views; row counts for named tables; optionally <c>PRAGMA foreign_key_check</c>.
/// </summary>
public sealed partial class SqliteSchemaProbe : IProbe
{
    public string Name => "sqlite.schema";

    public string Description => "tables (with columns), indexes, triggers (SQL, columns used, columns gone) and views of a SQLite file; row counts of the tables named; foreign key violations on request";

    /// <summary>At most this many <c>foreign_key_check</c> rows are returned (the count says whether there were more).</summary>
    public const int MaxViolations = 100;

    public IReadOnlyList<string> Kinds { get; } = ["sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("tables", ParameterType.StringList, Description: "tables whose rows to count (counting reads the whole table)"),
        new("foreign_key_check", ParameterType.Bool, Description: "run PRAGMA foreign_key_check (reads every child table; first 100 violations)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        if (SqliteFileReader.PathOf(context, out var invalid) is not { } path)
        {
            return invalid!;
        }

        var counted = context.GetStrings("tables").Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var checkForeignKeys = context.GetBool("foreign_key_check") == true;
        var (data, failure) = SqliteFileReader.Read(
            path, context.Timeout, s => Read(s, counted, checkForeignKeys, cancellationToken), e => e.Message, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        data!["path"] = path;
        return ProbeResult.Ok(data);
    }

    private static JsonObject Read(SqliteReadSession session, IReadOnlySet<string> counted, bool checkForeignKeys, CancellationToken cancellationToken)
    {
        var objects = session.Query(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
            cancellationToken);
        var tables = new JsonArray();
        var indexes = new JsonArray();
        var triggers = new JsonArray();
        var views = new JsonArray();
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in objects)
        {
            var (type, name, table) = (row[0], row[1] ?? "", row[2]);
            switch (type)
            {
                case "table":
                    found.Add(name);
                    tables.Add(new JsonObject
                    {
                        ["name"] = name,
                        ["columns"] = Columns(session, name, cancellationToken),
                        ["row_count"] = counted.Contains(name)
                            ? session.Number($"SELECT count(*) FROM {SqliteReadSession.Quote(name)}", cancellationToken)
                            : null,
                    });
                    break;
                case "index":
                    indexes.Add(new JsonObject { ["name"] = name, ["table"] = table });
                    break;
                case "trigger":
                    triggers.Add(new JsonObject { ["name"] = name, ["table"] = table, ["sql"] = row[3] });
                    break;
                case "view":
                    views.Add(new JsonObject { ["name"] = name, ["columns"] = Columns(session, name, cancellationToken) });
                    break;
                default:
                    break;
            }
        }

        foreach (var trigger in triggers.OfType<JsonObject>())
        {
            DescribeColumnUse(trigger, tables);
        }

        var result = new JsonObject
        {
            ["tables"] = tables,
            ["indexes"] = indexes,
            ["triggers"] = triggers,
            ["views"] = views,
            ["missing_tables"] = new JsonArray([.. counted.Where(t => !found.Contains(t)).Order(StringComparer.Ordinal).Select(t => (JsonNode?)t)]),
        };
        if (checkForeignKeys)
        {
            var rows = session.Query("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check", cancellationToken, MaxViolations + 1);
            result["foreign_key_violations"] = new JsonArray([.. rows.Take(MaxViolations).Select(r => (JsonNode?)new JsonObject
            {
                ["table"] = r[0],
                ["rowid"] = long.TryParse(r[1], out var id) ? id : null,
                ["parent"] = r[2],
                ["fkid"] = long.TryParse(r[3], out var fk) ? fk : null,
            })]);
            result["foreign_key_violations_truncated"] = rows.Count > MaxViolations;
        }

        return result;
    }

    /// <summary>
    /// <c>references</c>: the columns a trigger reads as NEW.x / OLD.x; <c>missing_columns</c>: those its table no longer
    /// has (the trigger fails with "no such column"); <c>unused_columns</c>: table columns it never reads (a column
    /// added after the trigger was made is not captured).
    /// </summary>
    private static void DescribeColumnUse(JsonObject trigger, JsonArray tables)
    {
        var sql = trigger["sql"]?.GetValue<string>() ?? "";
        var table = tables.OfType<JsonObject>().FirstOrDefault(t =>
            string.Equals(t["name"]?.GetValue<string>(), trigger["table"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        var columns = table?["columns"]?.AsArray().Select(c => c?.GetValue<string>() ?? "").ToList() ?? [];
        var references = ColumnReference().Matches(sql)
            .Select(m => m.Groups["name"].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        trigger["references"] = new JsonArray([.. references.Select(r => (JsonNode?)r)]);
        trigger["missing_columns"] = new JsonArray([.. references.Where(r => !columns.Contains(r, StringComparer.OrdinalIgnoreCase)).Select(r => (JsonNode?)r)]);
        trigger["unused_columns"] = new JsonArray([.. columns.Where(c => !references.Contains(c, StringComparer.OrdinalIgnoreCase)).Select(c => (JsonNode?)c)]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:NEW|OLD)\s*\.\s*(?:""(?<name>[^""]+)""|`(?<name>[^`]+)`|\[(?<name>[^\]]+)\]|(?<name>[A-Za-z_][A-Za-z0-9_$]*))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ColumnReference();

    private static JsonArray Columns(SqliteReadSession session, string table, CancellationToken cancellationToken) =>
        new([.. session.TableInfo(table, cancellationToken).Select(r => (JsonNode?)r[1])]);
}
