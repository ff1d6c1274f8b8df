namespace Medic.Probes.Nginx;

/// <summary>Reads directive values the way nginx's <c>ngx_parse_time</c>, <c>ngx_parse_offset</c> and flag slots do.</summary>
internal static class NginxValues
{
    private enum Step
    {
        Start,
        Year,
        Month,
        Week,
        Day,
        Hour,
        Minute,
        Second,
        Millisecond,
        Last,
    }

    /// <summary>
    /// A millisecond duration: units <c>w d h m s ms</c> in decreasing order, optionally separated by spaces
    /// (<c>"1h 30m"</c>); a number without a unit is seconds. Years and months, which nginx allows only for
    /// second-based values, are refused.
    /// </summary>
    public static bool TryParseDuration(string text, out long milliseconds)
    {
        milliseconds = 0;
        long value = 0, total = 0, scale = 1000;
        var step = Step.Month;
        var valid = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (char.IsAsciiDigit(c))
            {
                value = Add(Multiply(value, 10), c - '0');
                valid = true;
                continue;
            }

            Step next;
            switch (c)
            {
                case 'w':
                    (next, scale) = (Step.Week, 7 * 86_400);
                    break;
                case 'd':
                    (next, scale) = (Step.Day, 86_400);
                    break;
                case 'h':
                    (next, scale) = (Step.Hour, 3_600);
                    break;
                case 'm' when i < text.Length && text[i] == 's':
                    i++;
                    (next, scale) = (Step.Millisecond, 1);
                    break;
                case 'm':
                    (next, scale) = (Step.Minute, 60);
                    break;
                case 's':
                    (next, scale) = (Step.Second, 1);
                    break;
                case ' ':
                    // A space after a bare number ends it as seconds; after that only spaces may follow.
                    (next, scale) = (Step.Last, 1);
                    break;
                default:
                    return false;
            }

            if (c == ' ' ? step >= Step.Second : next <= step)
            {
                return false;
            }

            step = next;
            if (step != Step.Millisecond)
            {
                scale *= 1000;
            }

            total = Add(total, Multiply(value, scale));
            value = 0;
            scale = 1000;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        if (!valid)
        {
            return false;
        }

        milliseconds = Add(total, Multiply(value, scale));
        return true;
    }

    /// <summary>A size in bytes: digits with an optional <c>k</c>, <c>m</c> or <c>g</c> (either case), 1024-based.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0)
        {
            return false;
        }

        long scale = char.ToLowerInvariant(text[^1]) switch
        {
            'k' => 1024,
            'm' => 1024 * 1024,
            'g' => 1024 * 1024 * 1024,
            _ => 1,
        };
        var digits = scale == 1 ? text : text[..^1];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !long.TryParse(digits, out var n) || n > long.MaxValue / scale)
        {
            return false;
        }

        bytes = n * scale;
        return true;
    }

    /// <summary>on or off, in any case; null for anything else.</summary>
    public static bool? Flag(string text) =>
        text.Equals("on", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("off", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>nginx writes durations back in the largest unit that divides them; Medic does the same in messages.</summary>
    public static string FormatDuration(long milliseconds) => milliseconds switch
    {
        0 => "0s",
        _ when milliseconds % 86_400_000 == 0 => $"{milliseconds / 86_400_000}d",
        _ when milliseconds % 3_600_000 == 0 => $"{milliseconds / 3_600_000}h",
        _ when milliseconds % 60_000 == 0 => $"{milliseconds / 60_000}m",
        _ when milliseconds % 1000 == 0 => $"{milliseconds / 1000}s",
        _ => $"{milliseconds}ms",
    };

    private static long Multiply(long a, long b) => b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
