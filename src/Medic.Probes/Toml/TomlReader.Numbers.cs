using System.Globalization;
using System.Text;

namespace Medic.Probes.Toml;

/// <summary>Bare values: booleans, integers, floats (date-times live in their own file).</summary>
internal sealed partial class TomlReader
{
    private TomlValue ReadScalar()
    {
        var start = _pos;
        while (IsTokenChar(Peek()))
        {
            _pos++;
        }

        // A date and a time may be separated by a space instead of 'T'.
        if (_pos - start == 10 && IsDateShape(start) && Peek() == ' '
            && char.IsAsciiDigit((char)PeekAt(_pos + 1)) && char.IsAsciiDigit((char)PeekAt(_pos + 2)) && PeekAt(_pos + 3) == ':')
        {
            _pos++;
            while (IsTokenChar(Peek()))
            {
                _pos++;
            }
        }

        var token = _text[start.._pos];
        if (token.Length == 0)
        {
            throw Error(start, $"expected a value, found {Describe(start)}");
        }

        switch (token)
        {
            case "true" or "false":
                return Scalar(TomlValueKind.Boolean, token == "true", token, start);
            case "inf" or "+inf":
                return Scalar(TomlValueKind.Float, double.PositiveInfinity, "inf", start);
            case "-inf":
                return Scalar(TomlValueKind.Float, double.NegativeInfinity, "-inf", start);
            case "nan" or "+nan" or "-nan":
                return Scalar(TomlValueKind.Float, double.NaN, "nan", start);
        }

        if ((token.Length >= 5 && token.AsSpan(0, 4).ContainsOnlyDigits() && token[4] == '-')
            || (token.Length >= 3 && token.AsSpan(0, 2).ContainsOnlyDigits() && token[2] == ':'))
        {
            return ReadDateTime(token, start);
        }

        var signed = token[0] is '+' or '-';
        var body = signed ? token[1..] : token;
        var bodyStart = start + (signed ? 1 : 0);
        if (body.StartsWith("0x", StringComparison.Ordinal) || body.StartsWith("0o", StringComparison.Ordinal) || body.StartsWith("0b", StringComparison.Ordinal))
        {
            if (signed)
            {
                throw Error(start, "hex, octal and binary integers cannot have a sign");
            }

            return ReadPrefixedInteger(token, start);
        }

        if (body.Length > 1 && body[0] == '0' && body[1] is 'X' or 'O' or 'B')
        {
            throw Error(bodyStart + 1, "integer prefixes are lower case: 0x, 0o, 0b");
        }

        if (body.Length > 0 && char.IsAsciiDigit(body[0]))
        {
            return body.AsSpan().IndexOfAny(".eE") >= 0 ? ReadFloat(token, start, bodyStart, body) : ReadInteger(token, start, bodyStart, body);
        }

        throw Error(start, body switch
        {
            ['.', ..] => $"invalid value '{token}': a float needs a digit before the decimal point",
            "True" or "False" or "TRUE" or "FALSE" => $"invalid value '{token}': booleans are lower case (true, false)",
            "Inf" or "NaN" or "Infinity" or "INF" or "NAN" => $"invalid value '{token}': special floats are written inf and nan",
            _ => $"invalid value '{token}' (strings need quotes)",
        });
    }

    private static bool IsTokenChar(int c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '+' or '-' or '.' or ':';

    private TomlValue Scalar(TomlValueKind kind, object value, string text, int start) => new(kind, value, text, _lines, start);

    private TomlValue ReadInteger(string token, int start, int bodyStart, string body)
    {
        var digits = Digits(body, 0, body.Length, bodyStart, char.IsAsciiDigit, "an integer");
        if (digits.Length > 1 && digits[0] == '0')
        {
            throw Error(bodyStart, "leading zeros are not allowed in an integer");
        }

        var text = (token[0] == '-' ? "-" : "") + digits;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(start, $"integer {token} does not fit in 64 bits");
        }

        return Scalar(TomlValueKind.Integer, value, value.ToString(CultureInfo.InvariantCulture), start);
    }

    private TomlValue ReadPrefixedInteger(string token, int start)
    {
        var (radix, isDigit, what) = token[1] switch
        {
            'x' => (16, (Func<char, bool>)char.IsAsciiHexDigit, "a hex integer"),
            'o' => (8, c => c is >= '0' and <= '7', "an octal integer"),
            _ => (2, c => c is '0' or '1', "a binary integer"),
        };
        var digits = Digits(token, 2, token.Length, start, isDigit, what);
        ulong value = 0;
        foreach (var d in digits)
        {
            var v = (ulong)(char.IsAsciiDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
            if (value > (long.MaxValue - v) / (ulong)radix)
            {
                throw Error(start, $"integer {token} does not fit in 64 bits");
            }

            value = (value * (ulong)radix) + v;
        }

        return Scalar(TomlValueKind.Integer, (long)value, ((long)value).ToString(CultureInfo.InvariantCulture), start);
    }

    private TomlValue ReadFloat(string token, int start, int bodyStart, string body)
    {
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        var exp = body.AsSpan().IndexOfAny('e', 'E');
        if (dot >= 0 && exp >= 0 && exp < dot)
        {
            throw Error(bodyStart + dot, "an exponent cannot contain a decimal point");
        }

        var intEnd = dot >= 0 ? dot : exp;
        var sb = new StringBuilder(token[0] == '-' ? "-" : "");
        var intDigits = Digits(body, 0, intEnd, bodyStart, char.IsAsciiDigit, "a float");
        if (intDigits.Length > 1 && intDigits[0] == '0')
        {
            throw Error(bodyStart, "leading zeros are not allowed in a float");
        }

        sb.Append(intDigits);
        if (dot >= 0)
        {
            var fracEnd = exp >= 0 ? exp : body.Length;
            if (fracEnd == dot + 1)
            {
                throw Error(bodyStart + dot, "a decimal point must be followed by a digit");
            }

            sb.Append('.').Append(Digits(body, dot + 1, fracEnd, bodyStart, char.IsAsciiDigit, "a float"));
        }

        if (exp >= 0)
        {
            var from = exp + 1;
            sb.Append('e');
            if (from < body.Length && body[from] is '+' or '-')
            {
                sb.Append(body[from]);
                from++;
            }

            if (from == body.Length)
            {
                throw Error(bodyStart + exp, "an exponent needs digits");
            }

            sb.Append(Digits(body, from, body.Length, bodyStart, char.IsAsciiDigit, "an exponent"));
        }

        var value = double.Parse(sb.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw Error(start, $"float {token} is too large for 64 bits");
        }

        return Scalar(TomlValueKind.Float, value, value.ToString("R", CultureInfo.InvariantCulture), start);
    }

    /// <summary>Digits from <paramref name="from"/> to <paramref name="to"/>, each '_' between two digits.</summary>
    private string Digits(string s, int from, int to, int offset, Func<char, bool> isDigit, string what)
    {
        if (from >= to)
        {
            throw Error(offset + from, $"expected digits in {what}");
        }

        var sb = new StringBuilder(to - from);
        for (var i = from; i < to; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                if (i == from || i == to - 1 || !isDigit(s[i - 1]) || !isDigit(s[i + 1]))
                {
                    throw Error(offset + i, $"'_' in {what} must sit between two digits");
                }
            }
            else if (isDigit(c))
            {
                sb.Append(c);
            }
            else
            {
                throw Error(offset + i, $"unexpected '{c}' in {what}");
            }
        }

        return sb.ToString();
    }
}
