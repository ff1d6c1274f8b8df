using Medic.Cli.Rendering;
using Spectre.Console;

namespace Medic.Cli.Commands;

/// <summary>Where a command writes, and the shared runtime; tests substitute writers.</summary>
internal sealed class CliContext(MedicRuntime runtime, TextWriter stdout, TextWriter stderr, bool interactive)
{
    public MedicRuntime Runtime { get; } = runtime;

    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    public bool Interactive { get; } = interactive;

    public IAnsiConsole Out { get; } = Consoles.For(stdout, ReferenceEquals(stdout, Console.Out) && Consoles.OutputIsTerminal);

    public IAnsiConsole Err { get; } = Consoles.For(stderr, interactive);
}
