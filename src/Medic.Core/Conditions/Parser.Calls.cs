using Medic.Core.Model;

namespace Medic.Core.Conditions;

internal sealed partial class Parser
{
    private Node ParseCall()
    {
        var name = Advance();
        var open = Advance();
        if (!Functions.All.TryGetValue(name.Text, out var function))
        {
            var hint = Suggest.Nearest(name.Text, Functions.Names);
            throw ErrorAt(name, $"unknown function '{name.Text}'" + (hint is null ? $" (functions: {string.Join(", ", Functions.Names)})" : $" (did you mean '{hint}'?)"));
        }

        var args = new List<Node>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                args.Add(Current.Kind == TokenKind.Identifier && Next.Kind == TokenKind.Arrow ? ParseLambda() : ParseExpression(0));
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        Expect(TokenKind.CloseParen, "')'", open);
        Check(function, name, args);
        return Make(new CallNode(function, args, name.Line, name.Column));
    }

    private LambdaNode ParseLambda()
    {
        var parameter = Advance();
        Advance();
        _parameters.Add(parameter.Text);
        _slots = Math.Max(_slots, _parameters.Count);
        var body = ParseExpression(0);
        _parameters.RemoveAt(_parameters.Count - 1);
        return Make(new LambdaNode(parameter.Text, _parameters.Count, body, parameter.Line, parameter.Column));
    }

    private static void Check(Function function, Token name, List<Node> args)
    {
        if (args.Count < function.MinArgs || args.Count > function.MaxArgs)
        {
            throw ErrorAt(name, $"{function.Name}() takes {function.Signature}; found {args.Count} argument{(args.Count == 1 ? "" : "s")}");
        }

        for (var i = 0; i < args.Count; i++)
        {
            var lambdaHere = function.Lambda != LambdaUse.None && i == Function.LambdaIndex;
            if (args[i] is LambdaNode && !lambdaHere)
            {
                throw ErrorAt(args[i], $"{function.Name}() takes no lambda as argument {i + 1}; it takes {function.Signature}");
            }

            if (lambdaHere && args[i] is not LambdaNode)
            {
                throw ErrorAt(args[i], $"argument {i + 1} of {function.Name}() must be a lambda such as x => x.ok; it takes {function.Signature}");
            }
        }

        if (function.Name == "matches" && args[1] is LiteralNode { Value.Kind: ValueKind.String } pattern
            && !RegexCache.TryGet(pattern.Value.Text, out _, out var problem))
        {
            throw ErrorAt(pattern, $"invalid regex: {problem}");
        }
    }
}
