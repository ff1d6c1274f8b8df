namespace Medic.Logs.Bench;

/// <summary>
/// Minimal field extraction for the throughput run (the CLI's format detection is richer): a JSON line gives
/// "msg", "level" and "time"; a text line "DATE TIME LEVEL message".
/// </summary>
internal static class Fields
{
    public const string Error = "ERROR";
    private const string Info = "INFO";
    private const string Warn = "WARN";
    private const string Debug = "DEBUG";

    public static ReadOnlySpan<char> Split(ReadOnlySpan<char> line, out string? level, out DateTimeOffset? time)
    {
        if (!line.IsEmpty && line[0] == '{')
        {
            level = Level(Json(line, "\"level\":\""));
            time = Time(Json(line, "\"time\":\""));
            return Json(line, "\"msg\":\"");
        }
        if (line.Length > 24 && line[10] == ' ')
        {
            var rest = line[24..];
            var space = rest.IndexOf(' ');
            if (space > 0)
            {
                level = Level(rest[..space]);
                time = Time(line[..23]);
                return rest[(space + 1)..];
            }
        }
        level = null;
        time = null;
        return line;
    }

    private static ReadOnlySpan<char> Json(ReadOnlySpan<char> line, string key)
    {
        var i = line.IndexOf(key, StringComparison.Ordinal);
        if (i < 0)
        {
            return [];
        }
        var value = line[(i + key.Length)..];
        var end = value.IndexOf('"');
        return end < 0 ? value : value[..end];
    }

    private static string? Level(ReadOnlySpan<char> s) => s switch
    {
        "ERROR" or "error" => Error,
        "WARN" or "warn" or "warning" => Warn,
        "INFO" or "info" => Info,
        "DEBUG" or "debug" => Debug,
        _ => null,
    };

    /// <summary>yyyy-MM-ddTHH:mm:ss.fff (T or space), UTC.</summary>
    private static DateTimeOffset? Time(ReadOnlySpan<char> s)
    {
        if (s.Length < 23)
        {
            return null;
        }
        static int N(ReadOnlySpan<char> d)
        {
            var v = 0;
            foreach (var c in d)
            {
                v = (v * 10) + (c - '0');
            }
            return v;
        }
        return new DateTimeOffset(N(s[..4]), N(s[5..7]), N(s[8..10]), N(s[11..13]), N(s[14..16]), N(s[17..19]), N(s[20..23]), TimeSpan.Zero);
    }
}
