using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Config;

/// <summary>
/// <c>config.parse</c>: reads a YAML, JSON, TOML, .env or INI configuration file and reports whether it parses (with
/// the error's position), its top-level keys, which required keys are missing, empty or of the wrong type, and which
/// numbers fall outside their allowed range. Reports key names and types, and numbers only for keys that do not look
/// secret; never other values.
/// </summary>
public sealed partial class ConfigParseProbe : IProbe
{
    public string Name => "config.parse";

    public string Description =>
        "parse a YAML, JSON, TOML, .env or INI configuration file: syntax error with line and column, top-level keys, "
        + "required keys that are missing or empty, values of the wrong type, numbers out of range, the values of keys asked for (never secret values)";

    public IReadOnlyList<string> Kinds { get; } = ["config"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("require", ParameterType.StringList, Description: "keys that must be present and non-empty, dotted for nesting (default: the component's 'require')"),
        new("types", ParameterType.Map, Description: "expected types by key: string, int, number, bool, list, map, datetime (default: the component's 'types')"),
        new("ranges", ParameterType.Map, Description: "allowed ranges by key, {min: 1, max: 65535} or '1..65535' (default: the component's 'ranges')"),
        new("values", ParameterType.StringList, Description: "keys whose values to report in 'values' (absent: null; keys that look secret: '***')"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var component = context.Component;
        var setting = component.GetString("path");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{component.Name}' has no 'path'");
        }

        var path = component.ResolvePath(setting);
        var specs = TypeSpecs(context, out var problem);
        var ranges = problem is null ? RangeSpecs(context, out problem) : null;
        if (specs is null || ranges is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!, new JsonObject { ["path"] = path });
        }

        var format = ConfigFormats.Declared(component.GetString("format"), out problem);
        if (problem is not null)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, problem, new JsonObject { ["path"] = path });
        }

        var (text, size, failure) = await ConfigFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        format ??= ConfigFormats.Guess(path, text!);
        cancellationToken.ThrowIfCancellationRequested();
        var parsed = ConfigFormats.Parse(format, text!);
        var data = Data(path, format, size, parsed, Required(context), specs, ranges);
        data["values"] = Values(parsed.Root, context.GetStrings("values"));
        return ProbeResult.Ok(data);
    }

    /// <summary>The values of the keys asked for, as text; null when absent, '***' when the key's name looks secret.</summary>
    private static JsonObject Values(ConfigNode? root, IReadOnlyList<string> keys)
    {
        var values = new JsonObject();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var node = root is null ? null : ConfigKeys.Find(root, key);
            values[key] = node is null || node.Type == ConfigType.Null ? null : SecretText.LooksSecret(key) ? "***" : node.Shown();
        }

        return values;
    }

    private static JsonObject Data(
        string path, string format, long size, ConfigParseResult parsed, IReadOnlyList<string> required, IReadOnlyList<ConfigTypeSpec> specs, IReadOnlyList<ConfigRangeSpec> ranges)
    {
        var root = parsed.Root;
        var missing = new JsonArray();
        var empty = new JsonArray();
        var typeErrors = new JsonArray();
        var outOfRange = new JsonArray();
        if (root is not null)
        {
            foreach (var key in required.Distinct(StringComparer.Ordinal))
            {
                var node = ConfigKeys.Find(root, key);
                if (node is null)
                {
                    missing.Add(key);
                }
                else if (node.Empty)
                {
                    empty.Add(key);
                }
            }

            foreach (var spec in specs)
            {
                // An absent or null key is not a type error: 'missing' and 'empty' report what 'require' asks for.
                if (ConfigKeys.Find(root, spec.Key) is { Type: not ConfigType.Null } node && !spec.Accepts(node.Type)
                    && !(node.Empty && required.Contains(spec.Key)))
                {
                    typeErrors.Add(new JsonObject { ["key"] = spec.Key, ["expected"] = spec.Expected, ["actual"] = node.TypeName });
                }
            }

            foreach (var range in ranges)
            {
                if (range.Check(ConfigKeys.Find(root, range.Key)) is { } finding)
                {
                    outOfRange.Add(finding);
                }
            }
        }

        return new JsonObject
        {
            ["path"] = path,
            ["exists"] = true,
            ["format"] = format,
            ["size_bytes"] = size,
            ["syntax_ok"] = parsed.Error is null,
            ["syntax_error"] = parsed.Error?.ToJson(),
            ["root_type"] = root?.TypeName,
            ["top_level_keys"] = new JsonArray([.. (root?.Children?.Keys ?? Enumerable.Empty<string>()).Select(k => JsonValue.Create(k))]),
            ["missing"] = missing,
            ["empty"] = empty,
            ["type_errors"] = typeErrors,
            ["out_of_range"] = outOfRange,
        };
    }
}
