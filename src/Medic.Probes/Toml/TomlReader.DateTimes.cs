using System.Globalization;
using System.Text;

namespace Medic.Probes.Toml;

/// <summary>RFC 3339 date-times: offset and local date-times, local dates, local times.</summary>
internal sealed partial class TomlReader
{
    private bool IsDateShape(int i) =>
        i + 10 <= _text.Length
        && _text.AsSpan(i, 4).ContainsOnlyDigits() && _text[i + 4] == '-'
        && _text.AsSpan(i + 5, 2).ContainsOnlyDigits() && _text[i + 7] == '-'
        && _text.AsSpan(i + 8, 2).ContainsOnlyDigits();

    private TomlValue ReadDateTime(string token, int start)
    {
        var i = 0;
        var text = new StringBuilder();
        if (token[2] == ':')
        {
            var time = ReadTime(token, ref i, start, text);
            EndOfDateTime(token, i, start);
            return Scalar(TomlValueKind.LocalTime, time, text.ToString(), start);
        }

        var date = ReadDate(token, ref i, start, text);
        if (i == token.Length)
        {
            return Scalar(TomlValueKind.LocalDate, date, text.ToString(), start);
        }

        if (token[i] is not ('T' or 't' or ' '))
        {
            throw Error(start + i, $"expected 'T' or a space between the date and the time, found '{token[i]}'");
        }

        i++;
        text.Append('T');
        var timeOfDay = ReadTime(token, ref i, start, text);
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        if (i == token.Length)
        {
            return Scalar(TomlValueKind.LocalDateTime, local, text.ToString(), start);
        }

        var offset = ReadOffset(token, ref i, start, text);
        EndOfDateTime(token, i, start);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            || offset.Duration() > TimeSpan.FromHours(14))
        {
            // DateTimeOffset holds offsets up to ±14:00; keep the instant, the text keeps the offset as written.
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                throw Error(start, $"date-time {token} is outside the years 0001 to 9999");
            }

            return Scalar(TomlValueKind.OffsetDateTime, new DateTimeOffset(utcTicks, TimeSpan.Zero), text.ToString(), start);
        }

        return Scalar(TomlValueKind.OffsetDateTime, new DateTimeOffset(local, offset), text.ToString(), start);
    }

    private void EndOfDateTime(string token, int i, int start)
    {
        if (i < token.Length)
        {
            throw Error(start + i, $"unexpected '{token[i]}' in date-time {token}");
        }
    }

    private DateOnly ReadDate(string token, ref int i, int start, StringBuilder text)
    {
        var year = Number(token, ref i, 4, start, "year");
        Expect(token, ref i, '-', start, "date");
        var month = Number(token, ref i, 2, start, "month");
        Expect(token, ref i, '-', start, "date");
        var dayIndex = i;
        var day = Number(token, ref i, 2, start, "day");
        if (year == 0)
        {
            throw Error(start, "year 0000 is not supported");
        }

        if (month is < 1 or > 12)
        {
            throw Error(start + 5, $"month {month:00} does not exist");
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw Error(start + dayIndex, $"day {day:00} does not exist in {year:0000}-{month:00}");
        }

        text.Append(token, 0, 10);
        return new DateOnly(year, month, day);
    }

    private TimeOnly ReadTime(string token, ref int i, int start, StringBuilder text)
    {
        var from = i;
        var hour = Number(token, ref i, 2, start, "hour");
        Expect(token, ref i, ':', start, "time");
        var minute = Number(token, ref i, 2, start, "minute");
        if (i >= token.Length || token[i] != ':')
        {
            throw Error(start + i, "a time needs seconds in TOML 1.0 (hh:mm:ss)");
        }

        i++;
        var second = Number(token, ref i, 2, start, "second");
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw Error(start + from, $"time {token[from..i]} does not exist (hours 00-23, minutes and seconds 00-59)");
        }

        long ticks = 0;
        if (i < token.Length && token[i] == '.')
        {
            var dot = i++;
            while (i < token.Length && char.IsAsciiDigit(token[i]))
            {
                i++;
            }

            if (i == dot + 1)
            {
                throw Error(start + dot, "a fraction of a second needs digits after '.'");
            }

            // Ticks are 100 ns; finer digits are truncated, as the spec allows.
            var digits = token.Substring(dot + 1, Math.Min(7, i - dot - 1)).PadRight(7, '0');
            ticks = long.Parse(digits, CultureInfo.InvariantCulture);
        }

        text.Append(token, from, i - from);
        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
    }

    private TimeSpan ReadOffset(string token, ref int i, int start, StringBuilder text)
    {
        if (token[i] is 'Z' or 'z')
        {
            i++;
            text.Append('Z');
            return TimeSpan.Zero;
        }

        if (token[i] is not ('+' or '-'))
        {
            throw Error(start + i, $"unexpected '{token[i]}' in date-time {token} (an offset is Z or ±hh:mm)");
        }

        var from = i;
        var sign = token[i++] == '-' ? -1 : 1;
        var hours = Number(token, ref i, 2, start, "offset hour");
        Expect(token, ref i, ':', start, "offset");
        var minutes = Number(token, ref i, 2, start, "offset minute");
        if (hours > 23 || minutes > 59)
        {
            throw Error(start + from, $"offset {token[from..i]} does not exist");
        }

        text.Append(token, from, i - from);
        return sign * new TimeSpan(hours, minutes, 0);
    }

    private int Number(string token, ref int i, int digits, int start, string what)
    {
        if (i + digits > token.Length || !token.AsSpan(i, digits).ContainsOnlyDigits())
        {
            throw Error(start + Math.Min(i, token.Length), $"expected {digits} digits for the {what} in date-time {token}");
        }

        var value = int.Parse(token.AsSpan(i, digits), CultureInfo.InvariantCulture);
        i += digits;
        return value;
    }

    private void Expect(string token, ref int i, char c, int start, string what)
    {
        if (i >= token.Length || token[i] != c)
        {
            throw Error(start + Math.Min(i, token.Length), $"expected '{c}' in the {what} {token}");
        }

        i++;
    }
}
