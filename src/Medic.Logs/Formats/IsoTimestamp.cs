namespace Medic.Logs.Formats;

/// <summary>
/// The hot path of <see cref="TimestampValue.Parse"/>: <c>yyyy-MM-dd[T ]HH:mm:ss[.f…]</c> with up to 7 fraction
/// digits and an optional <c>Z</c> or <c>±HH:mm</c>, read digit by digit. Anything else (or out of range) is left to
/// <see cref="DateTimeOffset.TryParse(ReadOnlySpan{char}, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>,
/// so the result is always the one that call gives (UTC, offset zero).
/// </summary>
internal static class IsoTimestamp
{
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    // immutable, swapped whole: safe when several threads parse at once
    private static SecondCache? _last;

    private sealed record SecondCache(string Text, long Ticks);

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19)
        {
            return false;
        }

        // lines come many to a second: the date and time up to the second are read once per second of log
        var last = _last;
        long secondTicks;
        // 'T' or ' ' between date and time means the same, so JSON and text lines of one second share the entry
        if (last is not null && s[..10].SequenceEqual(last.Text.AsSpan(0, 10)) && s[11..19].SequenceEqual(last.Text.AsSpan(11)) && s[10] is 'T' or ' ')
        {
            secondTicks = last.Ticks;
        }
        else if (Second(s, out secondTicks))
        {
            _last = new SecondCache(s[..19].ToString(), secondTicks);
        }
        else
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fraction = (fraction * 10) + (s[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits is < 1 or > 7)
            {
                return false;
            }

            fraction *= FractionScale[digits];
        }

        long offsetTicks = 0;
        if (i < s.Length && s[i] == 'Z')
        {
            i++;
        }
        else if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            if (s.Length - i != 6 || s[i + 3] != ':' || !Two(s, i + 1, out var oh) || !Two(s, i + 4, out var om) || om > 59 || (oh * 60) + om > 14 * 60)
            {
                return false;
            }

            offsetTicks = ((oh * 60) + om) * TimeSpan.TicksPerMinute * (s[i] == '-' ? -1 : 1);
            i += 6;
        }

        if (i != s.Length)
        {
            return false;
        }

        var ticks = secondTicks + fraction - offsetTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary><c>yyyy-MM-dd[T ]HH:mm:ss</c>, in range, as ticks.</summary>
    private static bool Second(ReadOnlySpan<char> s, out long ticks)
    {
        ticks = 0;
        if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':'
            || !Two(s, 0, out var century) || !Two(s, 2, out var yy) || !Two(s, 5, out var month) || !Two(s, 8, out var day)
            || !Two(s, 11, out var hour) || !Two(s, 14, out var minute) || !Two(s, 17, out var second))
        {
            return false;
        }

        var year = (century * 100) + yy;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        return true;
    }

    /// <summary>Two ASCII digits at <paramref name="at"/>.</summary>
    internal static bool Two(ReadOnlySpan<char> s, int at, out int value)
    {
        var a = s[at] - '0';
        var b = s[at + 1] - '0';
        value = (a * 10) + b;
        return (uint)a <= 9 && (uint)b <= 9;
    }
}
