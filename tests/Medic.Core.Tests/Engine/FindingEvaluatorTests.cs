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

public sealed class FindingEvaluatorTests
{
    private static Template T(string text) =>
        Template.TryParse(text, out var t, out var e) ? t : throw new InvalidOperationException(e.ToString());

    private static Cause Cause(string id, string when, Severity severity = Severity.Error, double confidence = 0.8, string explanation = "x") =>
        new(id, T(""), Expression.TryParse(when, out var x, out var e) ? x : throw new InvalidOperationException(e.ToString()),
            severity, confidence, T(explanation), T("fix it"), [], new SourcePosition("rb.yaml", 1, 1));

    private static Runbook Runbook(string id, params Cause[] causes) =>
        new(id, "A runbook", "tcp", ["tcp"], "", [], [Check("c", "tcp.connect")], causes, new SourcePosition("rb.yaml", 1, 1));

    private static SystemDefinition System(SecretSet? secrets = null, JsonObject? settings = null) =>
        new("shop", [], [new Component("db", "tcp", settings ?? [], "/tmp", new SourcePosition("medic.yaml", 3, 3))], "medic.yaml",
            secrets ?? new SecretSet());

    private static async Task<Diagnosis> Diagnose(Func<ProbeResult> result, SystemDefinition system, params Runbook[] runbooks)
    {
        var probe = new TestProbe("tcp.connect", (_, _) => Task.FromResult(result()));
        return await new Diagnoser(new ProbeRegistry([probe]), new FakeTimeProvider(DateTimeOffset.UnixEpoch))
            .RunAsync(system, runbooks, new DiagnoseOptions(), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Findings_are_ordered_by_severity_then_confidence_then_plan_order()
    {
        var runbook = Runbook("tcp.many",
            Cause("low", "true", Severity.Warning, 0.9),
            Cause("second-error", "true", Severity.Error, 0.5),
            Cause("first-error", "true", Severity.Error, 0.9),
            Cause("third-error", "true", Severity.Error, 0.5),
            Cause("never", "false", Severity.Critical));

        var report = (await Diagnose(() => ProbeResult.Ok(new JsonObject()), System(), runbook)).Report;

        report.Findings.Select(f => f.Cause).ShouldBe(["first-error", "second-error", "third-error", "low"]);
        report.Summary.Error.ShouldBe(3);
        report.Summary.Warning.ShouldBe(1);
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_manual_cause_never_becomes_a_finding()
    {
        var manual = Cause("needs-a-human", "true") with { Manual = true };
        var runbook = Runbook("tcp.knowledge", manual, Cause("detected", "true"));

        var report = (await Diagnose(() => ProbeResult.Ok(new JsonObject()), System(), runbook)).Report;

        report.Findings.Select(f => f.Cause).ShouldBe(["detected"]);
    }

    [Fact]
    public async Task Evidence_is_every_check_path_the_condition_reads_with_its_value()
    {
        var runbook = Runbook("tcp.slow",
            Cause("slow", "c.data.latency_ms > 200 and c.data.port == component.port and any(c.data.peers, p => p.up)"));
        var data = new JsonObject { ["latency_ms"] = 350, ["port"] = 5432, ["peers"] = new JsonArray(new JsonObject { ["up"] = true }) };

        var report = (await Diagnose(() => ProbeResult.Ok(data.DeepClone()), System(settings: new JsonObject { ["port"] = 5432L }), runbook)).Report;

        var evidence = report.Findings.Single().Evidence;
        evidence.Select(e => e.Path).ShouldBe(["c.data.latency_ms", "c.data.port", "c.data.peers"]);
        evidence.ShouldAllBe(e => e.Probe == "tcp.connect");
        evidence[0].Value!.ToJsonString().ShouldBe("350");
    }

    [Fact]
    public async Task A_cause_can_test_for_a_classified_probe_failure()
    {
        var runbook = Runbook("tcp.down", Cause("refused", "c.status == 'error' and c.error.kind == 'connection_refused'", explanation: "said: {c.error.message}"));

        var report = (await Diagnose(() => ProbeResult.Fail(ErrorKinds.ConnectionRefused, "Connection refused"), System(), runbook)).Report;

        var finding = report.Findings.Single();
        finding.Cause.ShouldBe("refused");
        finding.Explanation.ShouldBe("said: Connection refused");
        report.Summary.ProbeErrors.ShouldBe(1);
    }

    [Fact]
    public async Task A_condition_that_fails_on_the_observed_data_is_a_warning_not_a_finding()
    {
        var runbook = Runbook("tcp.odd", Cause("typed", "c.data.name > 3"), Cause("fine", "c.data.name == 'x'"));

        var diagnosis = await Diagnose(() => ProbeResult.Ok(new JsonObject { ["name"] = "x" }), System(), runbook);

        diagnosis.Report.Findings.Select(f => f.Cause).ShouldBe(["fine"]);
        diagnosis.Warnings.Single().Cause.ShouldBe("typed");
        diagnosis.Warnings.Single().Message.ShouldStartWith("rb.yaml: condition 1:");
    }

    [Fact]
    public async Task A_condition_that_is_not_true_or_false_is_a_warning()
    {
        var diagnosis = await Diagnose(() => ProbeResult.Ok(new JsonObject { ["n"] = 3 }), System(), Runbook("tcp.n", Cause("n", "c.data.n")));

        diagnosis.Report.Findings.ShouldBeEmpty();
        diagnosis.Warnings.Single().Message.ShouldContain("not true/false");
    }

    [Fact]
    public async Task Secrets_never_reach_a_finding_even_when_a_probe_echoes_them()
    {
        var secrets = new SecretSet();
        secrets.Add("hunter2-secret");
        var runbook = Runbook("tcp.echo", Cause("echo", "true", explanation: "server said {c.data.banner}; password {component.password}"));

        var report = (await Diagnose(() => ProbeResult.Ok(new JsonObject { ["banner"] = "auth hunter2-secret failed" }),
            System(secrets, new JsonObject { ["password"] = "hunter2-secret" }), runbook)).Report;

        report.Findings.Single().Explanation.ShouldBe("server said auth *** failed; password ***");
    }
}
