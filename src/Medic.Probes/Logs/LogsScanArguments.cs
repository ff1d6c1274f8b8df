using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Probes.Logs;

/// <summary>Reads and checks the <c>logs.scan</c> arguments; a bad one is an invalid_argument naming it.</summary>
internal static class LogsScanArguments
{
    public static bool TryRead(ProbeContext context, [NotNullWhen(true)] out ScanOptions? options, out string problem)
    {
        options = null;
        problem = "";
        Regex? pattern = null;
        if (context.GetString("pattern") is { Length: > 0 } text)
        {
            try
            {
                pattern = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (RegexParseException e)
            {
                problem = $"pattern '{text}' is not a valid regular expression (at {e.Offset}): {e.Error}";
                return false;
            }
        }

        LogSeverity? level = null;
        if (context.GetString("level") is { Length: > 0 } levelText)
        {
            level = Severities.Parse(levelText);
            if (level == LogSeverity.Unknown)
            {
                problem = $"level '{levelText}' is not one of trace, debug, info, notice, warning, error, fatal";
                return false;
            }
        }

        if (!TryDuration(context.Args["window"], out var window))
        {
            problem = $"window '{context.Args["window"]}' is not a duration such as 15m or 2h";
            return false;
        }

        var maxBytes = context.GetInt("max_bytes") ?? ScanOptions.DefaultMaxBytes;
        var top = context.GetInt("top") ?? 5;
        if (maxBytes < 1024 || top < 1)
        {
            problem = maxBytes < 1024 ? $"max_bytes must be at least 1024, not {maxBytes}" : $"top must be at least 1, not {top}";
            return false;
        }

        ILogLineParser? format = null;
        var formatText = context.GetString("format") ?? context.Component.GetString("format");
        if (formatText is { Length: > 0 })
        {
            try
            {
                format = new LineFormatParser(formatText);
            }
            catch (LineFormatException e)
            {
                problem = $"format: column {e.Column}: {e.Message}";
                return false;
            }
        }

        // lines and templates in the observation are masked as the other probes mask theirs (Medic.Probes does not use Medic.Bundles)
        options = new ScanOptions
        {
            Pattern = pattern, Level = level, Window = window, MaxBytes = maxBytes, Format = format, Top = (int)top, Redact = Os.SecretText.MaskLine,
        };
        return true;
    }

    private static bool TryDuration(JsonNode? node, out TimeSpan? value)
    {
        value = null;
        switch (node)
        {
            case null:
                return true;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (long.TryParse(s, out var ms) && ms > 0)
                {
                    value = TimeSpan.FromMilliseconds(ms);
                    return true;
                }

                if (Quantities.TryParseDuration(s, out var d) && d > TimeSpan.Zero)
                {
                    value = d;
                    return true;
                }

                return false;
            case JsonValue v when v.TryGetValue<double>(out var n) && n > 0:
                value = TimeSpan.FromMilliseconds(n);
                return true;
            default:
                return false;
        }
    }
}
