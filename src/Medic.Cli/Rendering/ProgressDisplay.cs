using Spectre.Console;

namespace Medic.Cli.Rendering;

/// <summary>The one progress display of long commands (diagnose, bundle): on stderr, cleared when done.</summary>
internal static class ProgressDisplay
{
    public static Task StartAsync(IAnsiConsole err, Func<ProgressContext, Task> work) =>
        err.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(work);
}
