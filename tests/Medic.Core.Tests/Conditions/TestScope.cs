using System.Text.Json.Nodes;
using Medic.Core.Conditions;

namespace Medic.Core.Tests.Conditions;

/// <summary>Roots by name from a JSON object: <c>{"pragma": {...}, "component": {...}}</c>.</summary>
internal sealed class TestScope(IReadOnlyDictionary<string, JsonNode?> roots) : IConditionScope
{
    public static TestScope Empty { get; } = new(new Dictionary<string, JsonNode?>());

    public static TestScope Of(string json) =>
        new(JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public bool TryGetRoot(string name, out JsonNode? value) => roots.TryGetValue(name, out value);
}
