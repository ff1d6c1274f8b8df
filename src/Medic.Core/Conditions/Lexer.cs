using System.Globalization;
using System.Text;

namespace Medic.Core.Conditions;

/// <summary>Splits expression text into tokens; positions are 1-based line:column in the whole text.</summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private readonly int _end;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _line;
    private int _lineStart;

    private Lexer(string text, int start, int end, int line, int lineStart)
    {
        _text = text;
        _end = end;
        _pos = start;
        _line = line;
        _lineStart = lineStart;
    }

    /// <summary>
    /// Tokens of <paramref name="text"/>[start..end), ending with an End token; <paramref name="line"/> and
    /// <paramref name="lineStart"/> say where <paramref name="start"/> stands. Throws <see cref="SyntaxException"/>.
    /// </summary>
    public static List<Token> Lex(string text, int start, int end, int line, int lineStart)
    {
        var lexer = new Lexer(text, start, end, line, lineStart);
        lexer.Run();
        return lexer._tokens;
    }

    private int Column => _pos - _lineStart + 1;

    private char Peek(int ahead = 0) => _pos + ahead < _end ? _text[_pos + ahead] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipSpace();
            if (_pos >= _end)
            {
                _tokens.Add(new Token(TokenKind.End, "", _line, Column));
                return;
            }

            var c = _text[_pos];
            if (char.IsAsciiDigit(c))
            {
                ReadNumber();
            }
            else if (IsIdentifierStart(c))
            {
                ReadWord();
            }
            else if (c is '\'' or '"')
            {
                ReadString(c);
            }
            else
            {
                ReadOperator(c);
            }
        }
    }

    private void SkipSpace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }

            _pos++;
        }
    }

    internal static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    internal static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private void ReadWord()
    {
        var (line, column, start) = (_line, Column, _pos);
        while (_pos < _end && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        var token = word switch
        {
            "true" => new Token(TokenKind.Literal, word, line, column, Value.True),
            "false" => new Token(TokenKind.Literal, word, line, column, Value.False),
            "null" => new Token(TokenKind.Literal, word, line, column, Value.Null),
            "and" => new Token(TokenKind.And, word, line, column),
            "or" => new Token(TokenKind.Or, word, line, column),
            "not" => new Token(TokenKind.Not, word, line, column),
            "in" => new Token(TokenKind.In, word, line, column),
            _ => new Token(TokenKind.Identifier, word, line, column),
        };
        _tokens.Add(token);
    }

    private void ReadString(char quote)
    {
        var (line, column, start) = (_line, Column, _pos);
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _end)
            {
                throw new SyntaxException(new ConditionError(line, column, "unterminated string (missing closing " + quote + ")"));
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                break;
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c == '\\')
            {
                value.Append(ReadEscape());
                continue;
            }

            value.Append(c);
            _pos++;
        }

        _tokens.Add(new Token(TokenKind.Literal, _text[start.._pos], line, column, Value.FromString(value.ToString())));
    }

    private char ReadEscape()
    {
        var (line, column) = (_line, Column);
        var next = Peek(1);
        _pos += 2;
        return next switch
        {
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'n' => '\n',
            't' => '\t',
            _ => throw new SyntaxException(new ConditionError(line, column,
                next == '\0' && _pos > _end ? "unterminated string (a '\\' ends the text)" : $"unknown escape '\\{Printable(next)}' (use \\\\ \\' \\\" \\n or \\t)")),
        };
    }

    internal static string Printable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture);
}
