using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;

namespace Medic.Server.Store;

/// <summary>Observations per run (latency charts, <c>/api/runs/{id}/observations</c>) and one finding's history.</summary>
public abstract partial class HistoryStore
{
    /// <summary>Raised after a run is committed, before <see cref="RecordRun"/> returns; metrics count runs and probes from it. Handlers must not call the store.</summary>
    public event Action<Report>? Recorded;

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
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, """
                SELECT run_id, system, component, probe, started, duration_ms, status, error_kind FROM observations
                WHERE run_id IN (SELECT id FROM runs WHERE system = @s ORDER BY id DESC LIMIT @n) ORDER BY run_id, id
                """);
            Text(cmd, "s", system);
            Value(cmd, "n", runs);
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
    public StoredFinding? Finding(long id)
    {
        lock (_gate)
        {
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, """
                SELECT id, system, component, runbook, cause, severity, title, status, first_seen, last_seen, resolved_at, run_count
                FROM findings WHERE id = @id
                """);
            Value(cmd, "id", id);
            using var r = cmd.ExecuteReader();
            return r.Read()
                ? new StoredFinding(
                    r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), Time(r.GetString(8)), Time(r.GetString(9)), r.IsDBNull(10) ? null : Time(r.GetString(10)), r.GetInt32(11))
                : null;
        }
    }

    /// <summary>
    /// The runs that held a finding, newest first (at most <paramref name="limit"/>): a finding stays open only while
    /// every run of its system sees it, so these are the system's runs from first to last seen.
    /// </summary>
    public IReadOnlyList<StoredRun> RunsHolding(StoredFinding finding, int limit)
    {
        ArgumentNullException.ThrowIfNull(finding);
        lock (_gate)
        {
            using var lease = Lease();
            using var cmd = Command(lease.Connection, null, """
                SELECT id, system, started, duration_ms, finding_count FROM runs
                WHERE system = @s AND started >= @from AND started <= @to ORDER BY id DESC LIMIT @n
                """);
            Text(cmd, "s", finding.System);
            Text(cmd, "from", Stamp(finding.FirstSeen));
            Text(cmd, "to", Stamp(finding.LastSeen));
            Value(cmd, "n", limit);
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

    private static void InsertObservations(DbTransaction tx, Report report, long runId)
    {
        foreach (var o in report.Observations)
        {
            using var cmd = Command(tx.Connection!, tx, """
                INSERT INTO observations (run_id, system, component, probe, started, duration_ms, status, error_kind)
                VALUES (@run, @s, @c, @p, @t, @d, @st, @e)
                """);
            Value(cmd, "run", runId);
            Text(cmd, "s", report.System);
            Text(cmd, "c", o.Component);
            Text(cmd, "p", o.Probe);
            Text(cmd, "t", Stamp(o.Started));
            Value(cmd, "d", o.DurationMs);
            Text(cmd, "st", ObservationJson.StatusName(o.Status));
            Text(cmd, "e", o.Error?.Kind);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Removes the timings of runs that retention has deleted.</summary>
    private static void DeleteOrphanObservations(DbConnection db, DbTransaction? tx)
    {
        using var cmd = Command(db, tx, "DELETE FROM observations WHERE run_id NOT IN (SELECT id FROM runs)");
        cmd.ExecuteNonQuery();
    }

    private void OnRecorded(Report report) => Recorded?.Invoke(report);
}
