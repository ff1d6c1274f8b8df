namespace Medic.Logs.Formats;

/// <summary>Reads level names and numbers as the common libraries write them.</summary>
public static class Severities
{
    public static LogSeverity Parse(ReadOnlySpan<char> text)
    {
        if (Recent.TryGet(text, out var severity))
        {
            return severity;
        }

        severity = ParseUncached(text);
        if (severity != LogSeverity.Unknown)
        {
            // only level words: a text line's other words are tried too, and must not cost a string each
            Recent.Set(text, severity);
        }

        return severity;
    }

    private static readonly RecentAnswers<LogSeverity> Recent = new();

    private static LogSeverity ParseUncached(ReadOnlySpan<char> text)
    {
        text = text.Trim().Trim("[]<>():\"'");
        if (text.IsEmpty || text.Length > 11)
        {
            return LogSeverity.Unknown;
        }

        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        return lower switch
        {
            "trace" or "trc" or "verbose" or "vrb" or "finest" or "finer" => LogSeverity.Trace,
            "debug" or "dbg" or "d" or "fine" or "debu" => LogSeverity.Debug,
            "info" or "information" or "inf" or "i" or "informational" or "config" => LogSeverity.Info,
            "notice" or "note" => LogSeverity.Notice,
            "warn" or "warning" or "wrn" or "w" => LogSeverity.Warning,
            "error" or "err" or "eror" or "e" or "severe" or "failure" => LogSeverity.Error,
            "fatal" or "critical" or "crit" or "crt" or "ftl" or "panic" or "dpanic" or "alert" or "emerg" or "emergency" or "f" => LogSeverity.Fatal,
            _ => LogSeverity.Unknown,
        };
    }

    /// <summary>Level words that stand alone in free text; one-letter forms are accepted only in level fields.</summary>
    public static LogSeverity ParseWord(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim().Trim("[]<>():\"'-,");
        return trimmed.Length < 3 ? LogSeverity.Unknown : Parse(trimmed);
    }

    /// <summary>Numeric levels: syslog 0-7 (keyword <paramref name="syslog"/>), or pino/bunyan 10-60.</summary>
    public static LogSeverity FromNumber(long n, bool syslog) => syslog
        ? n switch
        {
            <= 2 => LogSeverity.Fatal,
            3 => LogSeverity.Error,
            4 => LogSeverity.Warning,
            5 => LogSeverity.Notice,
            6 => LogSeverity.Info,
            _ => LogSeverity.Debug,
        }
        : n switch
        {
            <= 10 => LogSeverity.Trace,
            <= 20 => LogSeverity.Debug,
            <= 30 => LogSeverity.Info,
            <= 40 => LogSeverity.Warning,
            <= 50 => LogSeverity.Error,
            _ => LogSeverity.Fatal,
        };

    public static string Name(LogSeverity severity) => severity switch
    {
        LogSeverity.Trace => "trace",
        LogSeverity.Debug => "debug",
        LogSeverity.Info => "info",
        LogSeverity.Notice => "notice",
        LogSeverity.Warning => "warning",
        LogSeverity.Error => "error",
        LogSeverity.Fatal => "fatal",
        _ => "unknown",
    };
}
