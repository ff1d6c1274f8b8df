using System.Text.RegularExpressions;
using Medic.Logs.Formats;
using Medic.Logs.Triage;
using Shouldly;
using Xunit;
using static Medic.Logs.Tests.Triage.Records;

namespace Medic.Logs.Tests.Triage;

public sealed class AnalyzerTests
{
    [Fact]
    public void Ranks_error_templates_before_more_frequent_info_ones_with_counts_levels_and_times()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        for (var i = 0; i < 50; i++)
        {
            analyzer.Add(Make($"user {i} logged in", minute: i % 10));
        }

        analyzer.Add(Make("database is locked", LogSeverity.Error, minute: 3, line: 60));
        analyzer.Add(Make("database is locked", LogSeverity.Error, minute: 7, line: 61));
        analyzer.Add(Make("slow query on table users", LogSeverity.Warning, minute: 5, line: 62));

        var report = analyzer.Report();
        report.Templates.Select(t => t.Worst).ShouldBe([LogSeverity.Error, LogSeverity.Warning, LogSeverity.Info]);
        var locked = report.Templates[0];
        locked.Template.ShouldBe("database is locked");
        locked.Count.ShouldBe(2);
        locked.FirstSeen.ShouldBe(At(3));
        locked.LastSeen.ShouldBe(At(7));
        locked.FirstAt.ShouldBe("app.log:60");
        locked.Levels.ShouldBe(new Dictionary<string, long> { ["error"] = 2 });
        report.Templates[2].Template.ShouldBe("user <*> logged in");
        report.Templates[2].Count.ShouldBe(50);
        report.Errors.ShouldBe(2);
        report.Warnings.ShouldBe(1);
        report.Records.ShouldBe(53);
    }

    [Fact]
    public void Among_errors_a_recent_template_outranks_an_equally_frequent_old_one()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        for (var i = 0; i < 5; i++)
        {
            analyzer.Add(Make("old failure happened", LogSeverity.Error, minute: i));
            analyzer.Add(Make("new failure happened now", LogSeverity.Error, minute: 50 + i));
        }

        analyzer.Report().Templates[0].Template.ShouldBe("new failure happened now");
    }

    [Fact]
    public void The_time_window_leaves_records_out_of_counts_but_not_out_of_the_template_csv()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Since = At(5), Until = At(8), KeepAssignments = true });
        for (var i = 0; i < 10; i++)
        {
            analyzer.Add(Make("tick", minute: i, line: i + 1));
        }

        analyzer.Report().Records.ShouldBe(4);
        var csv = new StringWriter();
        analyzer.WriteTemplates(csv);
        csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(11);
    }

    [Fact]
    public void Template_csv_has_a_row_per_line_in_input_order_with_final_templates_quoted()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { KeepAssignments = true });
        analyzer.Add(Make("connect to 10.0.0.1 failed, retrying"));
        analyzer.Add(Make("Traceback (most recent call last):", continuation: true));
        analyzer.Add(Make("connect to 10.0.0.2 failed, retrying"));
        var csv = new StringWriter();
        analyzer.WriteTemplates(csv);
        csv.ToString().ReplaceLineEndings("\n").ShouldBe(
            "LineId,EventTemplate\n1,\"connect to <*> failed, retrying\"\n2,Traceback (most recent call last):\n3,\"connect to <*> failed, retrying\"\n");
    }

    [Fact]
    public void Continuation_lines_do_not_count_as_records()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        analyzer.Add(Make("query failed", LogSeverity.Error));
        analyzer.Add(Make("  File \"/app/db.py\", line 10, in run", LogSeverity.Error, continuation: true));
        var report = analyzer.Report();
        report.Records.ShouldBe(1);
        report.Lines.ShouldBe(2);
        report.Templates.ShouldHaveSingleItem().Template.ShouldBe("query failed");
    }

    [Fact]
    public void Templates_the_miner_merges_after_the_fact_are_one_row_with_their_counts_together()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { KeepAssignments = true });
        string[] users = ["alice", "bob", "carol", "dave"];
        foreach (var user in users)
        {
            analyzer.Add(Make($"user {user} logged in"));
        }

        analyzer.Add(Make("user erin logged in", LogSeverity.Error));
        var template = analyzer.Report().Templates.ShouldHaveSingleItem();
        template.Template.ShouldBe("user <*> logged in");
        template.Count.ShouldBe(5);
        template.Worst.ShouldBe(LogSeverity.Error);
        var csv = new StringWriter();
        analyzer.WriteTemplates(csv);
        csv.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .ShouldAllBe(row => row.EndsWith(",user <*> logged in", StringComparison.Ordinal));
    }

    [Fact]
    public void Masks_apply_before_mining()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Masks = [new Regex("job-[a-z]+")] });
        analyzer.Add(Make("finished job-alpha"));
        analyzer.Add(Make("finished job-beta"));
        analyzer.Report().Templates.ShouldHaveSingleItem().Template.ShouldBe("finished <*>");
    }

    [Fact]
    public void Baseline_shows_new_templates_and_those_whose_share_grew()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        for (var i = 0; i < 100; i++)
        {
            analyzer.AddBaseline(Make("request served"));
            analyzer.Add(Make("request served"));
        }

        for (var i = 0; i < 2; i++)
        {
            analyzer.AddBaseline(Make("cache miss for key"));
        }

        for (var i = 0; i < 20; i++)
        {
            analyzer.Add(Make("cache miss for key"));
        }

        analyzer.Add(Make("disk full on /var", LogSeverity.Error));
        analyzer.AddSource("old.log", "plain", 102, baseline: true);
        analyzer.AddSource("new.log", "plain", 121, baseline: false);
        var changes = analyzer.Report().Baseline!;
        changes.Select(c => c.Template).ShouldBe(["disk full on <*>", "cache miss for key"]);
        changes[0].IsNew.ShouldBeTrue();
        changes[1].IsNew.ShouldBeFalse();
        changes[1].BaselineCount.ShouldBe(2);
        changes[1].Growth.ShouldBe((20.0 / 121) / (2.0 / 102), 0.001);
    }

    [Fact]
    public void Links_templates_to_runbooks_whose_symptoms_they_show()
    {
        var runbook = new RunbookRef("webmacs.db-pool-exhaustion", "pool exhausted", [new RunbookCauseRef("too-many-requests", "t", "Raise the pool size")]);
        var symptoms = SymptomPattern.From(runbook, "`TimeoutError` or `QueuePool limit of X overflow Y reached` in backend logs.", null).ToList();
        var analyzer = new LogAnalyzer(new TriageOptions { Symptoms = symptoms });
        analyzer.Add(Make("QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00", LogSeverity.Error));
        analyzer.Add(Make("pool is fine"));
        var report = analyzer.Report();
        report.Templates[0].Runbooks.ShouldHaveSingleItem().RunbookId.ShouldBe("webmacs.db-pool-exhaustion");
        report.Templates[0].Runbooks[0].Causes[0].Fix.ShouldBe("Raise the pool size");
        report.Templates[1].Runbooks.ShouldBeEmpty();
    }

    [Fact]
    public void Timeline_counts_records_errors_and_warnings_per_minute_including_empty_minutes()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        analyzer.Add(Make("a", minute: 0));
        analyzer.Add(Make("b", LogSeverity.Error, minute: 0));
        analyzer.Add(Make("c", LogSeverity.Warning, minute: 3));
        var timeline = analyzer.Report().Timeline;
        timeline.Select(b => b.Total).ShouldBe([2L, 0, 0, 1]);
        timeline.Select(b => b.Errors).ShouldBe([1L, 0, 0, 0]);
        timeline.Select(b => b.Warnings).ShouldBe([0L, 0, 0, 1]);
        timeline[3].Start.ShouldBe(At(3));
    }
}
