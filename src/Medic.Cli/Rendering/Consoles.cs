using Spectre.Console;

namespace Medic.Cli.Rendering;

/// <summary>Spectre consoles for stdout and stderr; both honour NO_COLOR and drop ANSI when redirected.</summary>
internal static class Consoles
{
    /// <summary>A console on <paramref name="writer"/>: colours and ANSI only when it is a terminal (and NO_COLOR is unset).</summary>
    public static IAnsiConsole For(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public static bool OutputIsTerminal => !Console.IsOutputRedirected;

    public static bool ErrorIsTerminal => !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("CI") is null;
}
