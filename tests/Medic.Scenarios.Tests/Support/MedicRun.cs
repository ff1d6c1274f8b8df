using System.Text.Json;
using Medic.Cli;
using Medic.Cli.Commands;

namespace Medic.Scenarios.Tests.Support;

/// <summary>Runs the medic command line in-process, as a user would from the repository root, and captures its output.</summary>
internal sealed record MedicRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The repository root (the folder holding Medic.slnx), so example paths read as in the README.</summary>
    public static string Root { get; } = FindRoot();

    public static async Task<MedicRun> RunAsync(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runtime = new MedicRuntime
        {
            Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name),
        };
        var code = await MedicCli.RunAsync(new CliContext(runtime, stdout, stderr, interactive: false), args);
        return new MedicRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The findings of a <c>--format json</c> run as <c>runbook/cause</c>, in report order.</summary>
    public IReadOnlyList<string> Causes() => [.. Findings().Select(f => f.Cause)];

    /// <summary>The findings at warning or above, as <c>runbook/cause (severity)</c>.</summary>
    public IReadOnlyList<string> AtWarningOrAbove() =>
        [.. Findings().Where(f => f.IsWarningOrAbove).Select(f => $"{f.Cause} ({f.Severity})")];

    /// <summary>The first finding's explanation.</summary>
    public string FirstExplanation() => Findings()[0].Explanation;

    /// <summary>The findings of a <c>--format json</c> run, in report order.</summary>
    public IReadOnlyList<ReportedFinding> Findings()
    {
        if (Stdout.Length == 0)
        {
            throw new InvalidOperationException($"medic printed nothing (exit {ExitCode}): {Stderr}");
        }

        using var doc = JsonDocument.Parse(Stdout);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => new ReportedFinding(
            $"{f.GetProperty("runbook").GetString()}/{f.GetProperty("cause").GetString()}",
            f.GetProperty("severity").GetString() ?? "",
            f.GetProperty("title").GetString() ?? "",
            f.GetProperty("explanation").GetString() ?? "")
        {
            Related = f.TryGetProperty("related", out var related)
                ? [.. related.EnumerateArray().Select(r => $"{r.GetProperty("runbook").GetString()}/{r.GetProperty("cause").GetString()}")]
                : [],
        })];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medic.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Medic.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One finding of a JSON report: <c>runbook/cause</c>, severity, title, explanation and the findings it folded.</summary>
internal sealed record ReportedFinding(string Cause, string Severity, string Title, string Explanation)
{
    public bool IsWarningOrAbove => Severity is "warning" or "error" or "critical";

    /// <summary>The generic findings folded under this one (<c>runbook/cause</c>), from the report's <c>related</c>.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}
