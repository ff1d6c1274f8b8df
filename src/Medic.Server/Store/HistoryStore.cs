using System.Data;
using System.Data.Common;
using System.Globalization;
using Medic.Core.Model;
using Medic.Core.Reports;

namespace Medic.Server.Store;

/// <summary>
/// The history of runs and findings in a SQL database (SQLite or PostgreSQL; see <see cref="SqlDialect"/>). A run and
/// the lifecycle changes it implies are written in one transaction, so a crash never leaves a half-recorded run.
/// Times are stored as ISO-8601 UTC text, which sorts the same in both databases.
/// </summary>
public abstract partial class HistoryStore : IDisposable
{
    private readonly Lock _gate = new();

    protected HistoryStore(SqlDialect dialect) => Dialect = dialect;

    public SqlDialect Dialect { get; }

    public int SchemaVersion
    {
        get
        {
            lock (_gate)
            {
                using var lease = Lease();
                return Convert.ToInt32(Scalar(lease.Connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Records a completed run and updates the findings' lifecycle; returns the run id.</summary>
    public long RecordRun(Report report, SecretSet secrets)
    {
        lock (_gate)
        {
            using var lease = Lease();
            using var tx = lease.Connection.BeginTransaction();
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
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, """
                SELECT id, system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count
                FROM findings WHERE (@s IS NULL OR system = @s) AND (@st IS NULL OR status = @st) ORDER BY id
                """);
            Text(cmd, "s", system);
            Text(cmd, "st", status);
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
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, "SELECT id, system, started, duration_ms, finding_count FROM runs WHERE (@s IS NULL OR system = @s) ORDER BY id");
            Text(cmd, "s", system);
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
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, "SELECT report_json FROM runs WHERE id = @id");
            Value(cmd, "id", runId);
            return cmd.ExecuteScalar() as string;
        }
    }

    /// <summary>Deletes runs started before <paramref name="cutoff"/>; findings keep their lifecycle. Returns how many went.</summary>
    public int DeleteRunsBefore(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, "DELETE FROM runs WHERE started < @c");
            Text(cmd, "c", Stamp(cutoff));
            var deleted = cmd.ExecuteNonQuery();
            DeleteOrphanObservations(lease.Connection, null);
            return deleted;
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Size of the history in bytes (the file, or the database).</summary>
    public abstract long SizeBytes { get; }

    /// <summary>An open connection for one operation; SQLite hands out its one connection, PostgreSQL a pooled one.</summary>
    protected abstract ConnectionLease Lease();

    /// <summary>Creates the version table and applies the missing steps, each in its own transaction.</summary>
    protected void Migrate()
    {
        lock (_gate)
        {
            using var lease = Lease();
            var db = lease.Connection;
            using (var create = Command(db, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)"))
            {
                create.ExecuteNonQuery();
            }

            var current = Convert.ToInt32(Scalar(db, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
            for (var v = current; v < Migrations.Steps.Count; v++)
            {
                using var tx = db.BeginTransaction();
                using var step = Command(db, tx, Migrations.For(v, Dialect));
                step.ExecuteNonQuery();
                using var mark = Command(db, tx, "INSERT INTO schema_version (version) VALUES (@v)");
                Value(mark, "v", v + 1);
                mark.ExecuteNonQuery();
                tx.Commit();
            }
        }
    }

    private long InsertRun(DbTransaction tx, Report report, SecretSet secrets)
    {
        using var cmd = Command(tx.Connection!, tx, """
            INSERT INTO runs (system, started, duration_ms, finding_count, report_json) VALUES (@s, @t, @d, @n, @j) RETURNING id
            """);
        Text(cmd, "s", report.System);
        Text(cmd, "t", Stamp(report.Started));
        Value(cmd, "d", report.DurationMs);
        Value(cmd, "n", report.Findings.Count);
        Text(cmd, "j", JsonReportWriter.Write(report, secrets));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private long Touch(DbTransaction tx, Report report, Finding f, long runId)
    {
        var db = tx.Connection!;
        using var find = Command(db, tx, "SELECT id FROM findings WHERE system=@s AND component=@c AND runbook=@r AND cause=@k AND status='open'");
        AddKey(find, report.System, f);
        if (find.ExecuteScalar() is { } found and not DBNull)
        {
            var id = Convert.ToInt64(found, CultureInfo.InvariantCulture);
            using var upd = Command(db, tx, "UPDATE findings SET last_seen=@t, run_count=run_count+1, last_run_id=@run, severity=@sev, title=@title WHERE id=@id");
            Text(upd, "t", Stamp(report.Started));
            Value(upd, "run", runId);
            Text(upd, "sev", SeverityNames.Of(f.Severity));
            Text(upd, "title", f.Title);
            Value(upd, "id", id);
            upd.ExecuteNonQuery();
            return id;
        }

        using var ins = Command(db, tx, """
            INSERT INTO findings (system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count, last_run_id)
            VALUES (@s, @c, @r, @k, @sev, @title, 'open', @t, @t, NULL, 1, @run) RETURNING id
            """);
        AddKey(ins, report.System, f);
        Text(ins, "sev", SeverityNames.Of(f.Severity));
        Text(ins, "title", f.Title);
        Text(ins, "t", Stamp(report.Started));
        Value(ins, "run", runId);
        return Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void ResolveMissing(DbTransaction tx, Report report, HashSet<long> seen)
    {
        var db = tx.Connection!;
        var open = new List<long>();
        using (var q = Command(db, tx, "SELECT id FROM findings WHERE system=@s AND status='open'"))
        {
            Text(q, "s", report.System);
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                open.Add(r.GetInt64(0));
            }
        }

        foreach (var id in open.Where(id => !seen.Contains(id)))
        {
            using var upd = Command(db, tx, "UPDATE findings SET status='resolved', resolved_at=@t WHERE id=@id");
            Text(upd, "t", Stamp(report.Started));
            Value(upd, "id", id);
            upd.ExecuteNonQuery();
        }
    }

    private static void AddKey(DbCommand cmd, string system, Finding f)
    {
        Text(cmd, "s", system);
        Text(cmd, "c", f.Component);
        Text(cmd, "r", f.Runbook);
        Text(cmd, "k", f.Cause);
    }

    private static DbCommand Command(DbConnection db, DbTransaction? tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static object? Scalar(DbConnection db, DbTransaction? tx, string sql)
    {
        using var cmd = Command(db, tx, sql);
        return cmd.ExecuteScalar();
    }

    /// <summary>A text parameter; typed even when null, so PostgreSQL can tell <c>@x IS NULL</c> apart.</summary>
    private static void Text(DbCommand cmd, string name, string? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = DbType.String;
        p.Value = (object?)value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private static void Value(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A connection for one operation, closed afterwards only when it is not the store's shared one.</summary>
    protected readonly struct ConnectionLease(DbConnection connection, bool owned) : IDisposable
    {
        public DbConnection Connection { get; } = connection;

        public void Dispose()
        {
            if (owned)
            {
                Connection.Dispose();
            }
        }
    }
}
