using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Server.Store;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

public sealed class ObservationHistoryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-store-").FullName;

    private string DbPath => Path.Combine(_dir, "history.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_store_at_schema_1_migrates_to_2_and_keeps_its_runs()
    {
        using (var db = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY); INSERT INTO schema_version VALUES (1);" + Migrations.For(0, SqlDialect.Sqlite) +
                "INSERT INTO runs (system, started, duration_ms, finding_count, report_json) VALUES ('shop', '2026-01-01T00:00:00.0000000Z', 5, 0, '{}');";
            cmd.ExecuteNonQuery();
        }

        using var store = new SqliteHistoryStore(DbPath);
        store.SchemaVersion.ShouldBe(2);
        store.Runs("shop").ShouldHaveSingleItem();
        store.RecordRun(Run(T0.AddMinutes(1), 7), SecretSet.Empty);
        store.Latencies("shop", 10).ShouldHaveSingleItem().DurationMs.ShouldBe(7);
    }

    private static Report Run(DateTimeOffset at, double ms, string? fault = null)
    {
        var observation = new Observation("tcp.connect", "api", [], at, ms, fault is null ? ObservationStatus.Ok : ObservationStatus.Error, null,
            fault is null ? null : new ProbeError("refused", "connection refused"));
        Finding[] findings = fault is null
            ? []
            : [new Finding("tcp.down", "refused", Severity.Critical, 1, "api", "API refuses connections", "x", [new Evidence("tcp.connect", "connect.error.kind", JsonValue.Create(fault))], "start it", [])];
        return new Report("shop", at, 5, new ReportSummary(findings.Length, 0, 0, 0, 1, fault is null ? 0 : 1), findings, [observation]);
    }
}
