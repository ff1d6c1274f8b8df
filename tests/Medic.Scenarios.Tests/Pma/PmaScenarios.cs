using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Pma;

/// <summary>
/// PMA Backend Go (seed guide 000) on real parts: a real SQLite file held by a real sqlite3 process, real listeners
/// on the service's port, real HS256 tokens, and the stand-in playing PMA's HTTP surface.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PmaScenarios : IAsyncLifetime
{
    private readonly PmaWorld _pma = new();

    public ValueTask InitializeAsync() => _pma.InitializeAsync();

    public ValueTask DisposeAsync() => _pma.DisposeAsync();

    [Fact]
    public async Task Healthy_twin_reports_nothing_at_warning_or_above()
    {
        var run = await DiagnoseAsync(Env(await WalDatabaseAsync()));

        run.ExitCode.ShouldBeInRange(0, 1, run.Stderr);
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
        _pma.Api.Requests.ShouldAllBe(r => r.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    [Covers("pma.database-locked/long-running-transaction")]
    public async Task A_transaction_held_open_by_another_process_locks_the_database()
    {
        var db = await WalDatabaseAsync();
        using var holder = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO entities VALUES ('light.kitchen');");

        var run = await DiagnoseAsync(Env(db));

        run.Causes()[0].ShouldBe("pma.database-locked/long-running-transaction", run.Stdout);
        run.FirstExplanation().ShouldContain($"PID {holder.Pid.ToString(CultureInfo.InvariantCulture)}");
    }

    [Fact]
    [Covers("pma.database-locked/wal-not-enabled")]
    public async Task A_database_in_rollback_journal_mode_is_named()
    {
        var db = _pma.Folder.File("pma-delete.db");
        await SqliteCli.RunAsync(db, "PRAGMA journal_mode=DELETE; CREATE TABLE entities(id TEXT);");
        Shell.Run("chown", "nobody", db).ShouldBeTrue();

        var run = await DiagnoseAsync(Env(db));

        run.Causes()[0].ShouldBe("pma.database-locked/wal-not-enabled", run.Stdout);
        run.FirstExplanation().ShouldContain("journal_mode=delete");
    }

    [Fact]
    [Covers("pma.database-locked/busy-timeout-low")]
    public async Task A_busy_timeout_of_100_ms_is_too_low()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_BUSY_TIMEOUT"] = "100ms";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.database-locked/busy-timeout-low", run.Stdout);
        run.FirstExplanation().ShouldContain("100 ms");
    }

    [Fact]
    [Covers("pma.database-connection-failed/wrong-path")]
    public async Task A_database_path_that_does_not_exist_is_error_1001()
    {
        var missing = _pma.Folder.File("no-such-dir/pma.db");

        var run = await DiagnoseAsync(Env(missing));

        run.Causes()[0].ShouldBe("pma.database-connection-failed/wrong-path", run.Stdout);
        run.FirstExplanation().ShouldContain("no-such-dir");
        File.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    [Covers("pma.database-connection-failed/permissions")]
    public async Task A_data_folder_the_service_user_cannot_enter_is_error_1001()
    {
        // medic runs as root here, which mode bits do not stop: the access is judged for the service user (nobody).
        var data = await DataFolderAsync(owner: "root");
        File.SetUnixFileMode(data, 0);
        var env = Env(Path.Combine(data, "pma.db"));
        env["PMA_DATA_DIR"] = data;

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.database-connection-failed/permissions", run.Stdout);
        run.FirstExplanation().ShouldContain($"nobody (uid 65534), the user PMA runs as, may not open {data}/pma.db");
        run.FirstExplanation().ShouldContain($"the folder {data} (owner root:root, mode 0000) does not let it through");
        run.Findings()[0].Related.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_data_folder_the_service_user_owns_is_healthy()
    {
        var data = await DataFolderAsync(owner: "nobody");
        File.SetUnixFileMode(data, (UnixFileMode)0b111_000_000);
        var env = Env(Path.Combine(data, "pma.db"));
        env["PMA_DATA_DIR"] = data;

        var run = await DiagnoseAsync(env);

        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
    }

    [Fact]
    [Covers("pma.service-fails-to-start/port-conflict")]
    public async Task Another_process_on_the_service_port_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        var port = int.Parse(env["PMA_PORT"], CultureInfo.InvariantCulture);
        using var squatter = ChildProcess.Start("python3", "-c",
            $"import socket,sys,time\ns=socket.socket(); s.bind(('127.0.0.1',{port})); s.listen(); print('ready', flush=True); sys.stdin.read()");
        await squatter.WaitForLineAsync("ready");

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.service-fails-to-start/port-conflict", run.Stdout);
        run.FirstExplanation().ShouldContain($"port {port} is held by python3 (PID {squatter.Pid})");
    }

    [Fact]
    [Covers("pma.api-401-unauthorized/expired")]
    public async Task An_expired_token_is_named_with_its_expiry()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_TOKEN"] = Jwt.Hs256(PmaWorld.Secret, DateTimeOffset.UtcNow.AddHours(-2));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.api-401-unauthorized/expired", run.Stdout);
        run.FirstExplanation().ShouldContain("minutes ago");
    }

    [Fact]
    [Covers("pma.api-401-unauthorized/missing-or-bad-header")]
    public async Task A_value_that_is_not_a_jwt_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_TOKEN"] = "Bearer";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.api-401-unauthorized/missing-or-bad-header", run.Stdout);
        run.FirstExplanation().ShouldContain("header is missing or does not carry a JWT");
    }

    [Fact]
    [Covers("pma.api-401-unauthorized/wrong-secret")]
    public async Task A_token_signed_with_another_secret_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_TOKEN"] = Jwt.Hs256("another-instance-secret", DateTimeOffset.UtcNow.AddHours(1));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.api-401-unauthorized/wrong-secret", run.Stdout);
        run.FirstExplanation().ShouldContain("HS256 signature");
    }

    [Fact]
    [Covers("pma.cannot-connect-api/service-not-running")]
    public async Task Nothing_listening_on_the_api_address_means_the_service_is_not_running()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_API_URL"] = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.cannot-connect-api/service-not-running", run.Stdout);
        run.FirstExplanation().ShouldContain("was refused");
    }

    [Fact]
    [Covers("pma.cannot-connect-api/firewall")]
    public async Task An_api_port_that_drops_connection_attempts_is_a_firewall()
    {
        // A real listener whose accept queue is full: the kernel drops every further SYN, as an iptables DROP rule does
        // (iptables is not installed here), so the TCP handshake itself times out instead of being refused.
        using var dropped = await SilentListener.BlackholedAsync(TestContext.Current.CancellationToken);
        var env = Env(await WalDatabaseAsync());
        env["PMA_API_URL"] = $"http://127.0.0.1:{dropped.Port}";
        env["PMA_API_TIMEOUT"] = "1s"; // whether the probe's deadline or the engine's ends the connect, the address stays

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.cannot-connect-api/firewall", run.Stdout);
        run.FirstExplanation().ShouldContain($"A TCP connection to 127.0.0.1:{dropped.Port} got no answer: no answer from 127.0.0.1:{dropped.Port} within");
        run.FirstExplanation().ShouldNotContain("null");
        run.Findings()[0].Related.ShouldBe(["http.unhealthy/unreachable"]);
    }

    [Fact]
    public async Task An_api_that_accepts_the_connection_but_never_answers_is_not_blamed_on_a_firewall()
    {
        // The handshake completes (the kernel accepts into the backlog) and the request then times out: a hung service.
        using var silent = SilentListener.Accepting();
        var env = Env(await WalDatabaseAsync());
        env["PMA_API_URL"] = $"http://127.0.0.1:{silent.Port}";
        env["PMA_API_TIMEOUT"] = "1s";

        var run = await DiagnoseAsync(env);

        run.Causes().ShouldNotContain("pma.cannot-connect-api/firewall", run.Stdout);
        run.Causes().ShouldNotContain("pma.cannot-connect-api/network", run.Stdout);
        run.Causes()[0].ShouldBe("http.unhealthy/unreachable", run.Stdout);
    }

    [Fact]
    [Covers("pma.cannot-connect-api/network")]
    public async Task An_api_address_without_a_route_is_a_network_problem()
    {
        // medic runs in a fresh network namespace (unshare --net): its only interface is a loopback that is down, so
        // 127.0.0.1 has no route there, while the stand-in keeps serving the same URL in the test's namespace.
        Assert.SkipUnless(MedicProcess.CanUnshareNetwork, "needs root and unshare to make a network namespace");
        var env = Env(await WalDatabaseAsync());
        var port = new Uri(_pma.Api.Url).Port;

        var run = await MedicProcess.RunWithoutNetworkAsync(env, DiagnoseArgs);

        run.Causes()[0].ShouldBe("pma.cannot-connect-api/network", run.Stdout + run.Stderr);
        run.FirstExplanation().ShouldContain($"Connecting to 127.0.0.1:{port} failed at once: Network is unreachable");
        run.Findings()[0].Related.ShouldBe(["http.unhealthy/unreachable"]);
    }

    [Fact]
    public async Task The_same_run_as_a_child_process_outside_the_namespace_is_healthy()
    {
        var run = await MedicProcess.RunAsync(Env(await WalDatabaseAsync()), DiagnoseArgs);

        run.ExitCode.ShouldBeInRange(0, 1, run.Stderr);
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
    }

    [Fact]
    [Covers("pma.cannot-connect-api/reverse-proxy")]
    public async Task A_502_from_the_proxy_in_front_is_named()
    {
        _pma.Api.Faults.Set("proxy-502");

        var run = await DiagnoseAsync(Env(await WalDatabaseAsync()));

        run.Causes()[0].ShouldBe("pma.cannot-connect-api/reverse-proxy", run.Stdout);
        run.FirstExplanation().ShouldContain("HTTP 502");
    }

    [Fact]
    [Covers("pma.service-fails-to-start/config-syntax")]
    public async Task A_yaml_syntax_error_in_the_config_is_quoted_with_its_line()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_CONFIG"] = await ConfigAsync(PmaWorld.Config.Replace("port: 3001", "port: \"3001", StringComparison.Ordinal));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.service-fails-to-start/config-syntax", run.Stdout);
        run.FirstExplanation().ShouldContain("does not parse at line");
        run.Findings()[0].Related.ShouldContain("config.invalid-syntax/syntax-error");
    }

    [Fact]
    [Covers("pma.service-fails-to-start/missing-required-value")]
    public async Task A_config_without_jwt_secret_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_CONFIG"] = await ConfigAsync(PmaWorld.Config.Replace("jwt_secret: from-env\n", "", StringComparison.Ordinal));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.service-fails-to-start/missing-required-value", run.Stdout);
        run.FirstExplanation().ShouldContain("leaves required values unset (jwt_secret missing); pma-server refuses to start");
        run.Findings()[0].Related.ShouldBe(["config.missing-required-key/missing-key"]);
    }

    [Fact]
    [Covers("pma.service-fails-to-start/permissions")]
    public async Task A_logs_folder_the_pma_user_cannot_write_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        var logs = _pma.Folder.File($"logs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(logs);
        File.SetUnixFileMode(logs, (UnixFileMode)0b111_000_000);
        env["PMA_LOGS_DIR"] = logs;

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.service-fails-to-start/permissions", run.Stdout);
        run.FirstExplanation().ShouldContain($"{logs} (owner root, mode 0700) is not writable by nobody");
        run.Findings()[0].Related.ShouldBe(["host.path-not-writable/not-writable"]);
    }

    [Fact]
    [Covers("pma.ha-entities-not-syncing/bad-token")]
    public async Task A_home_assistant_token_that_is_rejected_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_HA_TOKEN"] = "revoked-token";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.ha-entities-not-syncing/bad-token", run.Stdout);
        run.FirstExplanation().ShouldContain("answered HTTP 401");
        run.Stdout.ShouldNotContain("revoked-token");
    }

    [Fact]
    [Covers("pma.ha-entities-not-syncing/wrong-url")]
    public async Task A_home_assistant_url_where_nothing_listens_is_named()
    {
        var env = Env(await WalDatabaseAsync());
        env["PMA_HA_URL"] = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.ha-entities-not-syncing/wrong-url", run.Stdout);
        run.FirstExplanation().ShouldContain("connection_refused");
        run.Findings()[0].Related.ShouldBe(["http.unhealthy/unreachable"]);
    }

    [Fact]
    [Covers("pma.ha-entities-not-syncing/network")]
    public async Task A_home_assistant_host_that_never_answers_is_a_network_problem()
    {
        // A real listener that accepts connections into its backlog and never answers: the request times out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var env = Env(await WalDatabaseAsync());
        env["PMA_HA_URL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        env["PMA_HA_TIMEOUT"] = "1s";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("pma.ha-entities-not-syncing/network", run.Stdout);
        run.FirstExplanation().ShouldContain("got no answer (timeout");
    }

    private async Task<string> ConfigAsync(string text)
    {
        var path = _pma.Folder.File($"config-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    private static readonly string[] DiagnoseArgs =
        ["diagnose", "-f", Path.Combine(MedicRun.Root, "examples", "pma", "medic.yaml"), "--format", "json"];

    private static Task<MedicRun> DiagnoseAsync(Dictionary<string, string> env) => MedicRun.RunAsync(env, DiagnoseArgs);

    private Task<string> WalDatabaseAsync() => _pma.WalDatabaseAsync();

    /// <summary>A data folder of its own holding pma.db (owned by nobody), the folder owned by <paramref name="owner"/>.</summary>
    private async Task<string> DataFolderAsync(string owner)
    {
        var data = _pma.Folder.File($"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        await _pma.WalDatabaseAsync(Path.Combine(data, "pma.db"));
        Shell.Run("chown", owner, data).ShouldBeTrue();
        return data;
    }

    private Dictionary<string, string> Env(string db) => _pma.Env(db);
}
