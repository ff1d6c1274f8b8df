using System.Globalization;

namespace Medic.Core.Conditions;

internal sealed partial class Lexer
{
    private const string Units = "durations: ms s m h d; sizes: B KB MB GB TB, KiB MiB GiB TiB";

    private void ReadNumber()
    {
        var (line, column, start) = (_line, Column, _pos);
        SkipDigits();
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
        }

        if (Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            SkipDigits();
        }

        var digits = _text[start.._pos];
        var n = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        var (unitLine, unitColumn, unitStart) = (_line, Column, _pos);
        while (_pos < _end && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        var unit = _text[unitStart.._pos];
        Value? value = unit.Length == 0 ? Value.FromNumber(n)
            : DurationFactor(unit) is { } ms ? Value.FromMilliseconds(n * ms)
            : SizeFactor(unit) is { } bytes ? Value.FromBytes(n * bytes)
            : throw new SyntaxException(new ConditionError(unitLine, unitColumn, $"unknown unit '{unit}' after {digits} ({Units})"));
        if (value.IsNull)
        {
            throw new SyntaxException(new ConditionError(line, column, $"number '{_text[start.._pos]}' is too large"));
        }

        _tokens.Add(new Token(TokenKind.Literal, _text[start.._pos], line, column, value));
    }

    private void SkipDigits()
    {
        while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private static double? DurationFactor(string unit) => unit switch
    {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => null,
    };

    private static double? SizeFactor(string unit) => unit.ToUpperInvariant() switch
    {
        "B" => 1,
        "KB" or "KIB" => 1024d,
        "MB" or "MIB" => 1024d * 1024,
        "GB" or "GIB" => 1024d * 1024 * 1024,
        "TB" or "TIB" => 1024d * 1024 * 1024 * 1024,
        _ => null,
    };
}
