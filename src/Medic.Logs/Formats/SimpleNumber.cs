namespace Medic.Logs.Formats;

/// <summary>
/// Plain decimals (<c>-?\d+(\.\d+)?</c>, at most 15 digits) without the general parser: the digits as an integer
/// divided by a power of ten. Both are exact doubles and division rounds correctly, so the result is bit for bit what
/// <see cref="double.Parse(string, IFormatProvider)"/> gives; anything else returns false.
/// </summary>
internal static class SimpleNumber
{
    private const int MaxDigits = 15;

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    public static bool TryParse(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var negative = !s.IsEmpty && s[0] == '-';
        ulong mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (var i = negative ? 1 : 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (ulong)(c - '0');
                fraction += fraction >= 0 ? 1 : 0;
                if (++digits > MaxDigits)
                {
                    return false;
                }
            }
            else if (c == '.' && fraction < 0 && digits > 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || fraction == 0)
        {
            return false;
        }

        value = mantissa / Pow10[Math.Max(fraction, 0)];
        value = negative ? -value : value;
        return true;
    }
}
