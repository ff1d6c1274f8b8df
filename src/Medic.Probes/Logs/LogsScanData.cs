using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Probes.Logs;

/// <summary>The observation data of <c>logs.scan</c>, snake_case.</summary>
internal static class LogsScanData
{
    public static JsonObject ToJson(ScanResult r, ScanOptions options)
    {
        var levels = new JsonObject();
        foreach (var (name, n) in r.Levels)
        {
            levels[name] = n;
        }

        return new JsonObject
        {
            ["files"] = new JsonArray([.. r.Files.Select(File)]),
            ["window_ms"] = options.Window?.TotalMilliseconds,
            ["since"] = Time(r.Since),
            ["pattern"] = options.Pattern?.ToString(),
            ["level"] = options.Level is { } l ? Severities.Name(l) : null,
            ["records"] = r.Records,
            ["errors"] = r.Errors,
            ["warnings"] = r.Warnings,
            ["matches"] = r.Matches,
            ["levels"] = levels,
            ["last_error"] = Time(r.LastError),
            ["last_match"] = Time(r.LastMatch),
            ["last_match_line"] = r.LastMatchLine,
            ["top_errors"] = new JsonArray([.. r.TopErrors.Select(Template)]),
            ["top_matches"] = new JsonArray([.. r.TopMatches.Select(Template)]),
        };
    }

    private static JsonNode File(ScannedFile f) => new JsonObject
    {
        ["path"] = f.Path,
        ["format"] = f.Format,
        ["size_bytes"] = f.SizeBytes,
        ["read_bytes"] = f.ReadBytes,
        ["tail_only"] = f.TailOnly,
        ["lines"] = f.Lines,
        ["error"] = f.Error,
    };

    private static JsonNode Template(TemplateSummary t) => new JsonObject
    {
        ["template"] = t.Template,
        ["count"] = t.Count,
        ["level"] = Severities.Name(t.Worst),
        ["first_seen"] = Time(t.FirstSeen),
        ["last_seen"] = Time(t.LastSeen),
        ["example"] = t.Example,
    };

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
