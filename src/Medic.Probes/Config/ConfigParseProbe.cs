using System.Text;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Probes.Config;

/// <summary>
/// <c>config.parse</c>: reads a YAML or JSON configuration file and reports whether it parses (with the error's
/// position), its top-level keys, and which required keys are missing, empty or of the wrong type. Reports key
/// names and types only, never values.
/// </summary>
public sealed class ConfigParseProbe : IProbe
{
    private const long MaxFileBytes = 16 * 1024 * 1024;

    public string Name => "config.parse";

    public string Description =>
        "parse a YAML or JSON configuration file: syntax error with line and column, top-level keys, required keys "
        + "that are missing or empty, values of the wrong type (names and types only, never values)";

    public IReadOnlyList<string> Kinds { get; } = ["config"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("require", ParameterType.StringList, Description: "keys that must be present and non-empty, dotted for nesting (default: the component's 'require')"),
        new("types", ParameterType.Map, Description: "expected types by key: string, int, number, bool, list, map (default: the component's 'types')"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var component = context.Component;
        var setting = component.GetString("path");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{component.Name}' has no 'path'");
        }

        var path = component.ResolvePath(setting);
        var specs = TypeSpecs(context, out var problem);
        if (specs is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!, new JsonObject { ["path"] = path });
        }

        var format = ConfigFormats.Declared(component.GetString("format"), out problem);
        if (problem is not null)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, problem, new JsonObject { ["path"] = path });
        }

        var (text, size, failure) = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        format ??= ConfigFormats.Guess(path, text!);
        cancellationToken.ThrowIfCancellationRequested();
        var parsed = format == ConfigFormats.Json ? JsonConfigReader.Read(text!) : YamlConfigReader.Read(text!);
        return ProbeResult.Ok(Data(path, format, size, parsed, Required(context), specs));
    }

    private static JsonObject Data(string path, string format, long size, ConfigParseResult parsed, IReadOnlyList<string> required, IReadOnlyList<ConfigTypeSpec> specs)
    {
        var root = parsed.Root;
        var missing = new JsonArray();
        var empty = new JsonArray();
        var typeErrors = new JsonArray();
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
        };
    }

    private static async Task<(string? Text, long Size, ProbeResult? Failure)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["path"] = path };
        try
        {
            if (Directory.Exists(path))
            {
                data["exists"] = true;
                return (null, 0, ProbeResult.Fail(ErrorKinds.InvalidArgument, $"{path} is a directory, not a file", data));
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                data["exists"] = false;
                return (null, 0, ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", data));
            }

            data["exists"] = true;
            data["size_bytes"] = info.Length;
            if (info.Length > MaxFileBytes)
            {
                return (null, info.Length, ProbeResult.Fail(ErrorKinds.Unsupported, $"{path} is {info.Length} bytes, more than a configuration file should be", data));
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return (Decode(bytes), bytes.Length, null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            data["exists"] = false;
            return (null, 0, ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", data));
        }
        catch (UnauthorizedAccessException)
        {
            return (null, 0, ProbeResult.Fail(ErrorKinds.PermissionDenied, $"access denied reading {path}", data));
        }
        catch (IOException e)
        {
            return (null, 0, ProbeResult.Fail(ErrorKinds.Internal, $"cannot read {path}: {e.Message}", data));
        }
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static IReadOnlyList<string> Required(ProbeContext context) =>
        context.Args.ContainsKey("require") ? context.GetStrings("require") : context.Component.GetStrings("require");

    private static List<ConfigTypeSpec>? TypeSpecs(ProbeContext context, out string? problem)
    {
        var source = context.Args.ContainsKey("types") ? context.Args["types"] : context.Component.Settings["types"];
        var specs = new List<ConfigTypeSpec>();
        problem = null;
        if (source is not JsonObject map)
        {
            return source is null ? specs : Invalid("'types' must map keys to type names", out problem);
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

    private static List<ConfigTypeSpec>? Invalid(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
