using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>Scalars one at a time: <c>v = …</c> parses to a kind and a canonical text, or fails at a column.</summary>
public sealed class TomlValueTests
{
    public static TheoryData<string, TomlValueKind, string> Valid => new()
    {
        { "0", TomlValueKind.Integer, "0" },
        { "+0", TomlValueKind.Integer, "0" },
        { "-0", TomlValueKind.Integer, "0" },
        { "9223372036854775807", TomlValueKind.Integer, "9223372036854775807" },
        { "-9223372036854775808", TomlValueKind.Integer, "-9223372036854775808" },
        { "0x7FFFFFFFFFFFFFFF", TomlValueKind.Integer, "9223372036854775807" },
        { "0x0000_00ff", TomlValueKind.Integer, "255" },
        { "0o0_7", TomlValueKind.Integer, "7" },
        { "0b1_0", TomlValueKind.Integer, "2" },
        { "0.0", TomlValueKind.Float, "0" },
        { "-0.0", TomlValueKind.Float, "-0" },
        { "1e1_0", TomlValueKind.Float, "10000000000" },
        { "1E-0_1", TomlValueKind.Float, "0.1" },
        { "0e0", TomlValueKind.Float, "0" },
        { "1.5e+3", TomlValueKind.Float, "1500" },
        { "1_0.0_1", TomlValueKind.Float, "10.01" },
        { "\"\"", TomlValueKind.String, "" },
        { "''", TomlValueKind.String, "" },
        { "\"\"\"\"\"\"", TomlValueKind.String, "" },
        { "''''''", TomlValueKind.String, "" },
        { "\"\\b\\t\\n\\f\\r\\\"\\\\\"", TomlValueKind.String, "\b\t\n\f\r\"\\" },
        { "\"\\u0041\\U0001F600\\u00e9\"", TomlValueKind.String, "A\U0001F600é" },
        { "\"\\U0010FFFF\"", TomlValueKind.String, "\U0010FFFF" },
        { "\"tab\there\"", TomlValueKind.String, "tab\there" },
        { "\"😀 direct\"", TomlValueKind.String, "😀 direct" },
        { "'''a\r\nb'''", TomlValueKind.String, "a\nb" },
        { "\"\"\"\r\nfirst\"\"\"", TomlValueKind.String, "first" },
        { "\"\"\"a \\  \t\r\n  b\"\"\"", TomlValueKind.String, "a b" },
        { "\"\"\"a\\\n\n\n  \"\"\"", TomlValueKind.String, "a" },
        { "\"\"\"\"\"\"\"\"", TomlValueKind.String, "\"\"" },
        { "true", TomlValueKind.Boolean, "true" },
        { "false", TomlValueKind.Boolean, "false" },
        { "2000-02-29", TomlValueKind.LocalDate, "2000-02-29" },
        { "2024-12-31t23:59:59z", TomlValueKind.OffsetDateTime, "2024-12-31T23:59:59Z" },
        { "2024-01-01T00:00:00.123456789+05:30", TomlValueKind.OffsetDateTime, "2024-01-01T00:00:00.123456789+05:30" },
        { "2024-01-01T00:00:00+23:59", TomlValueKind.OffsetDateTime, "2024-01-01T00:00:00+23:59" },
        { "2024-01-01 10:00:00", TomlValueKind.LocalDateTime, "2024-01-01T10:00:00" },
        { "23:59:59.5", TomlValueKind.LocalTime, "23:59:59.5" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_valid_values(string literal, TomlValueKind kind, string text)
    {
        var value = Toml.Value($"v = {literal} # comment\n");
        value.Kind.ShouldBe(kind);
        value.Text.ShouldBe(text);
    }

    public static TheoryData<string, int, string> Invalid => new()
    {
        { "+0x1", 5, "cannot have a sign" },
        { "-0b1", 5, "cannot have a sign" },
        { "011", 5, "leading zeros" },
        { "-01", 6, "leading zeros" },
        { "00.5", 5, "leading zeros" },
        { "1__2", 6, "'_' in an integer must sit between two digits" },
        { "_1", 5, "invalid value '_1'" },
        { "1_", 6, "'_' in an integer must sit between two digits" },
        { "0x_1", 7, "'_' in a hex integer must sit between two digits" },
        { "0xG", 7, "unexpected 'G' in a hex integer" },
        { "0o8", 7, "unexpected '8' in an octal integer" },
        { "0b2", 7, "unexpected '2' in a binary integer" },
        { "0X1F", 6, "lower case" },
        { "0x", 7, "expected digits" },
        { "9223372036854775808", 5, "does not fit in 64 bits" },
        { "0x8000000000000000", 5, "does not fit in 64 bits" },
        { "1._5", 7, "'_' in a float must sit between two digits" },
        { "1.5_", 8, "'_' in a float" },
        { "1e", 6, "an exponent needs digits" },
        { "1e+", 6, "an exponent needs digits" },
        { "1e5.5", 8, "an exponent cannot contain a decimal point" },
        { "1.2.3", 8, "unexpected '.' in a float" },
        { "1e400", 5, "too large" },
        { "+-1", 5, "invalid value" },
        { "infinity", 5, "invalid value 'infinity'" },
        { "NaN", 5, "special floats are written inf and nan" },
        { "True", 5, "booleans are lower case" },
        { "tru", 5, "invalid value 'tru'" },
        { "hello", 5, "strings need quotes" },
        { "\"\\x41\"", 6, "invalid escape sequence '\\x'" },
        { "\"\\e\"", 6, "invalid escape sequence '\\e'" },
        { "\"a\\ b\"", 7, "invalid escape sequence" },
        { "\"\\uD800\"", 6, "is not a Unicode scalar value" },
        { "\"\\U00110000\"", 6, "is not a Unicode scalar value" },
        { "\"\\u12\"", 6, "needs exactly 4 hex digits" },
        { "\"\\U1234567\"", 6, "needs exactly 8 hex digits" },
        { "\"unterminated", 5, "unterminated string" },
        { "\"line\nbreak\"", 5, "unterminated string" },
        { "'line\nbreak'", 5, "unterminated string" },
        { "\"\"\"never closed", 5, "unterminated multi-line string" },
        { "'''never closed", 5, "unterminated multi-line string" },
        { "\"bell\u0007\"", 10, "control character U+0007 must be escaped" },
        { "'del\u007F'", 9, "control character U+007F" },
        { "\"\"\"a\rb\"\"\"", 9, "carriage return must be followed by a line feed" },
        { "'''a''''''", 14, "too many quotes" },
        { "1979-05-27T07:32", 21, "needs seconds" },
        { "1979-13-01", 10, "month 13 does not exist" },
        { "1979-02-29", 13, "day 29 does not exist in 1979-02" },
        { "1979-04-31", 13, "day 31 does not exist" },
        { "24:00:00", 5, "does not exist" },
        { "12:60:00", 5, "does not exist" },
        { "12:00:60", 5, "does not exist" },
        { "1979-05-27T07:32:00+24:00", 24, "offset +24:00 does not exist" },
        { "1979-05-27T07:32:00.", 24, "needs digits after '.'" },
        { "1979-05-27T07:32:00Zx", 25, "unexpected 'x'" },
        { "1979-5-27", 10, "expected 2 digits for the month" },
        { "1979-05-27X07:32:00", 15, "expected 'T' or a space" },
        { "07:32", 10, "needs seconds" },
        { "[1, 2", 5, "unterminated array" },
        { "[1 2]", 8, "expected ',' or ']'" },
        { "[,]", 6, "expected a value before ','" },
        { "[1,,2]", 8, "expected a value before ','" },
        { "{ a = 1, }", 12, "trailing comma is not allowed" },
        { "{ a = 1\n}", 12, "inline table must be on one line" },
        { "{\n a = 1 }", 6, "inline table must be on one line" },
        { "{ a = 1 # c\n}", 13, "no comments" },
        { "{ a = 1", 5, "unterminated inline table" },
        { "{ a = 1 b = 2 }", 13, "expected ',' or '}'" },
        { "{ a = 1, a = 2 }", 14, "duplicate key a" },
        { "{ a.b = 1, a = 2 }", 16, "duplicate key a" },
        { "{ a = {b = 1}, a.c = 2 }", 20, "cannot add keys to a: it is an inline table" },
        { "", 5, "a value must follow '='" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_invalid_values_at_the_offending_column(string literal, int column, string message)
    {
        var error = Toml.Error($"v = {literal}");
        error.Message.ShouldContain(message, Case.Sensitive);
        error.Column.ShouldBe(column, error.ToString());
    }
}
