using System.Globalization;
using Medic.Logs.Formats;

namespace Medic.Cli.Rendering;

/// <summary>Shared wording for the log reports: durations, times, levels.</summary>
internal static class LogFormatting
{
    public static string Ms(double ms) => ms switch
    {
        < 1 => ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
        < 1000 => ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        < 120_000 => (ms / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s",
        _ => (ms / 60_000).ToString("0.#", CultureInfo.InvariantCulture) + " min",
    };

    public static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    public static string Clock(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    /// <summary>First and last seen: the date once, unless they differ.</summary>
    public static string Span(DateTimeOffset? first, DateTimeOffset? last) =>
        first is null ? "-" : first.Value.UtcDateTime.Date == last?.UtcDateTime.Date ? $"{Time(first)} → {Clock(last)}" : $"{Time(first)} → {Time(last)}";

    public static string Level(LogSeverity s) => s == LogSeverity.Unknown ? "-" : Severities.Name(s).ToUpperInvariant();

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Cut(string s, int width) => s.Length <= width ? s : string.Concat(s.AsSpan(0, Math.Max(1, width - 1)), "…");

    /// <summary>Cuts from the start, for paths: the file name is the part worth keeping.</summary>
    public static string CutStart(string s, int width) => s.Length <= width ? s : string.Concat("…", s.AsSpan(s.Length - Math.Max(1, width - 1)));

    /// <summary>A one-line summary of what a runbook's causes say to do: the first cause's fix, cut short.</summary>
    public static string FirstFix(IReadOnlyList<Medic.Logs.Triage.RunbookCauseRef> causes, int width) =>
        causes.FirstOrDefault(c => c.Fix.Length > 0) is { } c ? Cut(string.Join(' ', c.Fix.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), width) : "";
}
