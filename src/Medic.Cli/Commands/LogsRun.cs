using Medic.Cli.Rendering;
using Medic.Core.Reports;
using Medic.Logs;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Cli.Commands;

/// <summary>Runs <c>medic logs</c>: reads every input once, streaming, then prints the triage report or the trace.</summary>
internal static class LogsRun
{
    public static async Task<int> RunAsync(CliContext cli, LogsSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var files = LogPaths.Expand(settings.Files);
            var baseline = settings.Baseline.Count == 0 ? [] : LogPaths.Expand(settings.Baseline);
            using var progress = new LogProgress(cli, files.Concat(baseline));
            return settings.Trace is { } id
                ? await TraceAsync(cli, settings, files, id, progress, cancellationToken).ConfigureAwait(false)
                : await TriageAsync(cli, settings, files, baseline, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (LogInputException e)
        {
            await cli.Stderr.WriteLineAsync($"medic: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
    }

    private static async Task<int> TriageAsync(
        CliContext cli, LogsSettings settings, IReadOnlyList<string> files, IReadOnlyList<string> baseline, LogProgress progress, CancellationToken cancellationToken)
    {
        var analyzer = LogTriage.Analyze(
            files, baseline, settings.LineFormat, settings.Triage, (path, chars) => progress.Line(path, chars, cancellationToken), path => Reader(cli, path, settings));
        progress.Done();
        if (settings.EmitTemplates is { } csv)
        {
            WriteCsv(csv, analyzer);
        }

        var report = analyzer.Report();
        switch (settings.Format)
        {
            case ReportFormat.Json:
                await cli.Stdout.WriteLineAsync(LogReportJson.Write(report)).ConfigureAwait(false);
                break;
            case ReportFormat.Markdown:
                await cli.Stdout.WriteAsync(LogReportMarkdown.Write(report, settings.Slow)).ConfigureAwait(false);
                break;
            default:
                new LogReportConsole(cli.Out).Write(report, settings.Slow);
                break;
        }

        return report.Errors > 0 || report.Templates.Any(t => t.Runbooks.Count > 0) ? ExitCodes.Findings : ExitCodes.Healthy;
    }

    private static LogFileReader Reader(CliContext cli, string path, LogsSettings settings) =>
        new(path, settings.LineFormat, path == "-" ? cli.Runtime.Stdin() : null);

    private static void WriteCsv(string path, LogAnalyzer analyzer)
    {
        // write beside, then move: a failed run leaves an existing file as it was
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            analyzer.WriteTemplates(writer);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static async Task<int> TraceAsync(
        CliContext cli, LogsSettings settings, IReadOnlyList<string> files, string id, LogProgress progress, CancellationToken cancellationToken)
    {
        var tracer = new RequestTracer(id);
        foreach (var path in files)
        {
            foreach (var record in Reader(cli, path, settings).Records())
            {
                if (settings.Triage.Since is null && settings.Triage.Until is null
                    || record.Timestamp is null
                    || (record.Timestamp >= (settings.Triage.Since ?? DateTimeOffset.MinValue) && record.Timestamp <= (settings.Triage.Until ?? DateTimeOffset.MaxValue)))
                {
                    tracer.Add(record);
                }

                progress.Line(path, record.Line.Length, cancellationToken);
            }
        }

        progress.Done();
        // every traced line is printed: each goes through the same redaction as the triage report's examples
        var redact = settings.Triage.Redact ?? (text => text);
        IReadOnlyList<TraceHit> hits = [.. tracer.Hits().Select(h => h with { Text = redact(h.Text) })];
        switch (settings.Format)
        {
            case ReportFormat.Json:
                await cli.Stdout.WriteLineAsync(LogReportJson.WriteTrace(id, hits, tracer.Truncated)).ConfigureAwait(false);
                break;
            case ReportFormat.Markdown:
                await cli.Stdout.WriteAsync(LogReportMarkdown.WriteTrace(id, hits)).ConfigureAwait(false);
                break;
            default:
                new LogReportConsole(cli.Out).WriteTrace(id, hits, files.Count);
                break;
        }

        return hits.Count > 0 ? ExitCodes.Healthy : ExitCodes.Findings;
    }
}
