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
    public IReadOnlyList<string> Causes()
    {
        using var doc = JsonDocument.Parse(Stdout);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("runbook").GetString()}/{f.GetProperty("cause").GetString()}")];
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
