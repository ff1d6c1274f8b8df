using Medic.Core.Systems;
using T = Medic.Core.Systems.SettingType;

namespace Medic.Probes;

/// <summary>The component kinds a system file may name, with the settings each accepts.</summary>
public static class BuiltInKinds
{
    public static IReadOnlyList<ComponentKind> All { get; } =
    [
        new("http", "an HTTP service", [
            new("url", T.Url, Required: true, "base URL, e.g. http://127.0.0.1:3001"),
            new("health", T.String, Description: "health endpoint path, e.g. /health"),
            new("headers", T.Map, Description: "headers sent with every request (values may use ${ENV})", Secret: true),
        ]),
        new("websocket", "a WebSocket endpoint", [
            new("url", T.Url, Required: true, "ws:// or wss:// URL"),
            new("token", T.String, Description: "bearer token", Secret: true),
            new("headers", T.Map, Description: "headers sent on the upgrade", Secret: true),
            new("subprotocol", T.String, Description: "requested subprotocol"),
            new("token_query", T.String, Description: "send the token as this query parameter (e.g. token, as browser clients do) instead of an Authorization: Bearer header"),
            new("send", T.String, Description: "a text message to send once connected, to time the round trip to its reply"),
            new("expect_first_message", T.Bool, Description: "the server speaks first: wait for its first message and time it"),
            new("idle", T.Duration, Description: "hold the connection idle this long and report whether a proxy or the server drops it (give the component a timeout above it)"),
            new("tls_insecure", T.Bool, Description: "accept any TLS certificate for wss:// (self-signed test servers only)"),
        ]),
        new("tls", "a TLS endpoint whose certificate to check", [
            new("url", T.Url, Description: "https://, wss://, rediss:// … URL (host and port)"),
            new("address", T.String, Description: "host:port"),
            new("host", T.String, Description: "host name or address"),
            new("port", T.Int, Description: "port"),
            new("server_name", T.String, Description: "name to send as SNI and match the certificate against (default: the host)"),
            new("starttls", T.String, Description: "postgres: ask with PostgreSQL's SSLRequest before the handshake"),
            new("ca", T.Path, Description: "PEM file of the CA certificates to trust instead of the system's (private CAs)"),
            new("warn_days", T.Int, Description: "warn when the certificate expires within this many days (default 14)"),
        ]),
        new("tcp", "any TCP endpoint", [
            new("address", T.String, Description: "host:port"),
            new("host", T.String, Description: "host name or address"),
            new("port", T.Int, Description: "port"),
        ]),
        new("sqlite", "a SQLite database file", [
            new("path", T.Path, Required: true, "the database file"),
            new("dsn", T.String, Description: "the application's connection string, to learn its busy_timeout"),
            new("busy_timeout", T.Duration, Description: "the application's busy timeout, when known"),
            new("min_version", T.String, Description: "oldest SQLite version the application supports, e.g. 3.35.0"),
            new("peers", T.PathList, Description: "the same database on the other nodes (copies or mounts of their files, globs allowed), for sqlite.compare"),
            new("user", T.String, Description: "the user the application opens the database as, for file.stat to judge its access"),
        ]),
        new("postgres", "a PostgreSQL server", [
            new("connection", T.String, Required: true, "Npgsql connection string"),
            new("statement_timeout", T.Duration, Description: "longest a probe's statement may run (default: 80% of the probe timeout)"),
        ]),
        new("redis", "a Redis server", [
            new("url", T.Url, Required: true, "redis://[user:password@]host:port/db, or rediss:// for TLS"),
            new("user", T.String, Description: "ACL user name (overrides the URL's)"),
            new("password", T.String, Description: "password (overrides the URL's)", Secret: true),
            new("tls_insecure", T.Bool, Description: "accept any TLS certificate (self-signed test servers only)"),
        ]),
        new("nats", "a NATS server", [
            new("url", T.Url, Required: true, "nats://host:4222 (tls:// to insist on TLS; user:password@ or token@ allowed)"),
            new("monitor", T.Url, Description: "monitoring endpoint, e.g. http://127.0.0.1:8222 (nats-server -m 8222)"),
            new("user", T.String, Description: "user name"),
            new("password", T.String, Description: "password", Secret: true),
            new("token", T.String, Description: "token", Secret: true),
            new("tls_insecure", T.Bool, Description: "accept any TLS certificate (self-signed test servers only)"),
            new("jetstream", T.Bool, Description: "whether the clients need JetStream (default true; false: JetStream being off is no finding)"),
            new("pending_threshold", T.Int, Description: "JetStream consumer backlog (num_pending) above which a consumer counts as lagging (default 1000)"),
        ]),
        new("nginx", "an nginx reverse proxy", [
            new("config", T.Path, Required: true, "nginx.conf"),
            new("url", T.Url, Description: "the proxy's listening URL"),
            new("status", T.String, Description: "stub_status URL, or its path under url (e.g. /nginx_status)"),
            new("max_body_size", T.Size, Description: "largest request body clients must be able to send (e.g. 500MB); checked against client_max_body_size"),
        ]),
        new("jwt", "a JSON Web Token to inspect", [
            new("token", T.String, Required: true, "the token", Secret: true),
            new("secret", T.String, Description: "HS256 secret", Secret: true),
            new("jwks", T.String, Description: "JWKS URL or file"),
            new("issuer", T.String, Description: "expected issuer"),
            new("audience", T.String, Description: "expected audience"),
            new("algorithms", T.StringList, Description: "signing algorithms the service accepts (default HS256, RS256, ES256; none never)"),
            new("clock_skew", T.Duration, Description: "leeway the service allows on exp and nbf (default 0s)"),
            new("secret_encoding", T.String, Description: "how the secret's text becomes key bytes: utf8 (default), base64 or base64url"),
        ]),
        new("prometheus", "a Prometheus metrics endpoint", [
            new("url", T.Url, Required: true, "the /metrics URL"),
        ]),
        new("config", "a configuration file", [
            new("path", T.Path, Required: true, "the file"),
            new("format", T.String, Description: "yaml, json, toml, env or ini (default: by file name)"),
            new("require", T.StringList, Description: "keys that must be present, dotted for nesting (server.port)"),
            new("types", T.Map, Description: "expected types of keys: string, int, number, bool, list, map, datetime"),
            new("ranges", T.Map, Description: "allowed ranges of numeric keys: {server.port: {min: 1, max: 65535}}"),
            new("paths", T.PathList, Description: "the same file on the other nodes, to compare with (globs allowed)"),
            new("unique", T.StringList, Description: "keys that must differ between the files, e.g. node_id"),
            new("same", T.StringList, Description: "keys that must be equal in every file, e.g. cluster.name"),
        ]),
        new("logs", "log files", [
            new("paths", T.PathList, Required: true, "files or globs"),
            new("format", T.String, Description: "line format, when it cannot be detected"),
        ]),
        new("host", "the machine the system runs on", [
            new("ports", T.IntList, Description: "ports the service must be able to listen on"),
            new("paths", T.PathList, Description: "folders and files the service must be able to write"),
            new("user", T.String, Description: "the user the service runs as"),
            new("service", T.String, Description: "the service's process name, so its own listener is not a conflict"),
            new("unit", T.String, Description: "the service's systemd unit, when it differs from the service name"),
            new("site_packages", T.Path, Description: "the Python site-packages folder plugins are installed into (python.wheels)"),
            new("binary", T.Path, Description: "the service's executable, for file.stat to check it exists and the user may run it"),
            new("library_path", T.PathList, Description: "the service's LD_LIBRARY_PATH folders, for binary.inspect to resolve its shared libraries as the loader would"),
        ]),
    ];

    public static KindRegistry Registry() => new(All);
}
