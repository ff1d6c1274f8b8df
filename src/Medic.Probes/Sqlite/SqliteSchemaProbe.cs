using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Microsoft.Data.Sqlite;

namespace Medic.Probes.Sqlite;

/// <summary><c>sqlite.schema</c>: tables with their columns, indexes, triggers and views; row counts for named tables.</summary>
public sealed class SqliteSchemaProbe : IProbe
{
    public string Name => "sqlite.schema";

    public string Description => "tables (with columns), indexes, triggers and views of a SQLite file; row counts of the tables named";

    public IReadOnlyList<string> Kinds { get; } = ["sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("tables", ParameterType.StringList, Description: "tables whose rows to count (counting reads the whole table)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        if (context.Component.GetString("path") is not { Length: > 0 } setting)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "the component has no path");
        }

        var path = context.Component.ResolvePath(setting);
        var counted = context.GetStrings("tables").Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        SqliteDatabaseFile.Gate.Wait(cancellationToken);
        try
        {
            var (file, failure) = SqliteDatabaseFile.Inspect(path);
            if (failure is not null)
            {
                return failure;
            }

            try
            {
                var data = SqliteReadSession.Run(file!, context.Timeout, s => Read(s, counted, cancellationToken));
                data["path"] = path;
                return ProbeResult.Ok(data);
            }
            catch (SqliteException e)
            {
                return ProbeResult.Fail(SqliteErrors.Kind(e), e.Message, new JsonObject { ["path"] = path, ["exists"] = true });
            }
        }
        finally
        {
            SqliteDatabaseFile.Gate.Release();
        }
    }

    private static JsonObject Read(SqliteReadSession session, IReadOnlySet<string> counted, CancellationToken cancellationToken)
    {
        var objects = session.Query(
            "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
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
                    triggers.Add(new JsonObject { ["name"] = name, ["table"] = table });
                    break;
                case "view":
                    views.Add(new JsonObject { ["name"] = name, ["columns"] = Columns(session, name, cancellationToken) });
                    break;
                default:
                    break;
            }
        }

        return new JsonObject
        {
            ["tables"] = tables,
            ["indexes"] = indexes,
            ["triggers"] = triggers,
            ["views"] = views,
            ["missing_tables"] = new JsonArray([.. counted.Where(t => !found.Contains(t)).Order(StringComparer.Ordinal).Select(t => (JsonNode?)t)]),
        };
    }

    private static JsonArray Columns(SqliteReadSession session, string table, CancellationToken cancellationToken) =>
        new([.. session.Query($"PRAGMA table_info({SqliteReadSession.Quote(table)})", cancellationToken)
            .Select(r => (JsonNode?)r[1])]);
}
