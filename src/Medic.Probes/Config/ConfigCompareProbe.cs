using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Config;

/// <summary>
/// <c>config.compare</c>: reads several copies of a configuration (each node's file) and reports keys that must
/// differ but share a value (<c>unique</c>: a node id) and keys that must agree but differ (<c>same</c>: the cluster
/// name). Values are shown to explain a finding, except for keys whose name looks secret.
/// </summary>
public sealed partial class ConfigCompareProbe : IProbe
{
    public string Name => "config.compare";

    public string Description =>
        "compare a key across several config files (each node's): values that must be unique but repeat, values that must agree but differ";

    public IReadOnlyList<string> Kinds { get; } = ["config"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "the files to compare, globs allowed (default: the component's path and paths)"),
        new("unique", ParameterType.StringList, Description: "keys whose values must differ between files, e.g. node_id (default: the component's 'unique')"),
        new("same", ParameterType.StringList, Description: "keys whose values must be equal in every file, e.g. cluster.name (default: the component's 'same')"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var component = context.Component;
        var patterns = context.Args.ContainsKey("paths")
            ? context.GetStrings("paths")
            : [component.GetString("path") ?? "", .. component.GetStrings("paths")];
        patterns = [.. patterns.Where(p => p.Length > 0).Select(component.ResolvePath).Distinct(StringComparer.Ordinal)];
        if (patterns.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no files to compare: give 'paths' in the check, or 'path' and 'paths' in the component");
        }

        var format = ConfigFormats.Declared(component.GetString("format"), out var problem);
        if (problem is not null)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, problem);
        }

        var unique = Keys(context, "unique");
        var same = Keys(context, "same");
        var unmatched = new JsonArray();
        var paths = new List<string>();
        foreach (var pattern in patterns)
        {
            var matches = await Task.Run(() => PathGlob.Expand(pattern), cancellationToken).ConfigureAwait(false);
            if (matches.Count == 0)
            {
                unmatched.Add(pattern);
            }

            paths.AddRange(matches.Where(m => !paths.Contains(m, StringComparer.Ordinal)));
        }

        var files = new List<ParsedFile>();
        foreach (var path in paths)
        {
            files.Add(await ReadAsync(path, format, cancellationToken).ConfigureAwait(false));
        }

        var parsed = files.Where(f => f.Root is not null).ToList();
        return ProbeResult.Ok(new JsonObject
        {
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)f.Json)]),
            ["file_count"] = files.Count,
            ["parsed_count"] = parsed.Count,
            ["unparsed"] = new JsonArray([.. files.Where(f => f.Root is null).Select(f => (JsonNode)f.Path)]),
            ["unmatched"] = unmatched,
            ["unique"] = new JsonArray([.. unique.Select(k => (JsonNode)k)]),
            ["same"] = new JsonArray([.. same.Select(k => (JsonNode)k)]),
            ["duplicates"] = new JsonArray([.. unique.SelectMany(k => Duplicates(k, parsed))]),
            ["differences"] = new JsonArray([.. same.SelectMany(k => Differences(k, parsed))]),
            ["missing"] = new JsonArray([.. unique.Concat(same).Distinct(StringComparer.Ordinal).SelectMany(k => Missing(k, parsed))]),
        });
    }

    private static async Task<ParsedFile> ReadAsync(string path, string? declared, CancellationToken cancellationToken)
    {
        var (text, _, failure) = await ConfigFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            var json = new JsonObject
            {
                ["path"] = path,
                ["exists"] = failure.Data?["exists"]?.DeepClone(),
                ["syntax_ok"] = null,
                ["error"] = new JsonObject { ["kind"] = failure.Error!.Kind, ["message"] = failure.Error.Message },
            };
            return new ParsedFile(path, null, json);
        }

        var format = declared ?? ConfigFormats.Guess(path, text!);
        cancellationToken.ThrowIfCancellationRequested();
        var result = ConfigFormats.Parse(format, text!);
        return new ParsedFile(path, result.Root, new JsonObject
        {
            ["path"] = path,
            ["exists"] = true,
            ["format"] = format,
            ["syntax_ok"] = result.Error is null,
            ["syntax_error"] = result.Error?.ToJson(),
        });
    }

    private static IReadOnlyList<string> Keys(ProbeContext context, string name) =>
        [.. (context.Args.ContainsKey(name) ? context.GetStrings(name) : context.Component.GetStrings(name)).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    private sealed record ParsedFile(string Path, ConfigNode? Root, JsonObject Json);
}
