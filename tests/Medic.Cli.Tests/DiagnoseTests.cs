using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class DiagnoseTests
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Json_report_follows_the_contract()
    {
        using var folder = new TempFolder();
        var port = ClosedPort();
        var file = folder.Write("medic.yaml", $"system: shop\ncomponents:\n  api: {{ kind: http, url: 'http://127.0.0.1:{port}' }}\n");

        var run = await CliRun.RunAsync("diagnose", "-f", file, "--format", "json");

        run.ExitCode.ShouldBe(1, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!.AsObject();
        report.Select(p => p.Key).ShouldBe(["schema", "system", "started", "duration_ms", "summary", "findings", "observations"]);
        ((string)report["schema"]!).ShouldBe("medic.report/v1");
        ((string)report["system"]!).ShouldBe("shop");
        report["summary"]!.AsObject().Select(p => p.Key).ShouldBe(["critical", "error", "warning", "info", "probes", "probe_errors"], ignoreOrder: true);
        ((int)report["summary"]!["critical"]!).ShouldBe(1);

        var finding = report["findings"]!.AsArray().Single()!.AsObject();
        ((string)finding["runbook"]!).ShouldBe("http.unhealthy");
        ((string)finding["cause"]!).ShouldBe("unreachable");
        ((string)finding["severity"]!).ShouldBe("critical");
        ((string)finding["component"]!).ShouldBe("api");
        finding["explanation"]!.ToString().ShouldContain("connection_refused");
        foreach (var key in new[] { "title", "evidence", "fix", "refs" })
        {
            finding.ContainsKey(key).ShouldBeTrue(key);
        }

        finding["evidence"]!.AsArray().ShouldContain(e => (string)e!["path"]! == "health.error.kind" && (string)e["value"]! == "connection_refused");
        var observation = report["observations"]!.AsArray().Single()!.AsObject();
        observation.Select(p => p.Key).ShouldBe(["probe", "component", "args", "started", "duration_ms", "status", "data", "error"], ignoreOrder: true);
        ((string)observation["status"]!).ShouldBe("error");
        ((string)observation["error"]!["kind"]!).ShouldBe("connection_refused");
    }

    [Fact]
    public async Task A_listener_that_never_answers_ends_at_the_probe_timeout_within_the_deadline()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        }, TestContext.Current.CancellationToken);
        using var folder = new TempFolder();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var file = folder.Write("medic.yaml", $"system: shop\ncomponents:\n  api: {{ kind: http, url: 'http://127.0.0.1:{port}' }}\n");
        var clock = Stopwatch.StartNew();

        var run = await CliRun.RunAsync("diagnose", "-f", file, "--format", "json", "--probe-timeout", "1s", "--timeout", "3s");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3 + 10));
        run.ExitCode.ShouldBe(1, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!;
        var observation = report["observations"]!.AsArray().Single()!;
        ((string)observation["status"]!).ShouldBe("timeout");
        ((string)report["findings"]!.AsArray().Single()!["cause"]!).ShouldBe("unreachable");
    }

    [Fact]
    public async Task Secrets_from_the_environment_never_reach_any_report_format()
    {
        const string secret = "s3cr3t-t0ken-value-42";
        using var folder = new TempFolder();
        var port = ClosedPort();
        var file = folder.Write("medic.yaml", $$"""
            system: shop
            components:
              api:
                kind: http
                url: http://127.0.0.1:{{port}}
                health: "/health?key=${MEDIC_TEST_API_KEY}"
                headers:
                  Authorization: "Bearer ${MEDIC_TEST_API_KEY}"
            """);
        var env = new Dictionary<string, string> { ["MEDIC_TEST_API_KEY"] = secret };

        foreach (var format in new[] { "console", "json", "markdown" })
        {
            var run = await CliRun.RunAsync(env, "diagnose", "-f", file, "--format", format, "-v");

            run.ExitCode.ShouldBe(1, run.Stderr);
            run.Stdout.ShouldNotContain(secret);
            run.Stderr.ShouldNotContain(secret);
            run.Stdout.ShouldContain("***");
        }
    }

    [Fact]
    public async Task Markdown_report_has_a_heading_and_the_finding()
    {
        using var folder = new TempFolder();
        var file = folder.Write("medic.yaml", $"system: shop\ncomponents:\n  api: {{ kind: http, url: 'http://127.0.0.1:{ClosedPort()}' }}\n");

        var run = await CliRun.RunAsync("diagnose", "-f", file, "--format", "markdown");

        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldStartWith("# ");
        run.Stdout.ShouldContain("The service does not answer");
    }

    [Fact]
    public async Task A_healthy_system_exits_0()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "app.yaml"), "server:\n  port: 3001\n");
        var file = folder.Write("medic.yaml", "system: shop\ncomponents:\n  cfg: { kind: config, path: app.yaml, require: [server.port] }\n");

        var run = await CliRun.RunAsync("diagnose", "-f", file);

        run.ExitCode.ShouldBe(0, run.Stderr + run.Stdout);
    }
}
