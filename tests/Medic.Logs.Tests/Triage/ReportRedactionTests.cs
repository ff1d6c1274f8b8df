using System.Text.RegularExpressions;
using Medic.Logs.Formats;
using Medic.Logs.Triage;
using Shouldly;
using Xunit;
using static Medic.Logs.Tests.Triage.Records;

namespace Medic.Logs.Tests.Triage;

/// <summary>
/// A secret that is the same on every line is never masked by the miner, so it stays in the template text: the report redacts
/// every text it shows, once per template. The redactor here keeps the contract of the Medic.Bundles one (a value that is only
/// <c>&lt;*&gt;</c> stays); the CLI tests run the real one.
/// </summary>
public sealed partial class ReportRedactionTests
{
    private const string Secret = "hunter2secret";
    private int _calls;

    private string Redact(string s)
    {
        _calls++;
        return SecretValue().Replace(s, "$1[REDACTED:secret-key#1]");
    }

    [GeneratedRegex(@"(?i)(password=)(?!<\*>(?:[\s,]|$))([^\s,]+)")]
    private static partial Regex SecretValue();

    [Fact]
    public void A_secret_on_every_line_leaves_the_template_text_with_its_wildcards_kept()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Redact = Redact });
        for (var i = 0; i < 40; i++)
        {
            analyzer.Add(Make($"login failed for user svc{i} password={Secret} from 10.0.0.{i}", LogSeverity.Error, minute: i % 10));
        }

        var t = analyzer.Report().Templates.ShouldHaveSingleItem();
        t.Count.ShouldBe(40);
        t.Template.ShouldBe("login failed for user <*> password=[REDACTED:secret-key#1] from <*>");
        t.Example.ShouldNotContain(Secret);
        t.Variables.Select(v => v.Token).ShouldBe(["<*>", "<*>"]);
    }

    [Fact]
    public void Redaction_runs_per_template_listed_not_per_line()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Redact = Redact, KeepAssignments = true, TrackValues = false });
        for (var i = 0; i < 5000; i++)
        {
            analyzer.Add(Make(i % 2 == 0 ? $"login failed password={Secret}" : $"job {i} done", line: i + 1));
        }

        _ = analyzer.Report();
        analyzer.WriteTemplates(new StringWriter());
        _calls.ShouldBeLessThan(20);
    }

    [Fact]
    public void The_template_csv_is_redacted_once_per_template_and_keeps_wildcards()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Redact = Redact, KeepAssignments = true });
        analyzer.Add(Make($"retry 1 with password={Secret}, giving up"));
        analyzer.Add(Make($"retry 2 with password={Secret}, giving up"));
        analyzer.Add(Make("login password=4711 ok"));
        analyzer.Add(Make("login password=0815 ok"));
        var csv = new StringWriter();
        analyzer.WriteTemplates(csv);
        csv.ToString().ReplaceLineEndings("\n").ShouldBe(
            "LineId,EventTemplate\n"
            + "1,\"retry <*> with password=[REDACTED:secret-key#1], giving up\"\n"
            + "2,\"retry <*> with password=[REDACTED:secret-key#1], giving up\"\n"
            + "3,login password=<*> ok\n4,login password=<*> ok\n");
    }

    [Fact]
    public void Baseline_changes_routes_and_slow_requests_are_redacted()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Redact = Redact });
        analyzer.AddBaseline(Make("request served"));
        for (var i = 0; i < 10; i++)
        {
            analyzer.Add(Make($"upstream call with password={Secret} took", LogSeverity.Warning, ms: 100 + i));
            analyzer.Add(Make("GET served", ms: 500 + i, path: $"/v1/items?password={Secret}"));
        }

        analyzer.AddSource("old.log", "plain", 1, baseline: true);
        analyzer.AddSource("new.log", "plain", 20, baseline: false);
        var report = analyzer.Report();
        var change = report.Baseline!.First(c => c.IsNew && c.Template.StartsWith("upstream", StringComparison.Ordinal));
        change.Template.ShouldBe("upstream call with password=[REDACTED:secret-key#1] took");
        report.Baseline!.ShouldAllBe(c => !c.Template.Contains(Secret) && !c.Example.Contains(Secret));
        report.Slow!.Routes.Select(r => r.Route).ShouldContain("upstream call with password=[REDACTED:secret-key#1] took");
        report.Slow.Routes.ShouldAllBe(r => !r.Route.Contains(Secret));
        report.Slow.Slowest.ShouldAllBe(r => !r.Message.Contains(Secret) && (r.Path == null || !r.Path.Contains(Secret)));
        report.Slow.Slowest.ShouldContain(r => r.Path == "/v1/items?password=[REDACTED:secret-key#1]");
    }

    [Fact]
    public void The_token_holding_a_wildcard_hides_constant_secret_text_beside_it()
    {
        string[] tokens = ["login", "with", $"password={Secret}<*>", "from", "<*>"];
        VariableValues.RedactToken(tokens, 2, Redact).ShouldBe("password=[REDACTED:secret-key#1]");
        VariableValues.RedactToken(tokens, 4, Redact).ShouldBe("<*>");
        VariableValues.RedactToken(["login", "password=<*>"], 1, Redact).ShouldBe("password=<*>");
    }

    [Fact]
    public void Without_a_redactor_the_template_text_is_the_miners()
    {
        var analyzer = new LogAnalyzer(new TriageOptions());
        analyzer.Add(Make($"login password={Secret}"));
        analyzer.Report().Templates.ShouldHaveSingleItem().Template.ShouldBe($"login password={Secret}");
    }
}
