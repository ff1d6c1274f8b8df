using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Probes.Sqlite;

/// <summary>
/// Learns an application's busy timeout from its connection string, whichever driver wrote it:
/// go-sqlite3 (<c>_busy_timeout=5000</c>, <c>_timeout=5000</c>), modernc (<c>_pragma=busy_timeout(5000)</c>),
/// Microsoft.Data.Sqlite (<c>Default Timeout=30</c>, in seconds) and the generic <c>busy_timeout=5000</c>.
/// </summary>
internal static partial class BusyTimeoutParser
{
    /// <summary>The timeout in milliseconds, or null when the DSN does not say.</summary>
    public static long? Parse(string? dsn)
    {
        if (string.IsNullOrWhiteSpace(dsn))
        {
            return null;
        }

        string text;
        try
        {
            text = Uri.UnescapeDataString(dsn);
        }
        catch (UriFormatException)
        {
            text = dsn;
        }

        if (GoSqlite3().Match(text) is { Success: true } go)
        {
            return Number(go.Groups[1].Value);
        }

        if (Modernc().Match(text) is { Success: true } modernc)
        {
            return Number(modernc.Groups[1].Value);
        }

        if (DotNet().Match(text) is { Success: true } dotnet && Number(dotnet.Groups[1].Value) is { } seconds)
        {
            return seconds * 1000;
        }

        return Generic().Match(text) is { Success: true } generic ? Number(generic.Groups[1].Value) : null;
    }

    private static long? Number(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"(?:^|[?&;])_(?:busy_)?timeout=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex GoSqlite3();

    [GeneratedRegex(@"_pragma=busy_timeout\s*\(\s*(\d+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Modernc();

    [GeneratedRegex(@"(?:^|;)\s*(?:Default|Command)\s*Timeout\s*=\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DotNet();

    [GeneratedRegex(@"busy_?timeout\s*[=(:]\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Generic();
}
