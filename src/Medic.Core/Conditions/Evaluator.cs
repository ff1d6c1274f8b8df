using System.Runtime.CompilerServices;

namespace Medic.Core.Conditions;

/// <summary>
/// Walks a parsed expression. Recursion follows the tree, whose depth the parser bounds; a step budget
/// bounds the work that lambdas over large lists can multiply.
/// </summary>
internal sealed partial class Evaluator(IConditionScope scope, int slots)
{
    public const long MaxSteps = 5_000_000;

    private readonly Value?[] _parameters = new Value?[slots];
    private long _steps;

    public Value Eval(Node node)
    {
        if (++_steps > MaxSteps)
        {
            throw node.Error($"evaluation stopped after {MaxSteps:N0} steps");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw node.Error("expression is nested too deeply to evaluate");
        }

        return node switch
        {
            LiteralNode literal => literal.Value,
            RootNode root => Root(root),
            ParameterNode parameter => _parameters[parameter.Slot] ?? Value.Null,
            MemberNode member => Access.Member(Eval(member.Target), member.Name),
            IndexNode index => Access.Index(Eval(index.Target), Eval(index.Index)),
            ListNode list => Value.FromList(list.Items.Select(Eval)),
            CallNode call => call.Function.Invoke(new CallArgs(this, call)),
            UnaryNode unary => Unary(unary),
            BinaryNode binary => Binary(binary),
            _ => throw node.Error("a lambda (x => ...) is only allowed as a function argument"),
        };
    }

    public Value Apply(LambdaNode lambda, Value item)
    {
        _parameters[lambda.Slot] = item;
        return Eval(lambda.Body);
    }

    private Value Root(RootNode root) =>
        scope.TryGetRoot(root.Name, out var json) ? Value.FromJson(json) : throw root.Error($"unknown name '{root.Name}'");

    private Value Unary(UnaryNode unary)
    {
        var operand = Eval(unary.Operand);
        if (!unary.Negate)
        {
            return Value.FromBool(!Truth(operand, unary, "not"));
        }

        return operand.IsNull || operand.AsNumber() is not null
            ? Arithmetic.Negate(operand)
            : throw unary.Error($"cannot negate {Describe.Of(operand)}");
    }

    private static bool Truth(Value value, Node at, string symbol) =>
        value.AsBool() ?? throw at.Error($"'{symbol}' needs true or false, got {Describe.Of(value)}");
}
