namespace Medic.Core.Conditions;

internal sealed partial class Parser
{
    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Literal:
                Advance();
                return new LiteralNode(token.Value ?? Value.Null, token.Line, token.Column);
            case TokenKind.Identifier when Next.Kind == TokenKind.OpenParen:
                return ParseCall();
            case TokenKind.Identifier when Next.Kind == TokenKind.Arrow:
                throw ErrorAt(Next, "a lambda (x => ...) is only allowed as a function argument, e.g. any(list, x => x.ok)");
            case TokenKind.Identifier:
                Advance();
                return Name(token);
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseExpression(0);
                Expect(TokenKind.CloseParen, "')'", token);
                return inner;
            case TokenKind.OpenBracket:
                return ParseList();
            case TokenKind.Arrow:
                throw ErrorAt(token, "a lambda (x => ...) is only allowed as a function argument, e.g. any(list, x => x.ok)");
            default:
                throw ErrorAt(token, $"expected a value, found {token.Describe()}");
        }
    }

    private Node Name(Token token)
    {
        var slot = _parameters.LastIndexOf(token.Text);
        if (slot >= 0)
        {
            return new ParameterNode(token.Text, slot, token.Line, token.Column);
        }

        _roots.Add(new RootReference(token.Text, token.Line, token.Column));
        return new RootNode(token.Text, token.Line, token.Column);
    }

    private Node ParseList()
    {
        var open = Advance();
        var items = new List<Node>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            while (true)
            {
                items.Add(ParseExpression(0));
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        Expect(TokenKind.CloseBracket, "']'", open);
        return Make(new ListNode(items, open.Line, open.Column));
    }

    private Node ParsePostfix(Node target)
    {
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    if (!Current.IsWord)
                    {
                        throw ErrorAt(Current, $"expected a member name after '.', found {Current.Describe()}");
                    }

                    var name = Advance();
                    target = Make(new MemberNode(target, name.Text, name.Line, name.Column));
                    break;
                case TokenKind.OpenBracket:
                    Advance();
                    var index = ParseExpression(0);
                    Expect(TokenKind.CloseBracket, "']'", token);
                    target = Make(new IndexNode(target, index, token.Line, token.Column));
                    break;
                case TokenKind.OpenParen:
                    throw ErrorAt(token, "only a function name can be called with '(...)'");
                default:
                    return target;
            }
        }
    }
}
