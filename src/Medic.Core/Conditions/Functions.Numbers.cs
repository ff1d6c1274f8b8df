using System.Globalization;
using Medic.Core.Model;

namespace Medic.Core.Conditions;

internal static partial class Functions
{
    private const int MaxRoundDigits = 15;

    private static Value Round(CallArgs a)
    {
        var value = Numeric(a, 0);
        var digits = a.Count > 1 ? a[1] : Value.FromNumber(0);
        if (value.IsNull || digits.IsNull)
        {
            return Value.Null;
        }

        if (digits.Kind != ValueKind.Number || digits.Number != Math.Floor(digits.Number) || digits.Number is < 0 or > MaxRoundDigits)
        {
            throw a.Error($"digits must be a whole number from 0 to {MaxRoundDigits}, got {Describe.Of(digits)}");
        }

        return Arithmetic.WithNumber(value, Math.Round(value.Number, (int)digits.Number, MidpointRounding.AwayFromZero));
    }

    private static Value Abs(CallArgs a) => Numeric(a, 0) is { IsNull: false } v ? Arithmetic.WithNumber(v, Math.Abs(v.Number)) : Value.Null;

    private static Value Numeric(CallArgs a, int index)
    {
        var value = a[index];
        return value.IsNull || value.AsNumber() is not null
            ? value
            : throw a.Error($"argument {index + 1} must be a number, duration or size, got {Describe.Of(value)}");
    }

    private static Value Seconds(CallArgs a) => Quantity(a, ValueKind.Duration, 1000, static t =>
        Quantities.TryParseDuration(t, out var d) ? Value.FromDuration(d) : Value.Null);

    private static Value Milliseconds(CallArgs a) => Quantity(a, ValueKind.Duration, 1, static t =>
        Quantities.TryParseDuration(t, out var d) ? Value.FromDuration(d) : Value.Null);

    private static Value Bytes(CallArgs a) => Quantity(a, ValueKind.Size, 1, static t =>
        Quantities.TryParseSize(t, out var b) ? Value.FromBytes(b) : Value.Null);

    // A plain number (or a text holding one) counts in the function's own unit; a text with a unit is parsed.
    private static Value Quantity(CallArgs a, ValueKind kind, double factor, Func<string, Value> parse)
    {
        var value = a[0];
        if (value.Kind == kind || value.IsNull)
        {
            return value;
        }

        var n = value.Kind switch
        {
            ValueKind.Number => value.Number,
            ValueKind.String when TryParseNumber(value.Text, out var parsed) => parsed,
            ValueKind.String => double.NaN,
            _ => throw a.Error($"needs a number or a text, got {Describe.Of(value)}"),
        };
        if (double.IsNaN(n))
        {
            return parse(value.Text);
        }

        return kind == ValueKind.Duration ? Value.FromMilliseconds(n * factor) : Value.FromBytes(n * factor);
    }

    private static Value Version(CallArgs a)
    {
        var value = a[0];
        var text = value.Kind switch
        {
            ValueKind.Null => null,
            ValueKind.String => value.Text,
            ValueKind.Number => value.Format(),
            _ => throw a.Error($"needs a version text such as '3.35.0', got {Describe.Of(value)}"),
        };
        return text is null ? Value.Null : ParseVersion(text);
    }

    private static Value ParseVersion(string text)
    {
        var parts = text.Trim().TrimStart('v', 'V').Split('.');
        double number = 0;
        double scale = 1_000_000;
        for (var i = 0; i < 3; i++)
        {
            if (i < parts.Length)
            {
                var digits = new string([.. parts[i].TakeWhile(char.IsAsciiDigit)]);
                if (digits.Length == 0 || !double.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var part))
                {
                    return Value.Null;
                }

                number += part * scale;
            }

            scale /= 1000;
        }

        return Value.FromNumber(number);
    }
}
