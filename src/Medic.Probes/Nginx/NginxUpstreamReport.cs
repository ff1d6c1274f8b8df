using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>An <c>upstream</c> block: its servers with weight, max_fails, fail_timeout and the backup and down flags.</summary>
internal static class NginxUpstreamReport
{
    private const long DefaultFailTimeoutMs = 10_000;

    public static JsonObject Build(NginxDirective upstream) => new()
    {
        ["name"] = upstream.Arg(0),
        ["file"] = upstream.Position.File,
        ["line"] = upstream.Position.Line,
        ["servers"] = new JsonArray([.. upstream.Children("server").Select(Server)]),
    };

    private static JsonObject Server(NginxDirective server)
    {
        var options = server.Args.Skip(1).ToList();
        return new JsonObject
        {
            ["address"] = server.Arg(0),
            ["weight"] = Number(options, "weight", 1),
            ["max_fails"] = Number(options, "max_fails", 1),
            ["fail_timeout_ms"] = Option(options, "fail_timeout") is { } t && NginxValues.TryParseDuration(t, out var ms) ? ms : DefaultFailTimeoutMs,
            ["backup"] = options.Contains("backup"),
            ["down"] = options.Contains("down"),
            ["file"] = server.Position.File,
            ["line"] = server.Position.Line,
        };
    }

    private static long Number(List<string> options, string name, long fallback) =>
        Option(options, name) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string? Option(List<string> options, string name) =>
        options.FirstOrDefault(o => o.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
}
