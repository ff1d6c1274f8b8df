using System.CommandLine;

namespace Medic.Cli.Commands;

/// <summary><c>medic logs FILE|GLOB|- …</c>: triage — error templates, timeline, baseline changes, runbook links, slow requests, tracing.</summary>
internal static class LogsCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("files") { Description = "Log files, globs (quote them) or - for stdin; .gz files are decompressed", Arity = ArgumentArity.OneOrMore };
        var lineFormat = new Option<string?>("--line-format") { Description = "Line format in Loghub notation, e.g. \"<Date> <Time> <Level> <Component>: <Content>\", when detection does not fit" };
        var masks = new Option<string[]>("--mask") { Description = "Regex of extra variable parts to mask before mining (repeatable)", DefaultValueFactory = _ => [] };
        var since = new Option<string?>("--since") { Description = "Only records at or after this time (2024-01-15T10:00:00Z) or this long ago (15m, 2h)" };
        var until = new Option<string?>("--until") { Description = "Only records at or before this time, or this long ago" };
        var format = new Option<string>("--format") { Description = "Report format: text, json or markdown", DefaultValueFactory = _ => "text" };
        var top = new Option<int>("--top") { Description = "How many templates, routes and changes to list (default 15)", DefaultValueFactory = _ => 15 };
        var emit = new Option<string?>("--emit-templates") { Description = "Write LineId,EventTemplate for every input line (in input order) to this CSV file" };
        var baseline = new Option<string[]>("--baseline") { Description = "An older log (file or glob) to compare with: new templates and those that grew most", DefaultValueFactory = _ => [] };
        var trace = new Option<string?>("--trace") { Description = "Follow this request ID across all the files, in time order" };
        var runbooks = CommonOptions.Runbooks();
        var slow = new Option<bool>("--slow") { Description = "Show request latency: p50/p95/p99 overall and per route, and the slowest requests" };
        var allValues = new Option<bool>("--all-values") { Description = "Keep the spread of variable values for every record, not only warnings and errors (slower)" };
        var command = new Command("logs", "Triage logs: error templates first, timeline, baseline changes, runbook links, slow requests, tracing")
        {
            files, lineFormat, masks, since, until, format, top, emit, baseline, trace, runbooks, slow, allValues,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, token =>
        {
            var settings = LogsSettings.Read(
                cli,
                parse.GetValue(files) ?? [],
                parse.GetValue(lineFormat),
                parse.GetValue(masks) ?? [],
                parse.GetValue(since),
                parse.GetValue(until),
                parse.GetValue(format) ?? "text",
                parse.GetValue(top),
                parse.GetValue(emit),
                parse.GetValue(baseline) ?? [],
                parse.GetValue(trace),
                parse.GetValue(runbooks) ?? [],
                parse.GetValue(slow),
                parse.GetValue(allValues));
            return LogsRun.RunAsync(cli, settings, token);
        }, ct));
        return command;
    }
}
