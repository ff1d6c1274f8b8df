using System.Globalization;

namespace Medic.Logs.Formats;

/// <summary>
/// Reads the timestamps logs carry: ISO 8601 (with <c>,</c> or <c>.</c> fractions, <c>+0000</c> or <c>+00:00</c>),
/// Unix epochs (s, ms, µs, ns), syslog <c>Jan  5 10:00:00</c> (the year is taken from <see cref="ReferenceYear"/>),
/// nginx <c>10/Oct/2000:13:55:36 -0700</c>, Apache <c>Sun Dec 04 04:47:44 2005</c>. A time without zone is UTC.
/// </summary>
public static class TimestampValue
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly string[] Exact =
    [
        "yyyy/MM/dd HH:mm:ss.FFFFFFF", "yyyy/MM/dd HH:mm:ss", "dd/MMM/yyyy:HH:mm:ss zzz", "dd/MMM/yyyy:HH:mm:ss",
        "ddd MMM dd HH:mm:ss.FFFFFFF yyyy", "ddd MMM dd HH:mm:ss yyyy", "ddd MMM d HH:mm:ss yyyy", "yy/MM/dd HH:mm:ss", "yyMMdd HHmmss",
        "yyyyMMdd-HH:mm:ss:fff", "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy.MM.dd HH:mm:ss",
        "dd-MMM-yyyy HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] SyslogExact = ["MMM d HH:mm:ss", "MMM dd HH:mm:ss", "MMM d HH:mm:ss.FFFFFF", "MMM dd HH:mm:ss.FFFFFF"];

    /// <summary>The year for syslog timestamps, which carry none.</summary>
    public static int ReferenceYear { get; set; } = DateTime.UtcNow.Year;

    public static DateTimeOffset? Parse(ReadOnlySpan<char> text)
    {
        // plain ISO 8601 needs no trimming or normalising (both would leave it as it is)
        if (IsoTimestamp.TryParse(text, out var iso8601))
        {
            return iso8601;
        }

        text = text.Trim().Trim("\"[]");
        if (text.Length < 6 || text.Length > 64)
        {
            return null;
        }

        if (char.IsAsciiDigit(text[0]) && IsAllDigitsOrDot(text))
        {
            return FromEpoch(text);
        }

        if (AccessLogTime(text, out var access))
        {
            return access;
        }

        Span<char> buffer = stackalloc char[text.Length + 3];
        var s = Normalise(text, buffer);
        if (SyslogTime(s, out var syslogTime))
        {
            return syslogTime;
        }

        if (IsoTimestamp.TryParse(s, out var fast))
        {
            return fast;
        }

        if (s.Length >= 10 && s[4] == '-' && s[7] == '-'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, Styles, out var iso))
        {
            return iso;
        }

        if (DateTimeOffset.TryParseExact(s, Exact, CultureInfo.InvariantCulture, Styles, out var exact))
        {
            return exact;
        }

        if (char.IsAsciiLetter(s[0]) && DateTime.TryParseExact(s, SyslogExact, CultureInfo.InvariantCulture, Styles, out var syslog))
        {
            return new DateTimeOffset(new DateTime(ReferenceYear, syslog.Month, syslog.Day, syslog.Hour, syslog.Minute, syslog.Second, DateTimeKind.Utc)
                .AddTicks(syslog.Ticks % TimeSpan.TicksPerSecond));
        }

        return null;
    }

    public static DateTimeOffset? FromEpoch(double value)
    {
        if (value <= 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }

        var ms = value switch
        {
            > 1e17 => value / 1e6,
            > 1e14 => value / 1e3,
            > 1e11 => value,
            _ => value * 1000,
        };
        return ms > 253402300799000 ? null : DateTimeOffset.FromUnixTimeMilliseconds(0).AddMilliseconds(ms);
    }

    private static DateTimeOffset? FromEpoch(ReadOnlySpan<char> text) =>
        text.Length >= 9 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? FromEpoch(value) : null;

    private static bool IsAllDigitsOrDot(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// nginx's and Apache's <c>dd/MMM/yyyy:HH:mm:ss ±hhmm</c> (or without the zone) read by hand, as the exact formats below
    /// would read it; anything else (another spelling of the month, an offset out of range) is left to them.
    /// </summary>
    private static bool AccessLogTime(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if ((s.Length != 20 && s.Length != 26) || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':'
            || !IsoTimestamp.Two(s, 0, out var day) || !IsoTimestamp.Two(s, 7, out var century) || !IsoTimestamp.Two(s, 9, out var yy)
            || !IsoTimestamp.Two(s, 12, out var hour) || !IsoTimestamp.Two(s, 15, out var minute) || !IsoTimestamp.Two(s, 18, out var second)
            || MonthIndex(s.Slice(3, 3)) is var month && month < 0)
        {
            return false;
        }

        var year = (century * 100) + yy;
        if (year is < 2 or > 9998 || day < 1 || day > DateTime.DaysInMonth(year, month + 1) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (s.Length == 26)
        {
            if (s[20] != ' ' || s[21] is not ('+' or '-') || !IsoTimestamp.Two(s, 22, out var oh) || !IsoTimestamp.Two(s, 24, out var om) || om > 59 || (oh * 60) + om > 14 * 60)
            {
                return false;
            }

            offset = new TimeSpan(oh, om, 0) * (s[21] == '-' ? -1 : 1);
        }

        value = new DateTimeOffset(new DateTime(year, month + 1, day, hour, minute, second, DateTimeKind.Utc) - offset, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Syslog's <c>MMM d HH:mm:ss</c> (spaces already collapsed) read by hand in <see cref="ReferenceYear"/>, as the exact
    /// formats below would read it; a fraction, another spelling of the month or 29 February is left to them.
    /// </summary>
    private static bool SyslogTime(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        var day = s.Length == 15 && s[3] == ' ' && IsoTimestamp.Two(s, 4, out var dd) ? dd : s.Length == 14 && s[3] == ' ' && char.IsAsciiDigit(s[4]) ? s[4] - '0' : -1;
        var at = s.Length - 9;
        if (day < 1 || s[at] != ' ' || s[at + 3] != ':' || s[at + 6] != ':' || MonthIndex(s[..3]) is var month && month < 0
            || !IsoTimestamp.Two(s, at + 1, out var hour) || !IsoTimestamp.Two(s, at + 4, out var minute) || !IsoTimestamp.Two(s, at + 7, out var second)
            || hour > 23 || minute > 59 || second > 59 || day > DateTime.DaysInMonth(2001, month + 1))
        {
            return false;
        }

        value = new DateTimeOffset(new DateTime(ReferenceYear, month + 1, day, hour, minute, second, DateTimeKind.Utc));
        return true;
    }

    private static int MonthIndex(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (name.SequenceEqual(Months[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Comma fractions become dots; <c>+0000</c> becomes <c>+00:00</c>; runs of spaces become one.</summary>
    private static ReadOnlySpan<char> Normalise(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ',' && i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                c = '.';
            }

            if (c == ' ' && n > 0 && buffer[n - 1] == ' ')
            {
                continue;
            }

            buffer[n++] = c;
        }

        // +0000 / -0700 at the end: add the colon the parsers want
        if (n >= 5 && (buffer[n - 5] == '+' || buffer[n - 5] == '-') && IsDigits(buffer.Slice(n - 4, 4)) && buffer[n - 6] != '-')
        {
            buffer[n] = buffer[n - 1];
            buffer[n - 1] = buffer[n - 2];
            buffer[n - 2] = ':';
            n++;
        }

        return buffer[..n];
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
