using System.Text.Json.Nodes;
using Medic.Core.Model;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

/// <summary>Observations, latencies and one finding's history: the dashboard's queries, on both stores.</summary>
public abstract partial class HistoryStoreContract
{
    [Fact]
    public void Latencies_cover_the_last_runs_and_retention_removes_old_observations()
    {
        using var store = Open();
        var recorded = new List<Report>();
        store.Recorded += recorded.Add;
        for (var i = 0; i < 4; i++)
        {
            store.RecordRun(Observed(T0.AddSeconds(30 * i), 10 + i, i == 3 ? "refused" : null), SecretSet.Empty);
        }

        recorded.Count.ShouldBe(4);
        store.Latencies("shop", 2).Select(o => o.DurationMs).ShouldBe([12.0, 13.0]);
        store.Latencies("elsewhere", 2).ShouldBeEmpty();
        var last = store.Latencies("shop", 1).ShouldHaveSingleItem();
        last.Status.ShouldBe("error");
        last.ErrorKind.ShouldBe("refused");

        store.DeleteRunsBefore(T0.AddSeconds(60)).ShouldBe(2);
        store.Latencies("shop", 10).Select(o => o.DurationMs).ShouldBe([12.0, 13.0]);
        store.RunObservations(1).ShouldBeNull();
        JsonNode.Parse(store.RunObservations(3)!)!.AsArray().ShouldHaveSingleItem()!["duration_ms"]!.GetValue<double>().ShouldBe(12);
    }

    [Fact]
    public void The_runs_holding_a_finding_are_those_from_first_to_last_seen_with_their_evidence()
    {
        using var store = Open();
        store.RecordRun(Observed(T0, 1), SecretSet.Empty);
        store.RecordRun(Observed(T0.AddSeconds(30), 1, "refused"), SecretSet.Empty);
        store.RecordRun(Observed(T0.AddSeconds(60), 1, "timeout"), SecretSet.Empty);
        store.RecordRun(Observed(T0.AddSeconds(90), 1), SecretSet.Empty);

        var finding = store.Findings("shop").ShouldHaveSingleItem();
        store.Finding(finding.Id).ShouldBe(finding);
        store.Finding(99).ShouldBeNull();
        var held = store.RunsHolding(finding, 10);
        held.Select(r => r.Id).ShouldBe([3L, 2L]);
        store.FindingInRun(finding, 3)!["evidence"]![0]!["value"]!.GetValue<string>().ShouldBe("timeout");
        store.FindingInRun(finding, 2)!["evidence"]![0]!["value"]!.GetValue<string>().ShouldBe("refused");
        store.FindingInRun(finding, 4).ShouldBeNull();
        store.RunsHolding(finding, 1).Select(r => r.Id).ShouldBe([3L]);
    }

    private static Report Observed(DateTimeOffset at, double ms, string? fault = null)
    {
        var observation = new Observation("tcp.connect", "api", [], at, ms, fault is null ? ObservationStatus.Ok : ObservationStatus.Error, null,
            fault is null ? null : new ProbeError("refused", "connection refused"));
        Finding[] findings = fault is null
            ? []
            : [new Finding("tcp.down", "refused", Severity.Critical, 1, "api", "API refuses connections", "x", [new Evidence("tcp.connect", "connect.error.kind", JsonValue.Create(fault))], "start it", [])];
        return new Report("shop", at, 5, new ReportSummary(findings.Length, 0, 0, 0, 1, fault is null ? 0 : 1), findings, [observation]);
    }
}
