using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Microsoft.Data.Sqlite;

namespace Medic.Server.Store;

/// <summary>Observations per run (latency charts, <c>/api/runs/{id}/observations</c>), one finding's history and the store's size.</summary>
public sealed partial class SqliteHistoryStore
{
    /// <summary>Raised after a run is committed, before <see cref="RecordRun"/> returns; metrics count runs and probes from it. Handlers must not call the store.</summary>
    public event Action<Report>? Recorded;

    /// <summary>Size of the history on disk: the database file and its write-ahead log.</summary>
    public long SizeBytes
    {
        get
        {
            var path = _db.DataSource;
            return new[] { path, path + "-wal" }.Select(p => new FileInfo(p)).Where(f => f.Exists).Sum(f => f.Length);
        }
    }

    /// <summary>The observations of one run as the report holds them (data included, secrets already redacted), or null when there is no such run.</summary>
    public string? RunObservations(long runId)
    {
        if (RunReport(runId) is not { } json)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("observations", out var list) ? list.GetRawText() : "[]";
    }

    /// <summary>Probe timings of the last <paramref name="runs"/> runs of a system, oldest first.</summary>
    public IReadOnlyList<StoredObservation> Latencies(string system, int runs)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT run_id, system, component, probe, started, duration_ms, status, error_kind FROM observations
                WHERE run_id IN (SELECT id FROM runs WHERE system = $s ORDER BY id DESC LIMIT $n) ORDER BY run_id, id
                """;
            cmd.Parameters.AddWithValue("$s", system);
            cmd.Parameters.AddWithValue("$n", runs);
            using var r = cmd.ExecuteReader();
            var list = new List<StoredObservation>();
            while (r.Read())
            {
                list.Add(new StoredObservation(
                    r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r.GetString(4)), r.GetDouble(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
            }

            return list;
        }
    }

    /// <summary>One finding by id, or null.</summary>
    public StoredFinding? Finding(long id) => FindingsWhere("id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>
    /// The runs that held a finding, newest first (at most <paramref name="limit"/>): a finding stays open only while
    /// every run of its system sees it, so these are the system's runs from first to last seen.
    /// </summary>
    public IReadOnlyList<StoredRun> RunsHolding(StoredFinding finding, int limit)
    {
        ArgumentNullException.ThrowIfNull(finding);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT id, system, started, duration_ms, finding_count FROM runs
                WHERE system = $s AND started >= $from AND started <= $to ORDER BY id DESC LIMIT $n
                """;
            cmd.Parameters.AddWithValue("$s", finding.System);
            cmd.Parameters.AddWithValue("$from", Stamp(finding.FirstSeen));
            cmd.Parameters.AddWithValue("$to", Stamp(finding.LastSeen));
            cmd.Parameters.AddWithValue("$n", limit);
            using var r = cmd.ExecuteReader();
            var list = new List<StoredRun>();
            while (r.Read())
            {
                list.Add(new StoredRun(r.GetInt64(0), r.GetString(1), Time(r.GetString(2)), r.GetDouble(3), r.GetInt32(4)));
            }

            return list;
        }
    }

    /// <summary>The finding as one run's report holds it (explanation, evidence, fix), or null when that run did not hold it.</summary>
    public JsonObject? FindingInRun(StoredFinding finding, long runId) => Match(FindingsOfRun(runId), finding);

    /// <summary>The findings of one run's report (empty when the run is no longer kept).</summary>
    public JsonArray FindingsOfRun(long runId)
    {
        if (RunReport(runId) is not { } json)
        {
            return [];
        }

        // JsonDocument reads the whole report without building nodes; only the findings become a JsonArray.
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("findings", out var findings) && JsonNode.Parse(findings.GetRawText()) is JsonArray list ? list : [];
    }

    /// <summary>The report finding with the same component, runbook and cause as a stored one, or null.</summary>
    public static JsonObject? Match(JsonArray findings, StoredFinding finding)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(finding);
        return findings.OfType<JsonObject>().FirstOrDefault(f =>
            (string?)f["component"] == finding.Component && (string?)f["runbook"] == finding.Runbook && (string?)f["cause"] == finding.Cause);
    }

    private IReadOnlyList<StoredFinding> FindingsWhere(string where, params (string Name, object Value)[] args)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"""
                SELECT id, system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count
                FROM findings WHERE {where} ORDER BY id
                """;
            foreach (var (name, value) in args)
            {
                cmd.Parameters.AddWithValue(name, value);
            }

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

    private void InsertObservations(SqliteTransaction tx, Report report, long runId)
    {
        using var cmd = Command(tx, """
            INSERT INTO observations (run_id, system, component, probe, started, duration_ms, status, error_kind)
            VALUES ($run, $s, $c, $p, $t, $d, $st, $e)
            """);
        var run = cmd.Parameters.Add("$run", SqliteType.Integer);
        var sys = cmd.Parameters.Add("$s", SqliteType.Text);
        var comp = cmd.Parameters.Add("$c", SqliteType.Text);
        var probe = cmd.Parameters.Add("$p", SqliteType.Text);
        var started = cmd.Parameters.Add("$t", SqliteType.Text);
        var duration = cmd.Parameters.Add("$d", SqliteType.Real);
        var status = cmd.Parameters.Add("$st", SqliteType.Text);
        var error = cmd.Parameters.Add("$e", SqliteType.Text);
        foreach (var o in report.Observations)
        {
            run.Value = runId;
            sys.Value = report.System;
            comp.Value = o.Component;
            probe.Value = o.Probe;
            started.Value = Stamp(o.Started);
            duration.Value = o.DurationMs;
            status.Value = ObservationJson.StatusName(o.Status);
            error.Value = (object?)o.Error?.Kind ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes the observations of runs started before <paramref name="cutoff"/> (called under the lock, before the runs go).</summary>
    private void DeleteObservationsBefore(DateTimeOffset cutoff)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "DELETE FROM observations WHERE run_id IN (SELECT id FROM runs WHERE started < $c)";
        cmd.Parameters.AddWithValue("$c", Stamp(cutoff));
        cmd.ExecuteNonQuery();
    }

    private void OnRecorded(Report report) => Recorded?.Invoke(report);
}
