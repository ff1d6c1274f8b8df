using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Engine.EngineFixtures;

namespace Medic.Core.Tests.Engine;

public sealed class ObservationSourceTests
{
    private static readonly FakeTimeProvider Time = new(DateTimeOffset.UnixEpoch);

    private static Runbook Runbook() => new("tcp.slow", "Slow", "tcp", ["tcp"], "", [],
        [Check("c", "tcp.connect", new JsonObject { ["n"] = 1 }), Check("d", "tcp.connect", new JsonObject { ["n"] = 2 })],
        [new Cause("slow", Template(""), Expression.TryParse("c.data.ms > 100 and d.status == \"error\"", out var x, out _) ? x : throw new InvalidOperationException(),
            Severity.Error, 0.8, Template("took {c.data.ms}ms"), Template("fix"), [], new SourcePosition("rb.yaml", 1, 1))],
        new SourcePosition("rb.yaml", 1, 1));

    private static Medic.Core.Conditions.Template Template(string text) => Medic.Core.Conditions.Template.TryParse(text, out var t, out _) ? t : throw new InvalidOperationException(text);

    private static SystemDefinition System() =>
        new("shop", [], [new Component("db", "tcp", [], "/tmp", new SourcePosition("medic.yaml", 3, 3))], "medic.yaml", new SecretSet());

    private static TestProbe Probe() => new("tcp.connect", (ctx, _) => Task.FromResult(ctx.GetInt("n") == 1
        ? ProbeResult.Ok(new JsonObject { ["ms"] = 250 })
        : ProbeResult.Fail(ErrorKinds.ConnectionRefused, "refused")));

    [Fact]
    public async Task Replaying_recorded_observations_gives_the_same_findings_without_running_a_probe()
    {
        var live = Probe();
        var recorder = new RecordingObservationSource();
        var first = await new Diagnoser(new ProbeRegistry([live]), Time, recorder)
            .RunAsync(System(), [Runbook()], new DiagnoseOptions(), cancellationToken: TestContext.Current.CancellationToken);
        recorder.Recorded.Count.ShouldBe(2);

        var stored = recorder.Recorded.Values.Select(r => ObservationJson.FromJson(ObservationJson.ToJson(r.Observation))!).ToList();
        var offlineProbe = Probe();
        var second = await new Diagnoser(new ProbeRegistry([offlineProbe]), Time, new StoredObservationSource(stored))
            .RunAsync(System(), [Runbook()], new DiagnoseOptions(), cancellationToken: TestContext.Current.CancellationToken);

        offlineProbe.Runs.ShouldBe(0);
        live.Runs.ShouldBe(2);
        first.Report.Findings.Select(f => f.Cause).ShouldBe(["slow"]);
        second.Report.Findings.Select(f => (f.Cause, f.Severity, f.Explanation)).ShouldBe(first.Report.Findings.Select(f => (f.Cause, f.Severity, f.Explanation)));
        second.Report.Observations.Select(o => (o.Status, o.Error?.Kind, o.DurationMs))
            .ShouldBe(first.Report.Observations.Select(o => (o.Status, o.Error?.Kind, o.DurationMs)));
    }

    [Fact]
    public async Task A_request_nothing_was_recorded_for_is_an_error_observation()
    {
        var probe = Probe();
        var report = (await new Diagnoser(new ProbeRegistry([probe]), Time, new StoredObservationSource([]))
            .RunAsync(System(), [Runbook()], new DiagnoseOptions(), cancellationToken: TestContext.Current.CancellationToken)).Report;

        probe.Runs.ShouldBe(0);
        report.Findings.ShouldBeEmpty();
        report.Observations.ShouldAllBe(o => o.Status == ObservationStatus.Error && o.Error!.Kind == StoredObservationSource.NotRecorded);
    }

    [Fact]
    public void A_system_survives_its_json_form_with_secrets_masked()
    {
        var secrets = new SecretSet();
        secrets.Add("hunter22");
        var system = new SystemDefinition("shop", ["pma"],
            [new Component("db", "tcp", new JsonObject { ["address"] = "u:hunter22@h:1" }, "/srv", new SourcePosition("m.yaml", 4, 3))], "m.yaml", secrets);

        var json = SystemJson.ToJson(system).ToJsonString();
        var back = SystemJson.FromJson(JsonNode.Parse(json));

        json.ShouldNotContain("hunter22");
        back.Name.ShouldBe("shop");
        back.Packs.ShouldBe(["pma"]);
        back.Components[0].GetString("address").ShouldBe("u:***@h:1");
        back.Components[0].Position.Line.ShouldBe(4);
    }
}
