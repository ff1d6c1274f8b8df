namespace Medic.Core.Conditions;

/// <summary>A function's view of its call: arguments evaluated on demand, the lambda applied to items.</summary>
internal sealed class CallArgs(Evaluator evaluator, CallNode call)
{
    public int Count => call.Args.Count;

    public string Name => call.Function.Name;

    public Value this[int index] => evaluator.Eval(call.Args[index]);

    public bool HasLambda => call.Args.Count > Function.LambdaIndex && call.Args[Function.LambdaIndex] is LambdaNode;

    /// <summary>The lambda applied to the item, or the item itself when there is no lambda.</summary>
    public Value Map(Value item) =>
        HasLambda ? evaluator.Apply((LambdaNode)call.Args[Function.LambdaIndex], item) : item;

    /// <summary>The lambda (or the item itself) as a truth value: null is false, anything but a bool an error.</summary>
    public bool Test(Value item)
    {
        var result = Map(item);
        return result.AsBool() ?? throw (HasLambda ? call.Args[Function.LambdaIndex] : call)
            .Error($"{Name}() needs true or false {(HasLambda ? "from its lambda" : "items")}, got {Describe.Of(result)}");
    }

    public ConditionException Error(string message) => call.Error($"{Name}(): {message}");

    /// <summary>The argument as list items; null when it is null; an error for anything else.</summary>
    public IReadOnlyList<Value>? List(int index)
    {
        var value = this[index];
        return value.Kind switch
        {
            ValueKind.Null => null,
            ValueKind.List => value.Items,
            _ => throw Error($"argument {index + 1} must be a list, got {Describe.Of(value)}"),
        };
    }

    /// <summary>The argument as a string; null when it is null; an error for anything else.</summary>
    public string? String(int index)
    {
        var value = this[index];
        return value.Kind switch
        {
            ValueKind.Null => null,
            ValueKind.String => value.Text,
            _ => throw Error($"argument {index + 1} must be a string, got {Describe.Of(value)}"),
        };
    }
}
