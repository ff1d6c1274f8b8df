using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>One virtual server: where it listens, its names, its effective body limit and its locations (nested ones too).</summary>
internal static class NginxServerReport
{
    public static JsonObject Build(NginxDirective server, NginxScope http, NginxReportContext context, JsonArray flat)
    {
        var scope = http.Enter(server.Block ?? []);
        var listen = server.Children("listen").Select(l => string.Join(' ', l.Args)).ToList();
        var names = server.Children("server_name").SelectMany(n => n.Args).ToList();
        var label = names.FirstOrDefault(n => n is not ("" or "_")) ?? listen.FirstOrDefault() ?? $"server at {server.Position}";
        var locations = new JsonArray();
        Collect(server.Block ?? [], scope, parent: null, context, location =>
        {
            locations.Add(location);
            var copy = location.DeepClone().AsObject();
            copy["server"] = label;
            flat.Add(copy);
        });

        var setAt = new JsonObject();
        return new JsonObject
        {
            ["name"] = label,
            ["listen"] = new JsonArray([.. listen.Select(l => JsonValue.Create(l))]),
            ["server_name"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]),
            ["file"] = server.Position.File,
            ["line"] = server.Position.Line,
            ["client_max_body_size_bytes"] = NginxLocationReport.Size(scope, "client_max_body_size", NginxDefaults.ClientMaxBodySizeBytes, setAt),
            ["set_at"] = setAt,
            ["locations"] = locations,
        };
    }

    private static void Collect(IReadOnlyList<NginxDirective> block, NginxScope scope, string? parent, NginxReportContext context, Action<JsonObject> add)
    {
        foreach (var location in block.Where(d => d.Name == "location" && d.Block is not null))
        {
            var inner = scope.Enter(location.Block!);
            var report = NginxLocationReport.Build(location, inner, parent, context);
            add(report);
            Collect(location.Block!, inner, report["path"]!.GetValue<string>(), context, add);
        }
    }
}
