using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Config;

public sealed partial class ConfigParseProbe
{
    private static IReadOnlyList<string> Required(ProbeContext context) =>
        context.GetStringsOrSetting("require");

    /// <summary>The check's map argument, else the component's setting of that name.</summary>
    private static JsonNode? MapSetting(ProbeContext context, string name) =>
        context.Args.ContainsKey(name) ? context.Args[name] : context.Component.Settings[name];

    private static List<ConfigTypeSpec>? TypeSpecs(ProbeContext context, out string? problem)
    {
        var source = MapSetting(context, "types");
        var specs = new List<ConfigTypeSpec>();
        problem = null;
        if (source is not JsonObject map)
        {
            return source is null ? specs : Invalid<ConfigTypeSpec>("'types' must map keys to type names", out problem);
        }

        foreach (var (key, value) in map)
        {
            if (ConfigTypeSpec.Parse(key, value?.ToString() ?? "", out problem) is not { } spec)
            {
                return null;
            }

            specs.Add(spec);
        }

        return specs;
    }

    private static List<ConfigRangeSpec>? RangeSpecs(ProbeContext context, out string? problem)
    {
        var source = MapSetting(context, "ranges");
        var specs = new List<ConfigRangeSpec>();
        problem = null;
        if (source is not JsonObject map)
        {
            return source is null ? specs : Invalid<ConfigRangeSpec>("'ranges' must map keys to {min, max}", out problem);
        }

        foreach (var (key, value) in map)
        {
            if (ConfigRangeSpec.Parse(key, value, out problem) is not { } spec)
            {
                return null;
            }

            specs.Add(spec);
        }

        return specs;
    }

    private static List<T>? Invalid<T>(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
