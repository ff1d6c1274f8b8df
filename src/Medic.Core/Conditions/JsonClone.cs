using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

/// <summary>
/// Copies JSON for <see cref="Value.ToJson"/>. Unlike <c>DeepClone</c> it checks the stack, so data nested
/// deeper than any parser would produce is cut short ("…") instead of overflowing the stack.
/// </summary>
internal static class JsonClone
{
    public static JsonNode? Copy(JsonNode? node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return JsonValue.Create("…");
        }

        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    copy[key] = Copy(value);
                }

                return copy;
            case JsonArray a:
                return new JsonArray([.. a.Select(Copy)]);
            default:
                return node?.DeepClone();
        }
    }
}
