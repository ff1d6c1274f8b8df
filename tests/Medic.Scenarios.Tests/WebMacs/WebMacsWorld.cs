using System.Globalization;
using Medic.Probes.Tests.Python;
using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.StandIn;
using Npgsql;
using Xunit;

namespace Medic.Scenarios.Tests.WebMacs;

/// <summary>
/// The real components the WebMACS scenarios share: PostgreSQL (autovacuum on, as in production) with the WebMACS
/// tables, the WebMACS backend stand-in whose health check queries that database, and nginx in front of it as the
/// guide configures it (500M uploads, a long read timeout on the telemetry WebSocket).
/// </summary>
public sealed class WebMacsWorld : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new() { Autovacuum = true };

    public StandInService Backend { get; private set; } = null!;

    public NginxServer Proxy { get; private set; } = null!;

    /// <summary>The controller's plugins folder (real wheel files) and its site-packages.</summary>
    public string Plugins { get; } = Directory.CreateTempSubdirectory("medic-webmacs-plugins-").FullName;

    public string SitePackages { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await Postgres.ExecuteAsync("CREATE DATABASE webmacs", "postgres");
        await Postgres.ExecuteAsync("""
            CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, role text NOT NULL DEFAULT 'viewer');
            CREATE TABLE experiments (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE events (id serial PRIMARY KEY, experiment_id int REFERENCES experiments(id), name text NOT NULL);
            CREATE TABLE datapoints (id bigserial PRIMARY KEY, event_id int NOT NULL REFERENCES events(id), ts timestamptz NOT NULL, value double precision);
            CREATE INDEX ix_datapoints_event_ts ON datapoints (event_id, ts);
            CREATE TABLE channel_mappings (id serial PRIMARY KEY, plugin text NOT NULL, channel text NOT NULL, event_id int NOT NULL REFERENCES events(id));
            INSERT INTO users (email, role) VALUES ('admin@webmacs.local', 'admin');
            INSERT INTO experiments (name) VALUES ('baseline');
            INSERT INTO events (experiment_id, name) VALUES (1, 'temperature');
            INSERT INTO channel_mappings (plugin, channel, event_id) VALUES ('webmacs-thermocouple', 'temperature', 1);
            INSERT INTO datapoints (event_id, ts, value) SELECT 1, now() - g * interval '1 second', g FROM generate_series(1, 1000) g;
            ANALYZE;
            """, "webmacs");
        Backend = await StandInService.StartAsync(new WebMacsSurface(Database()), CancellationToken.None);
        Proxy = await StartProxyAsync();
        // One plugin that loads: pure Python, the webmacs.plugins entry point, a dependency the controller's venv satisfies.
        WheelBuilder.Write(Plugins, "webmacs-thermocouple", requiresPython: ">=3.11", requires: ["numpy>=2.0"]);
        SitePackages = WheelBuilder.SitePackages(Directory.CreateTempSubdirectory("medic-webmacs-venv-").FullName, "numpy==2.1.0", "httpx==0.28.1");
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Backend.DisposeAsync();
        await Postgres.DisposeAsync();
        Directory.Delete(Plugins, recursive: true);
        Directory.Delete(Path.GetDirectoryName(SitePackages)!, recursive: true);
    }

    /// <summary>The backend's own connection string (the stand-in's health check uses it).</summary>
    public string Database() => new NpgsqlConnectionStringBuilder(Postgres.ConnectionString("webmacs")) { ApplicationName = "webmacs-backend" }.ConnectionString;

    /// <summary>
    /// nginx in front of the backend with the given upload limit and WebSocket read timeout (the guide's values by
    /// default); <c>null</c> for the upload limit leaves nginx's default of 1m.
    /// </summary>
    public Task<NginxServer> StartProxyAsync(string? clientMaxBodySize = "500M", string wsReadTimeout = "3600s", string apiReadTimeout = "60s") =>
        NginxServer.StartAsync($$$"""
            server {
                listen 127.0.0.1:{{port}};
                {{{(clientMaxBodySize is null ? "" : $"client_max_body_size {clientMaxBodySize};")}}}
                location /api/ {
                    proxy_pass http://127.0.0.1:{{{Backend.Port.ToString(CultureInfo.InvariantCulture)}}};
                    proxy_read_timeout {{{apiReadTimeout}}};
                }
                location /ws/ {
                    proxy_pass http://127.0.0.1:{{{Backend.Port.ToString(CultureInfo.InvariantCulture)}}};
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout {{{wsReadTimeout}}};
                }
            }
            """);

    /// <summary>The environment pointing examples/webmacs/medic.yaml at these components, through the given nginx.</summary>
    public Dictionary<string, string> Env(NginxServer? proxy = null)
    {
        proxy ??= Proxy;
        return new()
        {
            ["WEBMACS_API_URL"] = proxy.Url,
            ["WEBMACS_WS_URL"] = proxy.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws/controller/telemetry",
            ["WEBMACS_TOKEN"] = "controller-token",
            ["WEBMACS_NGINX_CONF"] = proxy.ConfigPath,
            ["WEBMACS_DB_PORT"] = Postgres.Port.ToString(CultureInfo.InvariantCulture),
            ["WEBMACS_DB_NAME"] = "webmacs",
            ["WEBMACS_DB_USER"] = "postgres",
            ["WEBMACS_PLUGINS_DIR"] = Plugins,
            ["WEBMACS_SITE_PACKAGES"] = SitePackages,
        };
    }
}
