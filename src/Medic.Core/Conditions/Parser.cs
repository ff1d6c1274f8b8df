namespace Medic.Core.Conditions;

/// <summary>
/// Pratt parser over the lexer's tokens. Recursion and tree depth are both bounded, so no input can
/// exhaust the stack here or later in the evaluator.
/// </summary>
internal sealed partial class Parser
{
    public const int MaxDepth = 100;

    private const int CoalescePrecedence = 1;
    private const int OrPrecedence = 2;
    private const int AndPrecedence = 3;
    private const int ComparePrecedence = 5;
    private const int AddPrecedence = 6;
    private const int MultiplyPrecedence = 7;
    private const int UnaryPrecedence = 8;

    private readonly List<Token> _tokens;
    private readonly List<string> _parameters = [];
    private readonly List<RootReference> _roots = [];
    private int _pos;
    private int _depth;
    private int _slots;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public sealed record Result(Node Root, int Slots, IReadOnlyList<RootReference> Roots);

    /// <summary>Parses <paramref name="text"/>[start..end); throws <see cref="SyntaxException"/>.</summary>
    public static Result Parse(string text, int start, int end, int line, int lineStart)
    {
        var parser = new Parser(Lexer.Lex(text, start, end, line, lineStart));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw ErrorAt(parser.Current, "expected an expression, found nothing");
        }

        var root = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw ErrorAt(parser.Current, $"expected an operator or the end of the expression, found {parser.Current.Describe()}");
        }

        return new Result(root, parser._slots, parser._roots);
    }

    private Token Current => _tokens[_pos];

    private Token Next => _tokens[Math.Min(_pos + 1, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_pos];
        if (_pos < _tokens.Count - 1)
        {
            _pos++;
        }

        return token;
    }

    private Token Expect(TokenKind kind, string what, Token opening)
    {
        if (Current.Kind != kind)
        {
            throw ErrorAt(Current, $"expected {what} to close the {opening.Describe()} at {opening.Line}:{opening.Column}, found {Current.Describe()}");
        }

        return Advance();
    }

    private static SyntaxException ErrorAt(Token token, string message) => new(new ConditionError(token.Line, token.Column, message));

    private static SyntaxException ErrorAt(Node node, string message) => new(new ConditionError(node.Line, node.Column, message));

    private static T Make<T>(T node)
        where T : Node =>
        node.Depth > MaxDepth ? throw ErrorAt(node, $"expression is nested too deeply (more than {MaxDepth} levels)") : node;

    private Node ParseExpression(int minPrecedence)
    {
        if (++_depth > MaxDepth)
        {
            throw ErrorAt(Current, $"expression is nested too deeply (more than {MaxDepth} levels)");
        }

        var left = ParsePrefix();
        while (Infix(Current, Next) is { } infix && infix.Precedence >= minPrecedence)
        {
            var op = Advance();
            if (infix.Width == 2)
            {
                Advance();
            }

            var right = ParseExpression(infix.Operator == BinaryOperator.Coalesce ? infix.Precedence : infix.Precedence + 1);
            left = Make(new BinaryNode(infix.Operator, infix.Symbol, left, right, op.Line, op.Column));
            if (infix.Precedence == ComparePrecedence && Infix(Current, Next) is { Precedence: ComparePrecedence } chained)
            {
                throw ErrorAt(Current, $"comparisons cannot be chained: use 'and' between them (found '{chained.Symbol}' after '{infix.Symbol}')");
            }
        }

        _depth--;
        return left;
    }

    private static (BinaryOperator Operator, int Precedence, string Symbol, int Width)? Infix(Token token, Token next) => token.Kind switch
    {
        TokenKind.Coalesce => (BinaryOperator.Coalesce, CoalescePrecedence, "??", 1),
        TokenKind.Or => (BinaryOperator.Or, OrPrecedence, token.Text, 1),
        TokenKind.And => (BinaryOperator.And, AndPrecedence, token.Text, 1),
        TokenKind.Equal => (BinaryOperator.Equal, ComparePrecedence, "==", 1),
        TokenKind.NotEqual => (BinaryOperator.NotEqual, ComparePrecedence, "!=", 1),
        TokenKind.Less => (BinaryOperator.Less, ComparePrecedence, "<", 1),
        TokenKind.LessEqual => (BinaryOperator.LessEqual, ComparePrecedence, "<=", 1),
        TokenKind.Greater => (BinaryOperator.Greater, ComparePrecedence, ">", 1),
        TokenKind.GreaterEqual => (BinaryOperator.GreaterEqual, ComparePrecedence, ">=", 1),
        TokenKind.In => (BinaryOperator.In, ComparePrecedence, "in", 1),
        TokenKind.Not when token.Text == "not" && next.Kind == TokenKind.In => (BinaryOperator.NotIn, ComparePrecedence, "not in", 2),
        TokenKind.Plus => (BinaryOperator.Add, AddPrecedence, "+", 1),
        TokenKind.Minus => (BinaryOperator.Subtract, AddPrecedence, "-", 1),
        TokenKind.Star => (BinaryOperator.Multiply, MultiplyPrecedence, "*", 1),
        TokenKind.Slash => (BinaryOperator.Divide, MultiplyPrecedence, "/", 1),
        TokenKind.Percent => (BinaryOperator.Remainder, MultiplyPrecedence, "%", 1),
        _ => null,
    };

    private Node ParsePrefix()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Not:
                Advance();
                return Make(new UnaryNode(false, ParseExpression(ComparePrecedence), token.Line, token.Column));
            case TokenKind.Minus:
                Advance();
                var operand = ParseExpression(UnaryPrecedence);

                // Folding '-1' into a literal keeps 'list[-1]' a literal path step.
                return operand is LiteralNode { Value: { Kind: ValueKind.Number or ValueKind.Duration or ValueKind.Size } v }
                    ? new LiteralNode(Arithmetic.Negate(v), token.Line, token.Column)
                    : Make(new UnaryNode(true, operand, token.Line, token.Column));
            default:
                return ParsePostfix(ParsePrimary());
        }
    }
}
