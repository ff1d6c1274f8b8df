using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary>
/// <c>postgres.query</c>: one read-only statement a runbook names (for example
/// <c>SELECT version_num FROM alembic_version</c>), run in a READ ONLY transaction that is rolled back.
/// </summary>
public sealed class PostgresQueryProbe : IProbe
{
    private const int MaxRows = 1000;

    public string Name => "postgres.query";

    public string Description => "Runs one read-only statement (SELECT, WITH, SHOW, VALUES, TABLE, EXPLAIN) in a READ ONLY transaction; returns columns and rows";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("sql", ParameterType.String, Required: true, "the statement"),
        new("max_rows", ParameterType.Int, Description: $"most rows returned (default 100, at most {MaxRows})"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryInt(context, "max_rows", 100, 0, MaxRows, out var maxRows, out var error))
        {
            return Task.FromResult(error!);
        }

        var sql = context.GetString("sql");
        if (string.IsNullOrWhiteSpace(sql))
        {
            return Task.FromResult(ProbeResult.Fail(ErrorKinds.InvalidArgument, "'sql' is required"));
        }

        var statement = ReadOnlySql.Check(sql, out var refusal);
        if (statement is null)
        {
            return Task.FromResult(ProbeResult.Fail(ErrorKinds.InvalidArgument, $"postgres.query refused the statement: {refusal}"));
        }

        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, statement, maxRows, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, string sql, int maxRows, CancellationToken cancellationToken)
    {
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var readOnly = session.Command("SET TRANSACTION READ ONLY"))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var columns = new JsonArray();
        var rows = new JsonArray();
        var truncated = false;
        await using (var command = session.Command(sql))
        {
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var names = UniqueNames(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add(new JsonObject { ["name"] = names[i], ["type"] = reader.GetDataTypeName(i) });
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }

                rows.Add(PgJson.Row(reader, names));
            }
        }

        // Nothing a read-only statement did is kept, whatever it was.
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return ProbeResult.Ok(new JsonObject
        {
            ["columns"] = columns,
            ["rows"] = rows,
            ["row_count"] = rows.Count,
            ["truncated"] = truncated,
        });
    }

    /// <summary>Column names as row keys: a repeated name gets a suffix (<c>count</c>, <c>count_2</c>).</summary>
    private static List<string> UniqueNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            result.Add(unique);
        }

        return result;
    }
}
