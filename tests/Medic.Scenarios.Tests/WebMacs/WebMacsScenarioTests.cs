using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.Support;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.WebMacs;

[Collection(WebMacsCollection.Name)]
public sealed class WebMacsScenarioTests(WebMacsWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MedicRun> DiagnoseAsync(Dictionary<string, string> env) =>
        await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/webmacs/medic.yaml"), "--format", "json");

    private static ReportedFinding First(MedicRun run)
    {
        var findings = run.Findings();
        findings.ShouldNotBeEmpty(run.Stdout);
        return findings[0];
    }

    [Fact]
    public async Task The_healthy_twin_has_nothing_at_warning_or_above()
    {
        world.Backend.Faults.ClearAll();
        var run = await DiagnoseAsync(world.Env());
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
    }

    [Fact]
    [Covers("webmacs.db-pool-exhaustion/too-many-requests")]
    public async Task Connections_filling_max_connections_are_named_as_load()
    {
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < PostgresServer.MaxConnections - 3; i++)
            {
                held.Add(await OpenBackendAsync());
            }

            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.db-pool-exhaustion/too-many-requests", run.Stdout);
            first.Explanation.ShouldContain($"max_connections={PostgresServer.MaxConnections}");
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    [Covers("webmacs.db-pool-exhaustion/slow-queries")]
    public async Task Long_running_queries_holding_connections_are_named()
    {
        await using var slow = await OpenBackendAsync();
        var pid = slow.ProcessID;
        // Bounded on the server too, so nothing outlives the test even if the cancel below were lost.
        await using var command = new NpgsqlCommand("SET statement_timeout = '40s'; SELECT pg_sleep(30)", slow);
        var sleeping = command.ExecuteNonQueryAsync(CancellationToken.None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(6), Ct);
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.db-pool-exhaustion/slow-queries", run.Stdout);
            first.Explanation.ShouldContain($"PID {pid}");
            first.Explanation.ShouldContain("pg_sleep(30)");
        }
        finally
        {
            await world.Postgres.ExecuteAsync($"SELECT pg_cancel_backend({pid})", "webmacs");
            await Should.ThrowAsync<PostgresException>(sleeping);
        }
    }

    [Fact]
    [Covers("webmacs.db-pool-exhaustion/connection-leak")]
    public async Task A_session_left_idle_in_transaction_is_named_as_a_leak()
    {
        await using var leaked = await OpenBackendAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT count(*) FROM datapoints", leaked))
        {
            await begin.ExecuteNonQueryAsync(Ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(10.5), Ct);
        var run = await DiagnoseAsync(world.Env());

        var first = First(run);
        first.Cause.ShouldBe("webmacs.db-pool-exhaustion/connection-leak", run.Stdout);
        first.Explanation.ShouldContain($"PID {leaked.ProcessID}");
        first.Explanation.ShouldContain("'webmacs-backend'");
    }

    [Fact]
    [Covers("webmacs.container-wont-start/db-not-ready")]
    public async Task A_database_that_is_not_running_is_named()
    {
        var env = world.Env();
        env["WEBMACS_DB_PORT"] = PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture);
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("webmacs.container-wont-start/db-not-ready", run.Stdout);
        first.Explanation.ShouldContain("connection_refused");
    }

    [Fact]
    [Covers("webmacs.controller-cannot-reach-backend/wrong-backend-url")]
    public async Task A_backend_url_that_does_not_resolve_is_named()
    {
        var env = world.Env();
        env["WEBMACS_API_URL"] = "http://backend.invalid:8000";
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("webmacs.controller-cannot-reach-backend/wrong-backend-url", run.Stdout);
        first.Explanation.ShouldContain("http://backend.invalid:8000/api/v1/health");
    }

    [Fact]
    [Covers("webmacs.controller-cannot-reach-backend/backend-down")]
    public async Task A_backend_that_is_not_running_is_named()
    {
        var env = world.Env();
        var port = PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture);
        env["WEBMACS_API_URL"] = "http://127.0.0.1:" + port;
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("webmacs.controller-cannot-reach-backend/backend-down", run.Stdout);
        first.Explanation.ShouldContain("connection_refused");
        first.Explanation.ShouldContain(port);
    }

    [Fact]
    [Covers("webmacs.controller-cannot-reach-backend/auth-failure")]
    public async Task A_backend_rejecting_the_controller_is_named()
    {
        world.Backend.Faults.ClearAll();
        world.Backend.Faults.Set("auth");
        try
        {
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.controller-cannot-reach-backend/auth-failure", run.Stdout);
            first.Explanation.ShouldContain("401");
            first.Explanation.ShouldContain("Invalid credentials");
        }
        finally
        {
            world.Backend.Faults.ClearAll();
        }
    }

    [Fact]
    [Covers("webmacs.health-fails-after-update/update-broke-db")]
    public async Task A_schema_change_that_breaks_the_health_check_is_named()
    {
        world.Backend.Faults.ClearAll();
        await world.Postgres.ExecuteAsync("ALTER TABLE users DROP COLUMN role", "webmacs");
        try
        {
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.health-fails-after-update/update-broke-db", run.Stdout);
            first.Explanation.ShouldContain("column \"role\" does not exist");
            first.Explanation.ShouldContain(StandIn.WebMacsSurface.Version);
        }
        finally
        {
            await world.Postgres.ExecuteAsync("ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'viewer'", "webmacs");
        }
    }

    [Fact]
    [Covers("webmacs.ota-upload-413/nginx-body-limit")]
    public async Task Nginx_default_body_limit_rejecting_an_ota_bundle_is_named()
    {
        await using var proxy = await world.StartProxyAsync(clientMaxBodySize: null);
        using (var http = new HttpClient())
        {
            using var upload = await http.PostAsync(proxy.Url + "/api/v1/ota/upload", new ByteArrayContent(new byte[2_000_000]), Ct);
            upload.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }

        var run = await DiagnoseAsync(world.Env(proxy));

        var first = First(run);
        first.Cause.ShouldBe("webmacs.ota-upload-413/nginx-body-limit", run.Stdout);
        first.Explanation.ShouldContain("location /api/");
        first.Explanation.ShouldContain("client_max_body_size 1 MB");
    }

    [Fact]
    [Covers("webmacs.websocket-disconnects/nginx-proxy-timeout")]
    public async Task Nginx_cutting_a_quiet_telemetry_websocket_is_named()
    {
        await using var proxy = await world.StartProxyAsync(wsReadTimeout: "2s");
        // The real symptom first: a quiet telemetry stream through this nginx is closed at its read timeout.
        using (var socket = new ClientWebSocket())
        {
            await socket.ConnectAsync(new Uri(world.Env(proxy)["WEBMACS_WS_URL"] + "?token=controller-token"), Ct);
            var buffer = new byte[256];
            (await socket.ReceiveAsync(buffer, Ct)).MessageType.ShouldBe(WebSocketMessageType.Text);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(15));
            var ended = await Should.ThrowAsync<WebSocketException>(async () =>
            {
                while (true)
                {
                    if ((await socket.ReceiveAsync(buffer, limit.Token)).MessageType == WebSocketMessageType.Close)
                    {
                        throw new WebSocketException("closed by the peer");
                    }
                }
            });
            ended.ShouldNotBeNull();
        }

        var run = await DiagnoseAsync(world.Env(proxy));

        var first = First(run);
        first.Cause.ShouldBe("webmacs.websocket-disconnects/nginx-proxy-timeout", run.Stdout);
        first.Explanation.ShouldContain("/ws/");
        first.Explanation.ShouldContain("proxy_read_timeout 2");
    }

    [Theory]
    [InlineData("missing-entry-point", "webmacs-noentry", "py3-none-any", "", "console_scripts")]
    [InlineData("dependency-conflict", "webmacs-legacy-fft", "py3-none-any", "numpy==1.26.4", "requires numpy ==1.26.4")]
    [InlineData("wrong-python", "webmacs-old-daq", "cp311-cp311-manylinux_2_17_x86_64", "", "cp311-cp311-manylinux_2_17_x86_64")]
    [InlineData("arch-mismatch", "webmacs-pi-gpio", "cp313-cp313-manylinux_2_17_aarch64", "", "manylinux_2_17_aarch64")]
    [Covers("webmacs.plugin-fails-to-load/missing-entry-point")]
    [Covers("webmacs.plugin-fails-to-load/dependency-conflict")]
    [Covers("webmacs.plugin-fails-to-load/wrong-python")]
    [Covers("webmacs.plugin-fails-to-load/arch-mismatch")]
    public async Task A_plugin_wheel_that_cannot_load_is_named(string cause, string name, string tag, string requires, string evidence)
    {
        Assert.SkipWhen(cause == "arch-mismatch" && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64,
            "the aarch64 wheel is only foreign on an x86_64 host");
        var wheel = Medic.Probes.Tests.Python.WheelBuilder.Write(world.Plugins, name, tag: tag,
            entryPointGroup: cause == "missing-entry-point" ? null : "webmacs.plugins", requires: requires.Length == 0 ? [] : [requires]);
        try
        {
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.plugin-fails-to-load/" + cause, run.Stdout);
            first.Explanation.ShouldContain(Path.GetFileName(wheel));
            first.Explanation.ShouldContain(evidence);
        }
        finally
        {
            File.Delete(wheel);
        }
    }

    [Fact]
    [Covers("webmacs.plugin-channels-not-syncing/mappings-missing")]
    public async Task An_empty_channel_mappings_table_is_named()
    {
        await world.Postgres.ExecuteAsync("CREATE TABLE saved_mappings AS SELECT * FROM channel_mappings; DELETE FROM channel_mappings", "webmacs");
        try
        {
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("webmacs.plugin-channels-not-syncing/mappings-missing", run.Stdout);
            first.Explanation.ShouldContain("channel_mappings gives 0 (with 1 event(s) defined)");
        }
        finally
        {
            await world.Postgres.ExecuteAsync("INSERT INTO channel_mappings SELECT * FROM saved_mappings; DROP TABLE saved_mappings", "webmacs");
        }
    }

    /// <summary>
    /// Writes the README's sample (<c>medic diagnose</c> as a person reads it) for nginx's default upload limit in
    /// front of the backend; runs only with MEDIC_README_SAMPLE=path.
    /// </summary>
    [Fact]
    public async Task Readme_sample()
    {
        var target = Environment.GetEnvironmentVariable("MEDIC_README_SAMPLE");
        Assert.SkipWhen(string.IsNullOrEmpty(target), "writes the README sample only when MEDIC_README_SAMPLE names a file");
        await using var proxy = await world.StartProxyAsync(clientMaxBodySize: null);
        var run = await MedicRun.RunAsync(world.Env(proxy), "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/webmacs/medic.yaml"));
        await File.WriteAllTextAsync(target!, run.Stdout, Ct);
        run.Stdout.ShouldContain("webmacs.ota-upload-413");
    }

    private async Task<NpgsqlConnection> OpenBackendAsync()
    {
        var connection = new NpgsqlConnection(world.Database());
        await connection.OpenAsync(Ct);
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class WebMacsCollection : ICollectionFixture<WebMacsWorld>
{
    public const string Name = "webmacs";
}
