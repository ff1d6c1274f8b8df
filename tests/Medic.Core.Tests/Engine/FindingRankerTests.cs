using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Reports;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Engine.EngineFixtures;

namespace Medic.Core.Tests.Engine;

/// <summary>A specific cause that declares <c>supersedes</c> ranks first and folds the generic finding under it.</summary>
public sealed class FindingRankerTests
{
    private static Template T(string text) =>
        Template.TryParse(text, out var t, out var e) ? t : throw new InvalidOperationException(e.ToString());

    private static Cause Cause(string id, Severity severity, double confidence = 0.8, params string[] supersedes) =>
        new(id, T(id), Expression.TryParse("true", out var x, out _) ? x : throw new InvalidOperationException(),
            severity, confidence, T("x"), T("fix it"), [], new SourcePosition("rb.yaml", 1, 1)) { Supersedes = supersedes };

    private static Runbook Runbook(string id, string kind, params Cause[] causes) =>
        new(id, "A runbook", id.Split('.')[0], [kind], "", [], [Check("c", "tcp.connect")], causes, new SourcePosition("rb.yaml", 1, 1));

    private static SystemDefinition System(params (string Name, string Kind)[] components) =>
        new("shop", [], [.. components.Select(c => new Component(c.Name, c.Kind, [], "/tmp", new SourcePosition("medic.yaml", 3, 3)))],
            "medic.yaml", new SecretSet());

    private static async Task<Report> Diagnose(SystemDefinition system, params Runbook[] runbooks)
    {
        var probe = new TestProbe("tcp.connect", (_, _) => Task.FromResult(ProbeResult.Ok(new JsonObject())));
        var diagnosis = await new Diagnoser(new ProbeRegistry([probe]), new FakeTimeProvider(DateTimeOffset.UnixEpoch))
            .RunAsync(system, runbooks, new DiagnoseOptions(), cancellationToken: TestContext.Current.CancellationToken);
        return diagnosis.Report;
    }

    [Fact]
    public async Task A_superseding_cause_ranks_first_and_carries_the_generic_finding_as_related()
    {
        var generic = Runbook("tcp.locked", "tcp", Cause("held", Severity.Critical, 0.95), Cause("other", Severity.Warning));
        var seed = Runbook("shop.locked", "tcp", Cause("long-transaction", Severity.Error, 0.5, "tcp.locked/held"));

        var report = await Diagnose(System(("db", "tcp")), generic, seed);

        report.Findings.Select(f => $"{f.Runbook}/{f.Cause}").ShouldBe(["shop.locked/long-transaction", "tcp.locked/other"]);
        var head = report.Findings[0];
        head.Severity.ShouldBe(Severity.Critical, "the head takes the higher severity of what it folds");
        head.Related.Select(r => $"{r.Runbook}/{r.Cause}").ShouldBe(["tcp.locked/held"]);
        report.Summary.Critical.ShouldBe(1);
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_runbook_id_supersedes_every_cause_of_that_runbook()
    {
        var generic = Runbook("tcp.locked", "tcp", Cause("held", Severity.Error), Cause("other", Severity.Warning));
        var seed = Runbook("shop.locked", "tcp", Cause("specific", Severity.Warning, 0.5, "tcp.locked"));

        var report = await Diagnose(System(("db", "tcp")), generic, seed);

        report.Findings.Select(f => f.Cause).ShouldBe(["specific"]);
        report.Findings[0].Related.Select(r => r.Cause).ShouldBe(["held", "other"]);
        report.Findings[0].Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public async Task Same_kind_findings_on_another_component_are_not_folded()
    {
        var generic = Runbook("tcp.locked", "tcp", Cause("held", Severity.Error));
        var seed = Runbook("shop.locked", "tcp", Cause("specific", Severity.Warning, 0.8, "tcp.locked/held"));

        var report = await Diagnose(System(("a", "tcp"), ("b", "tcp")), generic, seed);

        report.Findings.Count(f => f.Cause == "specific").ShouldBe(2);
        report.Findings.Where(f => f.Cause == "specific").ShouldAllBe(f => f.Related.Count == 1 && f.Related[0].Component == f.Component);
        report.Findings.Where(f => f.Cause == "held").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_runbook_of_another_kind_folds_the_generic_finding_on_any_component()
    {
        var generic = Runbook("host.not-writable", "host", Cause("not-writable", Severity.Error));
        var seed = Runbook("shop.fails-to-start", "config", Cause("permissions", Severity.Error, 0.8, "host.not-writable/not-writable"));

        var report = await Diagnose(System(("host", "host"), ("cfg", "config")), generic, seed);

        report.Findings.Select(f => $"{f.Component}:{f.Cause}").ShouldBe(["cfg:permissions"]);
        report.Findings[0].Related.Single().Component.ShouldBe("host");
    }

    [Fact]
    public async Task A_chain_ends_under_the_most_specific_finding_whatever_the_rank_order()
    {
        // shop.replication (ranked first by confidence) folds nats.unreachable; shop.nats supersedes both.
        var generic = Runbook("nats.unreachable", "nats", Cause("refused", Severity.Critical));
        var broad = Runbook("shop.replication", "sqlite", Cause("nats-connectivity", Severity.Critical, 0.9, "nats.unreachable"));
        var specific = Runbook("shop.nats", "nats", Cause("server-down", Severity.Critical, 0.5, "nats.unreachable", "shop.replication/nats-connectivity"));

        var report = await Diagnose(System(("db", "sqlite"), ("bus", "nats")), generic, broad, specific);

        report.Findings.Select(f => $"{f.Runbook}/{f.Cause}").ShouldBe(["shop.nats/server-down"]);
        report.Findings[0].Related.Select(r => $"{r.Runbook}/{r.Cause}").ShouldBe(["shop.replication/nats-connectivity", "nats.unreachable/refused"]);
    }

    [Fact]
    public async Task Mutual_supersedes_folds_only_one_way_and_loses_nothing()
    {
        var a = Runbook("shop.a", "tcp", Cause("a", Severity.Error, 0.9, "shop.b"));
        var b = Runbook("shop.b", "tcp", Cause("b", Severity.Error, 0.8, "shop.a"));

        var report = await Diagnose(System(("db", "tcp")), a, b);

        report.Findings.Select(f => f.Cause).ShouldBe(["a"]);
        report.Findings[0].Related.Select(r => r.Cause).ShouldBe(["b"]);
    }

    [Fact]
    public async Task Unrelated_findings_keep_severity_then_confidence_order_and_json_has_no_related_key()
    {
        var generic = Runbook("tcp.locked", "tcp", Cause("held", Severity.Error, 0.9));
        var seed = Runbook("shop.locked", "tcp", Cause("specific", Severity.Warning, 0.99, "tcp.other"));

        var report = await Diagnose(System(("db", "tcp")), generic, seed);

        report.Findings.Select(f => f.Cause).ShouldBe(["held", "specific"]);
        var json = JsonReportWriter.ToJson(report);
        json["findings"]!.AsArray().ShouldAllBe(f => f!.AsObject().ContainsKey("related") == false);
    }

    [Fact]
    public async Task Folded_findings_are_written_in_full_under_related_in_the_json_report()
    {
        var generic = Runbook("tcp.locked", "tcp", Cause("held", Severity.Error));
        var seed = Runbook("shop.locked", "tcp", Cause("specific", Severity.Warning, 0.8, "tcp.locked/held"));

        var report = await Diagnose(System(("db", "tcp")), generic, seed);

        var finding = JsonReportWriter.ToJson(report)["findings"]![0]!;
        finding["severity"]!.GetValue<string>().ShouldBe("error");
        var related = finding["related"]!.AsArray().Single()!;
        related["runbook"]!.GetValue<string>().ShouldBe("tcp.locked");
        related["cause"]!.GetValue<string>().ShouldBe("held");
        related["fix"]!.GetValue<string>().ShouldBe("fix it");
    }
}
