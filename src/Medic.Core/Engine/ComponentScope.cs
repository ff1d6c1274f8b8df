using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Model;
using Medic.Core.Systems;

namespace Medic.Core.Engine;

/// <summary>The <c>component</c> root: name, kind and settings, with secret values masked.</summary>
public sealed class ComponentScope(Component component, SecretSet secrets) : IConditionScope
{
    public const string Root = "component";

    public static JsonObject ToJson(Component component, SecretSet secrets)
    {
        var o = new JsonObject { ["name"] = component.Name, ["kind"] = component.Kind };
        foreach (var (k, v) in component.Settings)
        {
            o[k] = Mask(v, secrets);
        }

        return o;
    }

    public bool TryGetRoot(string name, out JsonNode? value)
    {
        value = name == Root ? ToJson(component, secrets) : null;
        return name == Root;
    }

    private static JsonNode? Mask(JsonNode? node, SecretSet secrets) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(secrets.Scrub(s)),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Mask(p.Value, secrets)))),
        JsonArray a => new JsonArray([.. a.Select(x => Mask(x, secrets))]),
        _ => node?.DeepClone(),
    };
}
