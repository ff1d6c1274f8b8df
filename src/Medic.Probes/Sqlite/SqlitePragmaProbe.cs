using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Microsoft.Data.Sqlite;

namespace Medic.Probes.Sqlite;

/// <summary>
/// <c>sqlite.pragma</c>: the database's header, journal mode, sizes, the application's busy timeout and, on request,
/// SQLite's own consistency check, all read without writing anything.
/// </summary>
public sealed class SqlitePragmaProbe : IProbe
{
    private const int MaxIntegrityMessages = 100;

    public string Name => "sqlite.pragma";

    public string Description => "header, journal mode, page counts and busy timeout of a SQLite file; quick_check or integrity_check on request";

    public IReadOnlyList<string> Kinds { get; } = ["sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("check", ParameterType.String, Description: "none (default), quick (PRAGMA quick_check) or full (PRAGMA integrity_check)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var check = (context.GetString("check") ?? "none").ToLowerInvariant();
        if (check is not ("none" or "quick" or "full"))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"check must be none, quick or full, not '{check}'");
        }

        if (SqliteFileReader.PathOf(context, out var invalid) is not { } path)
        {
            return invalid!;
        }

        SqliteDatabaseFile.Gate.Wait(cancellationToken);
        try
        {
            var (file, failure) = SqliteDatabaseFile.Inspect(path);
            if (failure is not null)
            {
                return WithSettings(failure, context);
            }

            return Read(file!, check, context, cancellationToken);
        }
        finally
        {
            SqliteDatabaseFile.Gate.Release();
        }
    }

    private static ProbeResult Read(SqliteDatabaseFile file, string check, ProbeContext context, CancellationToken cancellationToken)
    {
        var data = file.ToJson();
        AddBusyTimeout(data, context);
        data["sqlite_version"] = SqliteReadSession.LibraryVersion;
        data["locked"] = false;
        data["hot_journal"] = false;
        data["integrity"] = null;
        try
        {
            SqliteReadSession.Run(file, context.Timeout, session =>
            {
                var pragmaMode = session.Scalar("PRAGMA journal_mode", cancellationToken)?.ToLowerInvariant();
                var fromHeader = session.Immutable || pragmaMode is null;
                data["journal_mode"] = fromHeader ? HeaderJournalMode(file) : pragmaMode;
                data["journal_mode_source"] = fromHeader ? "header" : "pragma";
                data["page_size"] = session.Number("PRAGMA page_size", cancellationToken);
                data["page_count"] = session.Number("PRAGMA page_count", cancellationToken);
                data["freelist_count"] = session.Number("PRAGMA freelist_count", cancellationToken);
                data["open_mode"] = session.Immutable ? "immutable" : "read_only";
                data["integrity"] = check == "none" ? null : Integrity(session, check, cancellationToken);
                return true;
            });
            return ProbeResult.Ok(data);
        }
        catch (SqliteException e) when (SqliteErrors.IsBusy(e) || SqliteErrors.IsHotJournal(e))
        {
            // Another connection holds a lock that keeps readers out (or died mid-write): say what the header knows.
            FromHeader(data, file);
            data["locked"] = SqliteErrors.IsBusy(e);
            data["hot_journal"] = SqliteErrors.IsHotJournal(e);
            return check == "none"
                ? ProbeResult.Ok(data)
                : ProbeResult.Fail(ErrorKinds.Busy, $"{e.Message}: the {check} check could not run", data);
        }
        catch (SqliteException e)
        {
            FromHeader(data, file);
            var kind = SqliteErrors.Kind(e);
            if (SqliteErrors.IsMalformed(e) && check != "none")
            {
                // Damage bad enough to stop even the PRAGMAs is still the answer to the check that was asked for.
                data["integrity"] = IntegrityJson(check, [e.Message]);
                return ProbeResult.Ok(data);
            }

            return ProbeResult.Fail(kind, e.Message, data);
        }
    }

    private static JsonObject Integrity(SqliteReadSession session, string check, CancellationToken cancellationToken)
    {
        var pragma = check == "full" ? "integrity_check" : "quick_check";
        var rows = new List<string?[]>();
        try
        {
            session.Query($"PRAGMA {pragma}({MaxIntegrityMessages})", rows, cancellationToken, MaxIntegrityMessages);
        }
        catch (SqliteException e) when (SqliteErrors.IsMalformed(e))
        {
            // The check reports what it found, then gives up on the damage itself: both are the answer.
            rows.Add([e.Message]);
        }

        return IntegrityJson(check, rows.Select(r => r.Length > 0 ? r[0] : null));
    }

    private static JsonObject IntegrityJson(string check, IEnumerable<string?> messages)
    {
        var list = messages.ToList();
        return new JsonObject
        {
            ["mode"] = check,
            ["ok"] = list is ["ok"],
            ["messages"] = new JsonArray([.. list.Select(m => (JsonNode?)m)]),
        };
    }

    /// <summary>Fills what the PRAGMAs did not get to from the header (an empty file is an empty database).</summary>
    private static void FromHeader(JsonObject data, SqliteDatabaseFile file)
    {
        if (!data.ContainsKey("journal_mode"))
        {
            data["journal_mode"] = HeaderJournalMode(file);
            data["journal_mode_source"] = "header";
        }

        data.TryAdd("page_size", file.Header?.PageSize);
        data.TryAdd("page_count", file.Header?.PageCount ?? 0);
        data.TryAdd("freelist_count", file.Header?.FreelistPages ?? 0);
        data.TryAdd("open_mode", null);
    }

    private static string HeaderJournalMode(SqliteDatabaseFile file) => file.Header is { IsWal: true } ? "wal" : "delete";

    private static void AddBusyTimeout(JsonObject data, ProbeContext context)
    {
        if (context.Component.GetInt("busy_timeout") is { } ms)
        {
            data["busy_timeout_ms"] = ms;
            data["busy_timeout_source"] = "setting";
        }
        else if (BusyTimeoutParser.Parse(context.Component.GetString("dsn")) is { } fromDsn)
        {
            data["busy_timeout_ms"] = fromDsn;
            data["busy_timeout_source"] = "dsn";
        }
        else
        {
            data["busy_timeout_ms"] = null;
            data["busy_timeout_source"] = null;
        }
    }

    private static ProbeResult WithSettings(ProbeResult failure, ProbeContext context)
    {
        if (failure.Data is JsonObject data)
        {
            AddBusyTimeout(data, context);
        }

        return failure;
    }
}
