using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Probes.Os;

namespace Medic.Probes.Config;

/// <summary>
/// An allowed range for a numeric key, from <c>ranges</c>: <c>{min: 1, max: 65535}</c> (either bound may be left out)
/// or the text <c>1..65535</c>.
/// </summary>
internal sealed record ConfigRangeSpec(string Key, double? Min, double? Max)
{
    public static ConfigRangeSpec? Parse(string key, JsonNode? value, out string? problem)
    {
        problem = null;
        double? min = null, max = null;
        switch (value)
        {
            case JsonObject o:
                foreach (var (name, bound) in o)
                {
                    if (name is not ("min" or "max") || Number(bound) is not { } n)
                    {
                        problem = $"range for '{key}': '{name}' must be min or max with a number";
                        return null;
                    }

                    if (name == "min")
                    {
                        min = n;
                    }
                    else
                    {
                        max = n;
                    }
                }

                break;
            case JsonValue v when v.ToString().Split("..") is [var from, var to]
                                  && (from.Length == 0 || Number(from) is not null) && (to.Length == 0 || Number(to) is not null):
                (min, max) = (from.Length == 0 ? null : Number(from), to.Length == 0 ? null : Number(to));
                break;
            default:
                problem = $"range for '{key}' must be {{min: …, max: …}} or 'min..max'";
                return null;
        }

        if (min is null && max is null)
        {
            problem = $"range for '{key}' has neither min nor max";
            return null;
        }

        if (min > max)
        {
            problem = $"range for '{key}': min {min} is above max {max}";
            return null;
        }

        return new ConfigRangeSpec(key, min, max);
    }

    /// <summary>The finding for <paramref name="node"/>, or null when it is within the range (or absent, which 'require' reports).</summary>
    public JsonObject? Check(ConfigNode? node)
    {
        if (node is null || node.Type == ConfigType.Null)
        {
            return null;
        }

        var value = node.AsNumber();
        var reason = value is not { } v ? "not_a_number" : v < Min ? "below_min" : v > Max ? "above_max" : null;
        if (reason is null)
        {
            return null;
        }

        // The number explains the finding; a secret's value is never shown, nor any text that is not a number.
        var secret = SecretText.LooksSecret(Key);
        return new JsonObject
        {
            ["key"] = Key,
            ["min"] = Min,
            ["max"] = Max,
            ["actual_type"] = node.TypeName,
            ["actual"] = secret || value is null ? null : value,
            ["reason"] = reason,
            ["secret"] = secret,
        };
    }

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) => Number(s),
        _ => null,
    };

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
}
