using Medic.Cli;
using Medic.Cli.Commands;

namespace Medic.Cli.Tests;

/// <summary>Runs the medic command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env = null, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runtime = new MedicRuntime
        {
            Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : System.Environment.GetEnvironmentVariable(name),
        };
        var code = await MedicCli.RunAsync(new CliContext(runtime, stdout, stderr, interactive: false), args);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as what <c>-</c> reads.</summary>
    public static async Task<CliRun> RunWithStdinAsync(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runtime = new MedicRuntime { Stdin = () => new MemoryStream(stdin, writable: false) };
        var code = await MedicCli.RunAsync(new CliContext(runtime, stdout, stderr, interactive: false), args);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
