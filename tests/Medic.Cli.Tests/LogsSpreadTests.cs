using System.Text.Json;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary>The spread of variable values per template, in every report format, with secrets redacted.</summary>
public sealed class LogsSpreadTests : IDisposable
{
    private const string Log = """
        2024-01-15 10:00:00,000 ERROR app.db: connection to 10.0.0.7:5432 failed for user svc01 with password=Hunter2x99
        2024-01-15 10:00:01,000 ERROR app.db: connection to 10.0.0.7:5432 failed for user svc02 with password=Hunter2x99
        2024-01-15 10:00:02,000 ERROR app.db: connection to 10.0.0.8:5432 failed for user svc01 with password=Tiger77abc
        2024-01-15 10:00:03,000 INFO app.api: request 1234 served in 15 ms
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Text_lists_each_variable_with_its_distinct_count_and_top_values()
    {
        var run = await CliRun.RunAsync("logs", _dir.Write("app.log", Log));
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("<*>#1 in <*>:<*>: 2 distinct — 10.0.0.7:5432 ×2, 10.0.0.8:5432 ×1");
        run.Stdout.ShouldContain("<*>#2: 2 distinct — svc01 ×2, svc02 ×1");
        run.Stdout.ShouldContain("<*>#3 in password=<*>: 2 distinct — [REDACTED:secret-key#1] ×2, …");
        NoSecrets(run.Stdout);
    }

    [Fact]
    public async Task Json_has_a_variables_array_per_template()
    {
        var run = await CliRun.RunAsync("logs", _dir.Write("app.log", Log), "--format", "json");
        run.ExitCode.ShouldBe(1, run.Stderr);
        NoSecrets(run.Stdout);
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("schema").GetString().ShouldBe("medic.logs/v1");
        var error = doc.RootElement.GetProperty("templates")[0];
        var variables = error.GetProperty("variables").EnumerateArray().ToList();
        variables.Count.ShouldBe(3);
        var host = variables[0];
        host.GetProperty("wildcard").GetInt32().ShouldBe(1);
        host.GetProperty("position").GetInt32().ShouldBe(2);
        host.GetProperty("token").GetString().ShouldBe("<*>:<*>");
        host.GetProperty("distinct").GetInt64().ShouldBe(2);
        host.GetProperty("estimate").GetBoolean().ShouldBeFalse();
        var top = host.GetProperty("top")[0];
        (top.GetProperty("value").GetString(), top.GetProperty("count").GetInt64()).ShouldBe(("10.0.0.7:5432", 2L));
        variables[2].GetProperty("top").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ShouldAllBe(v => v!.StartsWith("[REDACTED:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_has_a_values_column()
    {
        var run = await CliRun.RunAsync("logs", _dir.Write("app.log", Log), "--format", "markdown");
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("| level | count | first → last | template | example | values | runbook |");
        run.Stdout.ShouldContain("`<*>#1 in <*>:<*>` 2 distinct: `10.0.0.7:5432 ×2, 10.0.0.8:5432 ×1`<br>`<*>#2` 2 distinct: `svc01 ×2, svc02 ×1`");
        NoSecrets(run.Stdout);
    }

    [Fact]
    public async Task Info_records_get_spreads_only_with_all_values()
    {
        var log = _dir.Write("app.log", Log);
        static JsonElement Info(JsonDocument d) => d.RootElement.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("worst").GetString() == "info");

        var warningsUp = await CliRun.RunAsync("logs", log, "--format", "json");
        using (var doc = JsonDocument.Parse(warningsUp.Stdout))
        {
            Info(doc).GetProperty("variables").GetArrayLength().ShouldBe(0);
            doc.RootElement.GetProperty("templates")[0].GetProperty("variables").GetArrayLength().ShouldBe(3);
        }

        var all = await CliRun.RunAsync("logs", log, "--format", "json", "--all-values");
        using (var doc = JsonDocument.Parse(all.Stdout))
        {
            var served = Info(doc).GetProperty("variables").EnumerateArray().Select(v => v.GetProperty("top")[0].GetProperty("value").GetString()).ToList();
            served.ShouldBe(["1234", "15"]);
        }
    }

    private static void NoSecrets(string output)
    {
        output.ShouldNotContain("Hunter2x99");
        output.ShouldNotContain("Tiger77abc");
    }
}
