using Spectre.Console;

namespace Medic.Cli.Rendering;

/// <summary>Spectre consoles for stdout and stderr; both honour NO_COLOR and drop ANSI when redirected.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer, bool interactive) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public static bool ErrorIsTerminal => !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("CI") is null;
}
