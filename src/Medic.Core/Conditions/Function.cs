namespace Medic.Core.Conditions;

/// <summary>A built-in function: its arity, whether its second argument is a lambda, and its body.</summary>
internal sealed record Function(string Name, int MinArgs, int MaxArgs, LambdaUse Lambda, string Signature, Func<CallArgs, Value> Invoke)
{
    /// <summary>Every function that takes a lambda takes it as its second argument.</summary>
    public const int LambdaIndex = 1;
}
