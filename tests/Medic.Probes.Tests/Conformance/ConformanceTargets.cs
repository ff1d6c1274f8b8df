using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Systems;
using Medic.Probes.Tests.Host;
using Medic.Probes.Tests.Jwt;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Conformance;

/// <summary>One row per registered probe: how to aim it at an absent target and, for network probes, at a silent one.</summary>
internal static class ConformanceTargets
{
    private static readonly Lazy<RSA> JwtKey = new(() => RSA.Create(2048));

    public static IReadOnlyDictionary<string, ConformanceTarget> Table { get; } = new Dictionary<string, ConformanceTarget>
    {
        ["sqlite.pragma"] = Sqlite(),
        ["sqlite.schema"] = Sqlite(),
        ["sqlite.locks"] = Sqlite(),
        ["sqlite.compare"] = Sqlite(),
        ["port.owner"] = new(p => Host(new() { ["ports"] = new JsonArray(p.Port) }), Expect.Observes),
        ["file.stat"] = new(p => Host(new() { ["paths"] = new JsonArray(p.PathOf("absent/none")) }), Expect.Observes),
        ["binary.inspect"] = new(p => Host(new() { ["binary"] = p.PathOf("absent/harmonylite") }), Expect.NotFound),
        ["disk.usage"] = new(p => Host(new() { ["paths"] = new JsonArray(p.PathOf("absent/none")) }), Expect.Observes),
        ["host.memory"] = new(_ => Host([]), Expect.Observes),
        ["process.list"] = new(_ => Host(new() { ["service"] = PythonChild.UniqueName("medic-absent-") }), Expect.Observes),
        ["python.wheels"] = new(p => Host(new() { ["paths"] = new JsonArray(p.PathOf("absent/plugins")) }), Expect.Observes),
        ["file.holders"] = new(p => Host(new() { ["paths"] = new JsonArray(p.PathOf("absent/none")) }), Expect.Observes),
        ["systemd.unit"] = new(_ => Host(new() { ["service"] = PythonChild.UniqueName("medic-absent-") }), Expect.Observes),
        ["config.parse"] = new(p => Component("config", new JsonObject { ["path"] = p.PathOf("absent/app.yaml") }), Expect.NotFound),
        ["config.compare"] = new(
            p => Component("config", new JsonObject { ["path"] = p.PathOf("absent/node.toml"), ["unique"] = new JsonArray("node_id") }), Expect.Observes),
        ["nginx.config"] = new(p => Component("nginx", new JsonObject { ["config"] = p.PathOf("absent/nginx.conf") }), Expect.NotFound),
        ["logs.scan"] = new(p => Component("logs", new JsonObject { ["paths"] = new JsonArray(p.PathOf("absent/app.log")) }), Expect.NotFound),

        ["http.get"] = Network(p => HttpComponent($"http://127.0.0.1:{p.Port}", health: "/health"), new() { ["path"] = "/health" }),
        // A listener that accepts is an answer for TCP; a full accept queue drops the SYN, so the connect itself hangs.
        ["tcp.connect"] = Network(p => TcpComponent($"127.0.0.1:{p.Port}")) with { Blackholed = true },
        ["tls.inspect"] = Network(p => Component("tls", new JsonObject { ["address"] = $"127.0.0.1:{p.Port}", ["server_name"] = "localhost" })),
        ["websocket.connect"] = Network(p =>
            Component("websocket", new JsonObject { ["url"] = $"ws://127.0.0.1:{p.Port}/ws", ["token"] = "t0ken", ["idle"] = 60_000 })),
        ["prometheus.scrape"] = Network(p => Component("prometheus", new JsonObject { ["url"] = $"http://127.0.0.1:{p.Port}/metrics" })),
        ["nginx.status"] = Network(p => Component("nginx",
            new JsonObject { ["config"] = "/etc/nginx/nginx.conf", ["url"] = $"http://127.0.0.1:{p.Port}", ["status"] = "/nginx_status" })),

        // Per-backend reachability is the probe's data: an unreachable backend is a finding, not a failed probe.
        ["nginx.upstreams"] = new(
            Upstreams, Expect.Records(ErrorKinds.ConnectionRefused, FirstBackendError),
            Upstreams, Expect.Records(ErrorKinds.Timeout, FirstBackendError), Blackholed: true),

        // A JWKS that cannot be fetched is AUTH009 in the data: the token was still inspected.
        ["jwt.inspect"] = new(
            Jwt, Expect.Records(ErrorKinds.ConnectionRefused, d => d["jwks"]?["error"]?["kind"]),
            Jwt, Expect.Records(ErrorKinds.Timeout, d => d["jwks"]?["error"]?["kind"])),

        ["redis.ping"] = Redis(),
        ["redis.info"] = Redis(),
        ["redis.config"] = Redis(),
        ["redis.slowlog"] = Redis(),
        ["redis.clients"] = Redis(),
        ["redis.latency"] = Redis(),

        ["postgres.connect"] = Postgres(),
        ["postgres.activity"] = Postgres(),
        ["postgres.tables"] = Postgres(),
        ["postgres.indexes"] = Postgres(),
        ["postgres.size"] = Postgres(),
        ["postgres.statements"] = Postgres(),
        ["postgres.query"] = Postgres(new() { ["sql"] = "SELECT 1" }),

        ["nats.connect"] = Network(p => Component("nats",
            new JsonObject { ["url"] = $"nats://127.0.0.1:{p.Port}", ["user"] = "medic", ["password"] = "conformance-pw" })),
        ["nats.varz"] = NatsMonitor(),
        ["nats.connz"] = NatsMonitor(),
        ["nats.jsz"] = NatsMonitor(),
        ["nats.healthz"] = NatsMonitor(),
        ["nats.routez"] = NatsMonitor(),

        // A configured URL that does not answer is a finding about the configuration, recorded per URL.
        ["nats.urls"] = new(
            NatsUrls, Expect.Records(ErrorKinds.ConnectionRefused, d => d["urls"]?[0]?["error"]?["kind"]),
            NatsUrls, Expect.Records(ErrorKinds.Timeout, d => d["urls"]?[0]?["error"]?["kind"])),
    };

    private static ConformanceTarget Network(Func<TargetPlace, Component> at, JsonObject? args = null) =>
        new(at, Expect.Refused, at, Expect.Timeout, args);

    private static ConformanceTarget Sqlite() =>
        new(p => Component("sqlite", new JsonObject { ["path"] = p.PathOf("absent/none.db") }), Expect.NotFound);

    private static Component Host(JsonObject settings) => Component("host", settings);

    private static ConformanceTarget Redis() => Network(p => Component("redis", new JsonObject { ["url"] = $"redis://127.0.0.1:{p.Port}" }));

    private static ConformanceTarget Postgres(JsonObject? args = null) => Network(
        p => Component("postgres", new JsonObject { ["connection"] = $"Host=127.0.0.1;Port={p.Port};Username=app;Database=app" }), args);

    private static ConformanceTarget NatsMonitor() => Network(p => Component("nats",
        new JsonObject { ["url"] = $"nats://127.0.0.1:{p.Port}", ["monitor"] = $"http://127.0.0.1:{p.Port}" }));

    private static Component Upstreams(TargetPlace place)
    {
        var config = place.PathOf("nginx.conf");
        File.WriteAllText(config, $"events {{}}\nhttp {{\nserver {{ listen 8080; location / {{ proxy_pass http://127.0.0.1:{place.Port}; }} }}\n}}\n");
        return Component("nginx", new JsonObject { ["config"] = config });
    }

    private static Component NatsUrls(TargetPlace place)
    {
        var config = place.PathOf("harmonylite.toml");
        File.WriteAllText(config, $"[nats]\nurls = [\"nats://127.0.0.1:{place.Port}\"]\n");
        return Component("config", new JsonObject { ["path"] = config });
    }

    private static JsonNode? FirstBackendError(JsonNode data) => data["backends"]?[0]?["servers"]?[0]?["error"]?["kind"];

    private static Component Jwt(TargetPlace place) => Component("jwt", new JsonObject
    {
        ["token"] = TestTokens.Rs256(JwtKey.Value, "rsa-1", TestTokens.Claims(DateTimeOffset.UtcNow)),
        ["jwks"] = $"http://127.0.0.1:{place.Port}/jwks",
    });
}
