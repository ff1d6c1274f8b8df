using System.Text.Json.Nodes;

namespace Medic.Bundles;

/// <summary>Redaction of JSON documents value by value, so secrets inside escaped strings and under secret-named keys are caught.</summary>
public sealed partial class Redactor
{
    /// <summary>Returns a redacted copy: every string passes <see cref="Redact"/>; a scalar under a secret-named key becomes a placeholder.</summary>
    public JsonNode? RedactJson(JsonNode? node) => node switch
    {
        JsonObject o => RedactObject(o),
        JsonArray a => new JsonArray([.. a.Select(RedactJson)]),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Redact(s)),
        _ => node?.DeepClone(),
    };

    private JsonObject RedactObject(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in o)
        {
            var name = Hosts is null ? key : Hosts.Apply(key);
            copy[name] = value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
                && IsSecretName(key) && !s.Contains(Marker, StringComparison.Ordinal) && !RedactionRules.NotValues.Contains(s) && !IsWildcard(s)
                ? JsonValue.Create(Placeholder("secret-key", s))
                : RedactJson(value);
        }

        return copy;
    }

    private static bool IsSecretName(string key) =>
        RedactionRules.SecretName().IsMatch(key) && !RedactionRules.DescriptiveName().IsMatch(key);
}
