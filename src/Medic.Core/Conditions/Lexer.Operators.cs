namespace Medic.Core.Conditions;

internal sealed partial class Lexer
{
    private void ReadOperator(char c)
    {
        var (kind, length) = (c, Peek(1)) switch
        {
            ('?', '?') => (TokenKind.Coalesce, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('=', '=') => (TokenKind.Equal, 2),
            ('=', '>') => (TokenKind.Arrow, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('!', _) => (TokenKind.Not, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('(', _) => (TokenKind.OpenParen, 1),
            (')', _) => (TokenKind.CloseParen, 1),
            ('[', _) => (TokenKind.OpenBracket, 1),
            (']', _) => (TokenKind.CloseBracket, 1),
            _ => (TokenKind.End, 0),
        };
        if (length == 0)
        {
            throw new SyntaxException(new ConditionError(_line, Column, c switch
            {
                '=' => "unexpected '=' (use '==' to compare)",
                '&' => "unexpected '&' (use 'and' or '&&')",
                '|' => "unexpected '|' (use 'or' or '||')",
                '?' => "unexpected '?' (use '??' for a default)",
                _ => $"unexpected character '{Printable(c)}'",
            }));
        }

        _tokens.Add(new Token(kind, _text.Substring(_pos, length), _line, Column));
        _pos += length;
    }
}
