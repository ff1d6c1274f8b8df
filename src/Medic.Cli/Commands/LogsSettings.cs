using System.Text.RegularExpressions;
using Medic.Bundles;
using Medic.Core.Model;
using Medic.Core.Reports;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Cli.Commands;

/// <summary>The validated options of <c>medic logs</c>; every bad value is an error naming its option (and column).</summary>
internal sealed record LogsSettings(
    IReadOnlyList<string> Files,
    ILogLineParser? LineFormat,
    TriageOptions Triage,
    ReportFormat Format,
    string? EmitTemplates,
    IReadOnlyList<string> Baseline,
    string? Trace,
    bool Slow)
{
    public static LogsSettings Read(
        CliContext cli, string[] files, string? lineFormat, string[] masks, string? since, string? until, string format, int top,
        string? emit, string[] baseline, string? trace, string[] runbooks, bool slow, bool allValues = false)
    {
        var errors = new List<InputError>();
        ILogLineParser? parser = null;
        if (lineFormat is not null)
        {
            try
            {
                parser = new LineFormatParser(lineFormat);
            }
            catch (LineFormatException e)
            {
                errors.Add(new InputError(new SourcePosition("--line-format", 1, e.Column), e.Message));
            }
        }

        var regexes = new List<Regex>();
        foreach (var mask in masks)
        {
            try
            {
                regexes.Add(new Regex(mask, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));
            }
            catch (RegexParseException e)
            {
                errors.Add(new InputError(new SourcePosition("--mask", 1, Math.Max(1, e.Offset)), $"'{mask}' is not a valid regular expression: {e.Error}"));
            }
        }

        var now = cli.Runtime.Time.GetUtcNow();
        var from = Time("--since", since, now, errors);
        var to = Time("--until", until, now, errors);
        var reportFormat = format.ToLowerInvariant() switch
        {
            "text" or "console" => ReportFormat.Console,
            "json" => ReportFormat.Json,
            "markdown" or "md" => ReportFormat.Markdown,
            _ => Bad(errors, "--format", $"unknown format '{format}' (use text, json or markdown)"),
        };
        if (top < 1)
        {
            errors.Add(new InputError(new SourcePosition("--top", 1, 1), $"--top must be at least 1, not {top}"));
        }

        if (emit is not null && Path.GetDirectoryName(Path.GetFullPath(emit)) is { } dir && !Directory.Exists(dir))
        {
            errors.Add(new InputError(new SourcePosition("--emit-templates", 1, 1), $"{emit}: folder {dir} does not exist"));
        }

        if (trace is not null && trace.Trim().Length == 0)
        {
            errors.Add(new InputError(new SourcePosition("--trace", 1, 1), "--trace needs a request ID"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var symptoms = trace is null ? RunbookSymptoms.Load(cli, runbooks) : [];
        var triage = new TriageOptions
        {
            Masks = regexes, Since = from, Until = to, Top = top, Slowest = top, Symptoms = symptoms, KeepAssignments = emit is not null,
            Redact = new Redactor().Redact, ValuesFrom = allValues ? LogSeverity.Unknown : LogSeverity.Warning,
        };
        return new LogsSettings(files, parser, triage, reportFormat, emit, baseline, trace?.Trim(), slow);
    }

    private static ReportFormat Bad(List<InputError> errors, string option, string message)
    {
        errors.Add(new InputError(new SourcePosition(option, 1, 1), message));
        return ReportFormat.Console;
    }

    private static DateTimeOffset? Time(string option, string? text, DateTimeOffset now, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Quantities.TryParseDuration(text, out var ago))
        {
            return now - ago;
        }

        if (TimestampValue.Parse(text) is { } at)
        {
            return at;
        }

        errors.Add(new InputError(new SourcePosition(option, 1, 1), $"'{text}' is neither a time (2024-01-15T10:00:00Z) nor a duration (15m, 2h)"));
        return null;
    }
}
