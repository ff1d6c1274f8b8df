using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary>
/// A secret that is the same on every line is never masked as a variable, so it reaches the template text: no report format, the
/// baseline section, the template CSV or a trace may show it, while templates still group and keep their wildcards.
/// </summary>
public sealed class LogsRedactionTests : IDisposable
{
    private const string Password = "hunter2secret";
    private const string ApiKey = "AKfixedKey998877";
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private const string LoginTemplate = "login failed for user <*> password=[REDACTED:secret-key#1] from <*>";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteLog(string name = "secret.log", bool infoOnly = false)
    {
        var log = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            var at = $"2024-01-15 10:{i:00}:00,000";
            if (!infoOnly)
            {
                log.AppendLine($"{at} ERROR app.db: login failed for user svc{i} password={Password} from 10.0.0.{i}");
                log.AppendLine($"{at} WARN app.http: upstream call for svc{i} took {100 + i} ms Authorization: Bearer {Jwt}");
            }

            log.AppendLine($"{at} INFO app.api: GET /v1/items?api_key={ApiKey}&user=svc{i} status 200");
        }

        return _dir.Write(name, log.ToString());
    }

    private static void NoSecrets(string output)
    {
        output.ShouldNotContain(Password);
        output.ShouldNotContain(ApiKey);
        output.ShouldNotContain(Jwt[..24]);
        output.ShouldNotContain(Jwt[^24..]);
    }

    [Fact]
    public async Task Json_templates_group_keep_wildcards_and_hold_no_secret()
    {
        var run = await CliRun.RunAsync("logs", WriteLog(), "--format", "json", "--all-values");
        run.ExitCode.ShouldBe(1, run.Stderr);
        NoSecrets(run.Stdout);
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("template_count").GetInt32().ShouldBe(3);
        var templates = doc.RootElement.GetProperty("templates").EnumerateArray()
            .ToDictionary(t => t.GetProperty("template").GetString()!, t => t.GetProperty("count").GetInt64());
        templates.Count.ShouldBe(3);
        templates.ShouldAllBe(t => t.Value == 30);
        templates.Keys.ShouldContain(LoginTemplate);
        templates.Keys.ShouldAllBe(t => t.Contains("<*>"));
    }

    [Fact]
    public async Task Text_and_markdown_hold_no_secret_in_templates_or_the_baseline_section()
    {
        var log = WriteLog();
        var old = WriteLog("old.log", infoOnly: true);
        var text = await CliRun.RunAsync("logs", log, "--baseline", old, "--slow");
        text.ExitCode.ShouldBe(1, text.Stderr);
        text.Stdout.ShouldContain("Since the baseline");
        text.Stdout.ShouldContain("password=[REDACTED:secret-key#");
        NoSecrets(text.Stdout);

        var md = await CliRun.RunAsync("logs", log, "--baseline", old, "--format", "markdown", "--slow");
        md.ExitCode.ShouldBe(1, md.Stderr);
        md.Stdout.ShouldContain("## Since the baseline");
        md.Stdout.ShouldContain($"| new | 30 | 0 | `{LoginTemplate}` |");
        NoSecrets(md.Stdout);
    }

    [Fact]
    public async Task The_template_csv_is_redacted_per_template_and_keeps_one_row_per_line()
    {
        var csv = Path.Combine(_dir.Path, "templates.csv");
        var run = await CliRun.RunAsync("logs", WriteLog(), "--emit-templates", csv, "--format", "json");
        run.ExitCode.ShouldBe(1, run.Stderr);
        var rows = File.ReadAllLines(csv);
        NoSecrets(string.Join('\n', rows));
        rows.Length.ShouldBe(91);
        rows[1].ShouldBe($"1,{LoginTemplate}");
        rows.Skip(1).Select(r => r[(r.IndexOf(',', StringComparison.Ordinal) + 1)..]).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Traced_lines_are_redacted()
    {
        var run = await CliRun.RunAsync("logs", WriteLog(), "--trace", "svc7", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Stderr);
        NoSecrets(run.Stdout);
        using var doc = JsonDocument.Parse(run.Stdout);
        var hits = doc.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("text").GetString()!).ToList();
        hits.Count.ShouldBe(3);
        hits[0].ShouldContain("login failed for user svc7 password=[REDACTED:secret-key#1]");
    }
}
