using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>
/// The observation data of <c>nginx.config</c>: the files read, whether nginx would accept them (and if not, where
/// it stops), the worker limits, error logs, upstreams, and every http server and location with effective settings.
/// Locations appear under their server and again in one flat <c>locations</c> list (with the server's name) so a
/// runbook can ask about all of them at once.
/// </summary>
internal static class NginxConfigReport
{
    public static JsonObject Build(NginxConfig config)
    {
        var data = new JsonObject
        {
            ["config"] = config.MainFile,
            ["files"] = new JsonArray([.. config.Files.Select(f => JsonValue.Create(f))]),
            ["syntax_ok"] = config.SyntaxOk,
            ["syntax_error"] = config.Error?.ToJson(),
        };
        var http = config.SyntaxOk ? config.Children("http").FirstOrDefault() : null;
        var upstreams = new JsonArray();
        var servers = new JsonArray();
        var locations = new JsonArray();
        if (config.SyntaxOk)
        {
            data["worker_processes"] = WorkerProcesses(config.Children("worker_processes").FirstOrDefault()?.Arg(0));
            data["worker_connections"] = config.Children("events").SelectMany(e => e.Children("worker_connections")).FirstOrDefault()?.Arg(0) is { } wc
                && int.TryParse(wc, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : NginxDefaults.WorkerConnections;
            data["error_logs"] = new JsonArray([.. config.Directives.Concat(http?.Block ?? []).Where(d => d.Name == "error_log").Select(ErrorLog)]);
        }

        if (http is not null)
        {
            var context = new NginxReportContext(http);
            var scope = NginxScope.Root(http.Block ?? []);
            foreach (var upstream in http.Children("upstream"))
            {
                upstreams.Add(NginxUpstreamReport.Build(upstream));
            }

            foreach (var server in http.Children("server"))
            {
                servers.Add(NginxServerReport.Build(server, scope, context, locations));
            }
        }

        data["upstreams"] = upstreams;
        data["servers"] = servers;
        data["locations"] = locations;
        return data;
    }

    private static JsonNode? WorkerProcesses(string? value) =>
        value is null ? JsonValue.Create(1)
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
        : JsonValue.Create(value);

    private static JsonObject ErrorLog(NginxDirective log) => new()
    {
        ["path"] = log.Arg(0),
        ["level"] = log.Arg(1) ?? NginxDefaults.ErrorLogLevel,
        ["file"] = log.Position.File,
        ["line"] = log.Position.Line,
    };
}
