using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Config;

namespace Medic.Probes.Sqlite;

/// <summary>
/// <c>sqlite.compare</c>: the table structure of the component's database against the same database on the other
/// nodes (the <c>peers</c> setting: copies or mounts of their files), each opened read-only and never created.
/// Tables are compared by their normalised <c>PRAGMA table_info</c> columns.
/// </summary>
public sealed class SqliteCompareProbe : IProbe
{
    public string Name => "sqlite.compare";

    public string Description => "table structure (normalised PRAGMA table_info) of the database against its peers' files: tables missing on a node, columns only some nodes have";

    public IReadOnlyList<string> Kinds { get; } = ["sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("peers", ParameterType.StringList, Description: "the other nodes' database files, globs allowed (default: the component's peers)"),
        new("exclude", ParameterType.StringList, Description: "table name prefixes to leave out, e.g. __harmonylite__"),
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

        var exclude = context.GetStrings("exclude").Where(p => p.Length > 0).ToList();
        var peers = context.GetPaths("peers")
            .SelectMany(p => PathGlob.HasWildcards(p) ? PathGlob.Expand(p).Where(IsDatabaseName) : [p])
            .Where(p => !SamePath(p, path))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var (own, failure) = Read(path, exclude, context.Timeout, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var nodes = new List<(string Path, IReadOnlyDictionary<string, SqliteTableShape> Tables)> { (path, own!) };
        var peerResults = new JsonArray();
        foreach (var peer in peers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (tables, peerFailure) = Read(peer, exclude, context.Timeout, cancellationToken);
            peerResults.Add(new JsonObject
            {
                ["path"] = peer,
                ["read"] = tables is not null,
                ["error"] = peerFailure?.Error?.Message,
                ["error_kind"] = peerFailure?.Error?.Kind,
            });
            if (tables is not null)
            {
                nodes.Add((peer, tables));
            }
        }

        var differences = SqliteSchemaDiff.Compare(nodes);
        return ProbeResult.Ok(new JsonObject
        {
            ["path"] = path,
            ["peers"] = peerResults,
            ["compared"] = nodes.Count,
            ["differences"] = differences,
            ["differing_tables"] = new JsonArray([.. differences.Select(d => (JsonNode?)d!["table"]!.GetValue<string>())]),
        });
    }

    private static (IReadOnlyDictionary<string, SqliteTableShape>? Tables, ProbeResult? Failure) Read(
        string path, IReadOnlyList<string> exclude, TimeSpan timeout, CancellationToken cancellationToken) =>
        SqliteFileReader.Read(path, timeout, s => SqliteTableShape.Read(s, exclude, cancellationToken), e => $"{path}: {e.Message}", cancellationToken);

    private static bool IsDatabaseName(string path) =>
        !path.EndsWith("-wal", StringComparison.Ordinal) && !path.EndsWith("-shm", StringComparison.Ordinal)
        && !path.EndsWith("-journal", StringComparison.Ordinal);

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
