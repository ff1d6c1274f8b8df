using System.Collections.Frozen;

namespace Medic.Core.Conditions;

/// <summary>The built-in functions; nothing else can be called from a condition.</summary>
internal static partial class Functions
{
    private static readonly Function[] Declared =
    [
        new("len", 1, 1, LambdaUse.None, "(list, string or object)", Len),
        new("any", 1, 2, LambdaUse.Optional, "(list[, x => condition])", Any),
        new("all", 1, 2, LambdaUse.Optional, "(list[, x => condition])", All_),
        new("count", 1, 2, LambdaUse.Optional, "(list[, x => condition])", Count),
        new("min", 1, 2, LambdaUse.Optional, "(list[, x => value])", a => Extreme(a, smallest: true)),
        new("max", 1, 2, LambdaUse.Optional, "(list[, x => value])", a => Extreme(a, smallest: false)),
        new("sum", 1, 2, LambdaUse.Optional, "(list[, x => value])", Sum),
        new("filter", 2, 2, LambdaUse.Required, "(list, x => condition)", Filter),
        new("map", 2, 2, LambdaUse.Required, "(list, x => value)", Map),
        new("first", 1, 2, LambdaUse.Optional, "(list[, x => condition])", a => Find(a, fromEnd: false)),
        new("last", 1, 2, LambdaUse.Optional, "(list[, x => condition])", a => Find(a, fromEnd: true)),
        new("join", 2, 2, LambdaUse.None, "(list, separator)", Join),
        new("keys", 1, 1, LambdaUse.None, "(object)", Keys),
        new("values", 1, 1, LambdaUse.None, "(object)", Values),
        new("contains", 2, 2, LambdaUse.None, "(string or list, item)", Contains),
        new("startsWith", 2, 2, LambdaUse.None, "(string, prefix)", a => Affix(a, start: true)),
        new("endsWith", 2, 2, LambdaUse.None, "(string, suffix)", a => Affix(a, start: false)),
        new("matches", 2, 2, LambdaUse.None, "(string, regex)", Matches),
        new("lower", 1, 1, LambdaUse.None, "(string)", a => Case(a, upper: false)),
        new("upper", 1, 1, LambdaUse.None, "(string)", a => Case(a, upper: true)),
        new("string", 1, 1, LambdaUse.None, "(value)", ToText),
        new("number", 1, 1, LambdaUse.None, "(value)", ToNumber),
        new("exists", 1, 1, LambdaUse.None, "(value)", a => Value.FromBool(!a[0].IsNull)),
        new("default", 2, 2, LambdaUse.None, "(value, fallback)", a => a[0] is { IsNull: false } v ? v : a[1]),
        new("round", 1, 2, LambdaUse.None, "(number[, digits])", Round),
        new("abs", 1, 1, LambdaUse.None, "(number)", Abs),
        new("seconds", 1, 1, LambdaUse.None, "(number or text such as '30s')", Seconds),
        new("ms", 1, 1, LambdaUse.None, "(number or text such as '250ms')", Milliseconds),
        new("bytes", 1, 1, LambdaUse.None, "(number or text such as '512MB')", Bytes),
        new("version", 1, 1, LambdaUse.None, "(text such as '3.35.0')", Version),
    ];

    public static readonly FrozenDictionary<string, Function> All = Declared.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Function names in the order the README lists them.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Declared.Select(f => f.Name)];
}
