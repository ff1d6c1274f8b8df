using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Systems;

namespace Medic.Bundles;

/// <summary>The host names a system file mentions: URL hosts, connection-string hosts, host and address settings.</summary>
internal static partial class SystemHosts
{
    public static IEnumerable<string> Of(SystemDefinition system) =>
        system.Components.SelectMany(c => Strings(c.Settings)).SelectMany(Hosts).Distinct(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static IEnumerable<string> Hosts(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !uri.IsFile)
        {
            yield return uri.Host.Trim('[', ']');
        }

        foreach (Match m in ConnectionHost().Matches(value))
        {
            yield return m.Groups[1].Value.Trim();
        }
    }

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:host|server|data source|address)\s*=\s*([^;,:]+)")]
    private static partial Regex ConnectionHost();
}
