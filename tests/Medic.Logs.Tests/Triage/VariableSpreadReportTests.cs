using Medic.Logs.Formats;
using Medic.Logs.Triage;
using Shouldly;
using Xunit;
using static Medic.Logs.Tests.Triage.Records;

namespace Medic.Logs.Tests.Triage;

public sealed class VariableSpreadReportTests
{
    [Fact]
    public void Each_wildcard_of_a_listed_template_has_its_distinct_count_and_top_values()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        for (var i = 0; i < 30; i++)
        {
            analyzer.Add(Make($"connection to 10.0.0.{7 + (i % 3 == 0 ? 1 : 0)}:5432 failed after {100 + i} ms", LogSeverity.Error, minute: i % 10));
        }

        var t = analyzer.Report().Templates.ShouldHaveSingleItem();
        t.Template.ShouldBe("connection to <*>:<*> failed after <*> ms");
        t.Variables.Count.ShouldBe(2);
        var host = t.Variables[0];
        (host.Wildcard, host.Position, host.Token, host.Distinct, host.Estimate).ShouldBe((1, 2, "<*>:<*>", 2L, false));
        host.Top.ShouldBe([new ValueCount("10.0.0.7:5432", 20), new ValueCount("10.0.0.8:5432", 10)]);
        var ms = t.Variables[1];
        (ms.Wildcard, ms.Position, ms.Distinct).ShouldBe((2, 5, 30L));
        ms.Top.Count.ShouldBe(5);
        ms.Top.ShouldAllBe(v => v.Count == 1);
    }

    [Fact]
    public void Values_of_baseline_and_out_of_window_records_are_not_counted()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Since = At(5) });
        analyzer.AddBaseline(Make("job 11 done", minute: 9));
        analyzer.Add(Make("job 22 done", minute: 1));
        analyzer.Add(Make("job 33 done", minute: 6));
        analyzer.Add(Make("job 33 done", minute: 7));

        var spread = analyzer.Report().Templates.ShouldHaveSingleItem().Variables.ShouldHaveSingleItem();
        spread.Top.ShouldBe([new ValueCount("33", 2)]);
        spread.Distinct.ShouldBe(1);
    }

    [Fact]
    public void Beyond_the_tracked_values_the_distinct_count_is_an_estimate()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        for (var i = 0; i < 2000; i++)
        {
            analyzer.Add(Make($"request {10_000 + i} served", minute: 0));
        }

        var spread = analyzer.Report().Templates.ShouldHaveSingleItem().Variables.ShouldHaveSingleItem();
        spread.Estimate.ShouldBeTrue();
        spread.Untracked.ShouldBe(2000 - VariableSpread.MaxTracked);
        spread.Distinct.ShouldBeInRange(1700, 2300);
    }

    [Fact]
    public void Values_and_examples_go_through_the_redaction_with_the_key_before_them()
    {
        // as the Medic.Bundles redactor: a value that is only the template's wildcard is left as it is
        static string Redact(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"(?i)(password[:=]\s*)(?!<\*>(?:\s|$))(\S+)", "$1[REDACTED:secret-key#1]");
        var analyzer = new LogAnalyzer(new TriageOptions { Redact = Redact });
        analyzer.Add(Make("login as user42 with password: hunter2x99", LogSeverity.Warning));
        analyzer.Add(Make("login as user43 with password: hunter3x99", LogSeverity.Warning));

        var t = analyzer.Report().Templates.ShouldHaveSingleItem();
        t.Template.ShouldBe("login as <*> with password: <*>");
        t.Variables[0].Top.Select(v => v.Value).ShouldBe(["user42", "user43"]);
        t.Variables[1].Top.ShouldAllBe(v => v.Value == "[REDACTED:secret-key#1]");
        t.Example.ShouldNotContain("hunter");
    }

    [Fact]
    public void Without_tracking_no_variables_are_reported()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { TrackValues = false });
        analyzer.Add(Make("job 11 done"));
        analyzer.Add(Make("job 22 done"));
        analyzer.Report().Templates.ShouldHaveSingleItem().Variables.ShouldBeEmpty();
    }
}
