using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary><c>postgres.connect</c>: can Medic connect, how fast, to what server, with which limits.</summary>
public sealed class PostgresConnectProbe : IProbe
{
    // Reported from reset_val: the value this role and database get by default, before Medic's own SETs.
    private static readonly string[] SettingNames =
    [
        "max_connections", "superuser_reserved_connections", "statement_timeout", "idle_in_transaction_session_timeout",
        "idle_session_timeout", "lock_timeout", "deadlock_timeout", "shared_buffers", "work_mem", "maintenance_work_mem",
        "effective_cache_size", "max_wal_size", "log_min_duration_statement", "max_locks_per_transaction",
        "default_transaction_read_only", "autovacuum", "track_counts", "track_activities", "shared_preload_libraries",
        "ssl", "password_encryption", "server_encoding", "TimeZone",
    ];

    public string Name => "postgres.connect";

    public string Description => "Connects to PostgreSQL: latency, server version, recovery state, user and database, key settings";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters => [];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default) =>
        PostgresProbe.RunAsync(context, ObserveAsync, cancellationToken);

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT version() AS version,
                   current_setting('server_version') AS server_version,
                   current_setting('server_version_num')::int AS server_version_num,
                   current_user::text AS current_user,
                   session_user::text AS session_user,
                   current_database()::text AS current_database,
                   pg_is_in_recovery() AS in_recovery,
                   pg_backend_pid() AS backend_pid,
                   (extract(epoch FROM clock_timestamp() - pg_postmaster_start_time()) * 1000)::bigint AS uptime_ms,
                   pg_postmaster_start_time() AS started,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                   coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS ssl_in_use,
                   ARRAY(SELECT extname::text FROM pg_extension ORDER BY extname) AS extensions
            """;
        await using var info = session.Command(Sql);
        var rows = await PgJson.RowsAsync(info, cancellationToken).ConfigureAwait(false);
        var data = rows[0];

        await using var settings = session.Command("SELECT name, reset_val, unit, vartype FROM pg_settings WHERE name = ANY(@names)");
        settings.Parameters.AddWithValue("names", SettingNames);
        var values = new JsonObject();
        foreach (var row in await PgJson.RowsAsync(settings, cancellationToken).ConfigureAwait(false))
        {
            var (key, value) = Setting(PgJson.Text(row["name"])!, PgJson.Text(row["reset_val"]), PgJson.Text(row["unit"]), PgJson.Text(row["vartype"]));
            values[key] = value;
        }

        var result = session.Target.ToJson();
        result["latency_ms"] = session.ConnectMs;
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            result[key] = value;
        }

        result["settings"] = values;
        result["session"] = new JsonObject
        {
            ["backend_pid"] = result["backend_pid"]?.DeepClone(),
            ["application_name"] = PostgresSession.ApplicationName,
            ["read_only"] = true,
            ["statement_timeout_ms"] = (long)session.StatementTimeout.TotalMilliseconds,
        };
        result.Remove("backend_pid");
        return ProbeResult.Ok(result);
    }

    /// <summary>Names a setting by its unit (<c>statement_timeout_ms</c>, <c>shared_buffers_bytes</c>) and converts its value.</summary>
    internal static (string Key, JsonNode? Value) Setting(string name, string? value, string? unit, string? type)
    {
        var key = name.ToLowerInvariant();
        if (value is null)
        {
            return (key, null);
        }

        switch (type)
        {
            case "bool":
                return (key, value == "on");
            case "integer" or "real" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                var (suffix, factor) = Unit(unit);
                var converted = n < 0 ? n : n * factor;
                return (key + suffix, converted == Math.Floor(converted) && Math.Abs(converted) < 9e15 ? JsonValue.Create((long)converted) : JsonValue.Create(converted));
            default:
                return (key, value);
        }
    }

    private static (string Suffix, double Factor) Unit(string? unit) => unit switch
    {
        "ms" => ("_ms", 1),
        "s" => ("_ms", 1000),
        "min" => ("_ms", 60_000),
        "h" => ("_ms", 3_600_000),
        "d" => ("_ms", 86_400_000),
        "B" => ("_bytes", 1),
        "kB" => ("_bytes", 1024),
        "MB" => ("_bytes", 1024 * 1024),
        "GB" => ("_bytes", 1024d * 1024 * 1024),
        "TB" => ("_bytes", 1024d * 1024 * 1024 * 1024),
        "8kB" => ("_bytes", 8192),
        "16kB" => ("_bytes", 16384),
        "32kB" => ("_bytes", 32768),
        "16MB" => ("_bytes", 16d * 1024 * 1024),
        _ => ("", 1),
    };
}
