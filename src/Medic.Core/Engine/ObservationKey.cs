using System.Text;
using System.Text.Json.Nodes;

namespace Medic.Core.Engine;

/// <summary>Identity of an observation: probe, component and canonical (key-sorted) arguments.</summary>
public static class ObservationKey
{
    public static string Of(string probe, string component, JsonObject args)
    {
        var sb = new StringBuilder();
        sb.Append(probe.ToLowerInvariant()).Append('|').Append(component.ToLowerInvariant()).Append('|');
        Canonical(args, sb);
        return sb.ToString();
    }

    private static void Canonical(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case JsonObject o:
                sb.Append('{');
                foreach (var (k, v) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(System.Text.Json.JsonSerializer.Serialize(k)).Append(':');
                    Canonical(v, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                foreach (var v in a)
                {
                    Canonical(v, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
