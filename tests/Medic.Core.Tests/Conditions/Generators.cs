using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Medic.Core.Tests.Conditions;

/// <summary>Random inputs for the property tests: token soups, well-formed expressions, templates and JSON scopes.</summary>
internal static class Generators
{
    public static readonly string[] RootNames = ["a", "b", "x", "ports", "component"];

    private static readonly string[] Tokens =
    [
        "a", "b", "x", "ports", "component", "p", "data", "len", "any", "map", "filter", "matches", "version", "join",
        "42", "0.5", "1e3", "-1", "250ms", "30s", "5m", "2h", "1d", "512KB", "1GB", "2TiB", "5xs", "1e999",
        "'s'", "\"t\"", "'\\n'", "'unterminated", "'\\q'", "true", "false", "null",
        "and", "or", "not", "in", "&&", "||", "!", "??", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%",
        ".", ",", "=>", "(", ")", "[", "]", "{", "}", "=", "&", "|", "?", "#", "\n", " ", "\t", "é", "\r\n",
    ];

    private static readonly string[] Atoms =
    [
        "a", "b", "a.b", "b.c.d", "x[0]", "x[-1]", "a['odd-key']", "ports.data.ports", "component.service", "component",
        "1", "0", "-2", "2.5", "1e3", "'s'", "'3.35.0'", "\"t\"", "''", "true", "false", "null", "5s", "250ms", "1KB",
        "[]", "[1, 'a', null]", "[1s, 2s]", "'^a.*'", "'(a+)+$'",
    ];

    private static readonly string[] BinaryOperators =
        ["and", "or", "&&", "||", "??", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "+", "-", "*", "/", "%"];

    private static readonly string[] UnaryFunctions =
    [
        "len", "any", "all", "count", "min", "max", "sum", "first", "last", "keys", "values", "lower", "upper",
        "string", "number", "exists", "round", "abs", "seconds", "ms", "bytes", "version",
    ];

    private static readonly string[] BinaryFunctions = ["join", "contains", "startsWith", "endsWith", "matches", "default", "round"];

    private static readonly string[] LambdaFunctions = ["any", "all", "count", "min", "max", "sum", "filter", "map", "first", "last"];

    private static readonly string[] Keys = ["a", "b", "c", "d", "data", "ports", "service", "odd-key", "status"];

    public static Gen<string> TokenSoup { get; } =
        Gen.Choose(0, 40).SelectMany(n => Gen.ListOf(Gen.Elements(Tokens), n))
            .SelectMany(tokens => Gen.Elements("", " ").Select(separator => string.Join(separator, tokens)));

    public static Gen<string> Expressions { get; } = Gen.Sized(size => Expression(Math.Min(size / 10, 5), ["v", "w"]));

    public static Gen<string> TemplateSoup { get; } =
        Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Gen.OneOf(
                Gen.Elements("text ", "{", "}", "{{", "}}", "\n", "'", "\"", " ", "port "),
                Expressions.Select(e => "{" + e + "}"),
                TokenSoup), n))
            .Select(parts => string.Concat(parts));

    public static Gen<TestScope> Scopes { get; } =
        Gen.ListOf(Json(3), RootNames.Length).Select(nodes =>
            new TestScope(RootNames.Zip(nodes).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));

    private static Gen<string> Expression(int depth, string[] parameters)
    {
        var atom = Gen.Elements([.. Atoms, .. parameters, .. parameters.Select(p => p + ".a"), .. parameters.Select(p => p + "[0]")]);
        if (depth <= 0)
        {
            return atom;
        }

        var sub = Expression(depth - 1, parameters);
        return Gen.Frequency([
            (3, atom),
            (4, Three(sub, Gen.Elements(BinaryOperators), sub, (l, op, r) => $"{l} {op} {r}")),
            (1, sub.Select(e => $"not {e}")),
            (1, sub.Select(e => $"-{e}")),
            (1, sub.Select(e => $"({e})")),
            (1, sub.Select(e => $"({e}).a")),
            (1, Gen.Zip(sub, sub, (t, i) => $"({t})[{i}]")),
            (1, Gen.Zip(sub, sub, (l, r) => $"[{l}, {r}]")),
            (2, Gen.Zip(Gen.Elements(UnaryFunctions), sub, (f, e) => $"{f}({e})")),
            (2, Three(Gen.Elements(BinaryFunctions), sub, sub, (f, l, r) => $"{f}({l}, {r})")),
            (2, Three(Gen.Elements(LambdaFunctions), sub, Gen.Elements(parameters), (f, l, p) => (f, l, p))
                .SelectMany(t => sub.Select(body => $"{t.f}({t.l}, {t.p} => {body})"))),
        ]);
    }

    private static Gen<TResult> Three<T1, T2, T3, TResult>(Gen<T1> a, Gen<T2> b, Gen<T3> c, Func<T1, T2, T3, TResult> f) =>
        a.SelectMany(x => b.SelectMany(y => c.Select(z => f(x, y, z))));

    private static Gen<JsonNode?> Json(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant(0).Select(_ => (JsonNode?)null),
            Gen.Choose(-5, 5000).Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Elements(0.5, -1.25, 1e300).Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.Elements("s", "", "3.35.0", "30s", "512MB", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "odd-key").Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)));
        if (depth <= 0)
        {
            return leaf;
        }

        var child = Json(depth - 1);
        return Gen.Frequency([
            (2, leaf),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(child, n)).Select(items => (JsonNode?)new JsonArray([.. items]))),
            (2, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Elements(Keys), child, (k, v) => (Key: k, Value: v)), n))
                .Select(pairs =>
                {
                    var o = new JsonObject();
                    foreach (var (key, value) in pairs)
                    {
                        o[key] = value;
                    }

                    return (JsonNode?)o;
                })),
        ]);
    }
}
