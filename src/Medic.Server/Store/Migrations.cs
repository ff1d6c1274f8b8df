namespace Medic.Server.Store;

/// <summary>
/// The schema, as ordered steps, one list for SQLite and PostgreSQL. Each step is plain SQL both accept; the only
/// dialect difference is the <c>{id}</c> placeholder for an auto-numbered key (<see cref="SqlDialect.IdColumn"/>).
/// </summary>
public static class Migrations
{
    public static string For(int step, SqlDialect dialect) => Steps[step].Replace("{id}", dialect.IdColumn, StringComparison.Ordinal);

    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE runs (
            id {id},
            system TEXT NOT NULL,
            started TEXT NOT NULL,
            duration_ms DOUBLE PRECISION NOT NULL,
            finding_count INTEGER NOT NULL,
            report_json TEXT NOT NULL);
        CREATE INDEX runs_by_system ON runs (system, started);
        CREATE TABLE findings (
            id {id},
            system TEXT NOT NULL,
            component TEXT NOT NULL,
            runbook TEXT NOT NULL,
            cause TEXT NOT NULL,
            severity TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            resolved_at TEXT NULL,
            run_count INTEGER NOT NULL,
            last_run_id INTEGER NOT NULL);
        CREATE INDEX findings_by_key ON findings (system, component, runbook, cause, status);
        """,
        """
        CREATE TABLE observations (
            id {id},
            run_id INTEGER NOT NULL,
            system TEXT NOT NULL,
            component TEXT NOT NULL,
            probe TEXT NOT NULL,
            started TEXT NOT NULL,
            duration_ms DOUBLE PRECISION NOT NULL,
            status TEXT NOT NULL,
            error_kind TEXT NULL);
        CREATE INDEX observations_by_run ON observations (run_id);
        CREATE INDEX observations_by_component ON observations (system, component, started);
        """,
    ];
}
