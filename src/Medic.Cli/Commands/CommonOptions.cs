using System.CommandLine;
using Medic.Core.Model;
using Medic.Core.Reports;

namespace Medic.Cli.Commands;

internal static class CommonOptions
{
    public static Option<ReportFormat> Format() => new("--format")
    {
        Description = "Report format: console, json or markdown",
        DefaultValueFactory = _ => ReportFormat.Console,
        CustomParser = r => Enum.TryParse<ReportFormat>(r.Tokens.Single().Value, ignoreCase: true, out var f)
            ? f
            : Fail<ReportFormat>(r, $"unknown format '{r.Tokens.Single().Value}' (use console, json or markdown)"),
    };

    public static Option<string[]> Runbooks() => new("--runbooks")
    {
        Description = "A folder of extra runbook packs (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Quantities.TryParseDuration(r.Tokens.Single().Value, out var d) && d > TimeSpan.Zero
            ? d
            : Fail<TimeSpan?>(r, $"{name} takes a duration such as 500ms, 10s or 2m, not '{r.Tokens.Single().Value}'"),
    };

    public static Option<long?> Size(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Quantities.TryParseSize(r.Tokens.Single().Value, out var b) && b > 0
            ? b
            : Fail<long?>(r, $"{name} takes a size such as 512KB, 8MB or 1GB, not '{r.Tokens.Single().Value}'"),
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Also list every probe that ran" };

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }
}
