using System.CommandLine;

namespace Medic.Cli.Commands;

internal static class KnowledgeOptions
{
    public static Option<string?> Kb() => new("--kb")
    {
        Description = "Knowledge base file (default: $XDG_DATA_HOME/medic/kb.db or ~/.local/share/medic/kb.db)",
    };

    public static Option<string> Format() => new("--format")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => "text",
        CustomParser = r => r.Tokens.Single().Value.ToLowerInvariant() is "text" or "json" or "console"
            ? r.Tokens.Single().Value.ToLowerInvariant().Replace("console", "text", StringComparison.Ordinal)
            : Fail(r, $"unknown format '{r.Tokens.Single().Value}' (use text or json)"),
    };

    private static string Fail(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return "";
    }
}
