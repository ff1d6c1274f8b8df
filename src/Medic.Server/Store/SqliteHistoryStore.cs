using System.Globalization;
using Medic.Core.Model;
using Medic.Core.Reports;
using Microsoft.Data.Sqlite;

namespace Medic.Server.Store;

/// <summary>
/// History in one SQLite file (WAL). A run and the lifecycle changes it implies are written in one
/// transaction, so a crash never leaves a half-recorded run.
/// </summary>
public sealed partial class SqliteHistoryStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    public SqliteHistoryStore(string path)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        Migrate();
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    /// <summary>Records a completed run and updates the findings' lifecycle; returns the run id.</summary>
    public long RecordRun(Report report, SecretSet secrets)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var runId = InsertRun(tx, report, secrets);
            var seen = new HashSet<long>();
            foreach (var f in report.Findings)
            {
                seen.Add(Touch(tx, report, f, runId));
            }

            ResolveMissing(tx, report, seen);
            InsertObservations(tx, report, runId);
            tx.Commit();
            OnRecorded(report);
            return runId;
        }
    }

    public IReadOnlyList<StoredFinding> Findings(string? system = null, string? status = null)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT id, system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count
                FROM findings WHERE ($s IS NULL OR system = $s) AND ($st IS NULL OR status = $st) ORDER BY id
                """;
            cmd.Parameters.AddWithValue("$s", (object?)system ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$st", (object?)status ?? DBNull.Value);
            using var r = cmd.ExecuteReader();
            var list = new List<StoredFinding>();
            while (r.Read())
            {
                list.Add(new StoredFinding(
                    r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), Time(r.GetString(8)), Time(r.GetString(9)), r.IsDBNull(10) ? null : Time(r.GetString(10)), r.GetInt32(11)));
            }

            return list;
        }
    }

    public IReadOnlyList<StoredRun> Runs(string? system = null)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id, system, started, duration_ms, finding_count FROM runs WHERE ($s IS NULL OR system = $s) ORDER BY id";
            cmd.Parameters.AddWithValue("$s", (object?)system ?? DBNull.Value);
            using var r = cmd.ExecuteReader();
            var list = new List<StoredRun>();
            while (r.Read())
            {
                list.Add(new StoredRun(r.GetInt64(0), r.GetString(1), Time(r.GetString(2)), r.GetDouble(3), r.GetInt32(4)));
            }

            return list;
        }
    }

    /// <summary>The report JSON of one run, or null when there is no such run.</summary>
    public string? RunReport(long runId)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT report_json FROM runs WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", runId);
            return cmd.ExecuteScalar() as string;
        }
    }

    /// <summary>Deletes runs started before <paramref name="cutoff"/>; findings keep their lifecycle. Returns how many went.</summary>
    public int DeleteRunsBefore(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            DeleteObservationsBefore(cutoff);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "DELETE FROM runs WHERE started < $c";
            cmd.Parameters.AddWithValue("$c", Stamp(cutoff));
            return cmd.ExecuteNonQuery();
        }
    }

    public void Dispose() => _db.Dispose();

    private long InsertRun(SqliteTransaction tx, Report report, SecretSet secrets)
    {
        using var cmd = Command(tx, """
            INSERT INTO runs (system, started, duration_ms, finding_count, report_json) VALUES ($s, $t, $d, $n, $j);
            SELECT last_insert_rowid();
            """);
        cmd.Parameters.AddWithValue("$s", report.System);
        cmd.Parameters.AddWithValue("$t", Stamp(report.Started));
        cmd.Parameters.AddWithValue("$d", report.DurationMs);
        cmd.Parameters.AddWithValue("$n", report.Findings.Count);
        cmd.Parameters.AddWithValue("$j", JsonReportWriter.Write(report, secrets));
        return (long)cmd.ExecuteScalar()!;
    }

    private long Touch(SqliteTransaction tx, Report report, Finding f, long runId)
    {
        using var find = Command(tx, "SELECT id FROM findings WHERE system=$s AND component=$c AND runbook=$r AND cause=$k AND status='open'");
        AddKey(find, report.System, f);
        if (find.ExecuteScalar() is long id)
        {
            using var upd = Command(tx, "UPDATE findings SET last_seen=$t, run_count=run_count+1, last_run_id=$run, severity=$sev, title=$title WHERE id=$id");
            upd.Parameters.AddWithValue("$t", Stamp(report.Started));
            upd.Parameters.AddWithValue("$run", runId);
            upd.Parameters.AddWithValue("$sev", SeverityNames.Of(f.Severity));
            upd.Parameters.AddWithValue("$title", f.Title);
            upd.Parameters.AddWithValue("$id", id);
            upd.ExecuteNonQuery();
            return id;
        }

        using var ins = Command(tx, """
            INSERT INTO findings (system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count, last_run_id)
            VALUES ($s, $c, $r, $k, $sev, $title, 'open', $t, $t, NULL, 1, $run);
            SELECT last_insert_rowid();
            """);
        AddKey(ins, report.System, f);
        ins.Parameters.AddWithValue("$sev", SeverityNames.Of(f.Severity));
        ins.Parameters.AddWithValue("$title", f.Title);
        ins.Parameters.AddWithValue("$t", Stamp(report.Started));
        ins.Parameters.AddWithValue("$run", runId);
        return (long)ins.ExecuteScalar()!;
    }

    private void ResolveMissing(SqliteTransaction tx, Report report, HashSet<long> seen)
    {
        var open = new List<long>();
        using (var q = Command(tx, "SELECT id FROM findings WHERE system=$s AND status='open'"))
        {
            q.Parameters.AddWithValue("$s", report.System);
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                open.Add(r.GetInt64(0));
            }
        }

        foreach (var id in open.Where(id => !seen.Contains(id)))
        {
            using var upd = Command(tx, "UPDATE findings SET status='resolved', resolved_at=$t WHERE id=$id");
            upd.Parameters.AddWithValue("$t", Stamp(report.Started));
            upd.Parameters.AddWithValue("$id", id);
            upd.ExecuteNonQuery();
        }
    }

    private static void AddKey(SqliteCommand cmd, string system, Finding f)
    {
        cmd.Parameters.AddWithValue("$s", system);
        cmd.Parameters.AddWithValue("$c", f.Component);
        cmd.Parameters.AddWithValue("$r", f.Runbook);
        cmd.Parameters.AddWithValue("$k", f.Cause);
    }

    private void Migrate()
    {
        Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)");
        for (var v = SchemaVersion; v < Migrations.Steps.Count; v++)
        {
            using var tx = _db.BeginTransaction();
            using var step = Command(tx, Migrations.Steps[v]);
            step.ExecuteNonQuery();
            using var mark = Command(tx, "INSERT INTO schema_version (version) VALUES ($v)");
            mark.Parameters.AddWithValue("$v", v + 1);
            mark.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private void Exec(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
