using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Os;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class ProcessListProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_open_files_against_the_process_fd_limit()
    {
        var name = PythonChild.UniqueName("medic-fds-");
        using var child = await PythonChild.StartAsync(
            "resource.setrlimit(resource.RLIMIT_NOFILE, (400, 400))\nfiles = [open('/dev/null') for _ in range(300)]\n" + PythonChild.Rename(name));

        var data = (await RunAsync(new JsonObject { ["name"] = name })).OkData();

        data["running"]!.GetValue<bool>().ShouldBeTrue();
        data["count"]!.GetValue<int>().ShouldBe(1);
        var p = data["processes"]![0]!;
        p["pid"]!.GetValue<int>().ShouldBe(child.Pid);
        p["name"]!.GetValue<string>().ShouldBe(name);
        p["open_files"]!.GetValue<int>().ShouldBeInRange(300, 320); // stdin/out/err and python's own
        p["fd_limit"]!.GetValue<long>().ShouldBe(400);
        p["fd_limit_hard"]!.GetValue<long>().ShouldBe(400);
        p["fd_used_ratio"]!.GetValue<double>().ShouldBe(p["open_files"]!.GetValue<int>() / 400.0, tolerance: 0.0001);
        data["max_fd_used_ratio"]!.GetValue<double>().ShouldBe(p["fd_used_ratio"]!.GetValue<double>());
    }

    [Fact]
    public async Task Describes_a_process_found_by_pid()
    {
        using var child = await PythonChild.StartAsync("x = bytearray(20_000_000)\nimport threading\nthreading.Thread(target=time.sleep, args=(60,), daemon=True).start()");

        var data = (await RunAsync(new JsonObject { ["pid"] = child.Pid })).OkData();

        var p = data["processes"]!.AsArray().ShouldHaveSingleItem()!;
        p["ppid"]!.GetValue<int>().ShouldBe(Environment.ProcessId);
        p["user"]!.GetValue<string>().ShouldBe(UserDatabase.Load().UserName(ProcFs.SelfCredentials()!.Value.Uid));
        p["state_name"]!.GetValue<string>().ShouldBeOneOf("sleeping", "running");
        p["rss_bytes"]!.GetValue<long>().ShouldBeGreaterThan(20_000_000);
        p["threads"]!.GetValue<int>().ShouldBe(2);
        var started = DateTimeOffset.Parse(p["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        started.ShouldBe(DateTimeOffset.UtcNow, tolerance: TimeSpan.FromMinutes(2)); // btime has whole seconds
        p["uptime_ms"]!.GetValue<long>().ShouldBeInRange(0, 120_000);
        data["newest_started_at"]!.GetValue<string>().ShouldBe(p["started_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Masks_secrets_in_the_command_line()
    {
        using var child = await PythonChild.StartAsync("", "--password=hunter2", "--token", "tok-123", "--port", "8080", "redis://app:s3cret@127.0.0.1:6379");

        var data = (await RunAsync(new JsonObject { ["pid"] = child.Pid })).OkData();

        var cmdline = data["processes"]![0]!["cmdline"]!.GetValue<string>();
        cmdline.ShouldContain("--password=*** --token *** --port 8080 redis://app:***@127.0.0.1:6379");
        data.ToJsonString().ShouldNotContain("hunter2");
        data.ToJsonString().ShouldNotContain("tok-123");
        data.ToJsonString().ShouldNotContain("s3cret");
    }

    [Fact]
    public async Task Uses_the_component_service_as_the_name()
    {
        var name = PythonChild.UniqueName("medic-svc-");
        using var child = await PythonChild.StartAsync(PythonChild.Rename(name));

        var result = await new ProcessListProbe().RunAsync(ProbeHarness.Context("host", new JsonObject { ["service"] = name }), Ct);

        result.OkData()["processes"]!.AsArray().Select(p => p!["pid"]!.GetValue<int>()).ShouldBe([child.Pid]);
    }

    [Fact]
    public async Task A_name_no_process_has_is_not_running()
    {
        var data = (await RunAsync(new JsonObject { ["name"] = PythonChild.UniqueName("medic-none-") })).OkData();

        data["running"]!.GetValue<bool>().ShouldBeFalse();
        data["count"]!.GetValue<int>().ShouldBe(0);
        data["oldest_started_at"].ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_name_or_service_there_is_nothing_to_look_for()
    {
        var data = (await RunAsync([])).OkData();

        data["running"].ShouldBeNull();
        data["reason"]!.GetValue<string>().ShouldContain("no process to look for");
    }

    [Fact]
    public async Task A_bad_pid_is_an_invalid_argument()
    {
        (await RunAsync(new JsonObject { ["pid"] = "abc" })).Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task Says_whether_systemd_can_report_restarts_on_this_machine()
    {
        var data = (await RunAsync(new JsonObject { ["name"] = "medic-nothing" })).OkData();

        var booted = Directory.Exists("/run/systemd/system") && CommandRunnerFinds("systemctl");
        data["systemd"]!["available"]!.GetValue<bool>().ShouldBe(booted);
        if (!booted)
        {
            data["systemd"]!["reason"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            data["restarts"].ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("redis-server", "redis-server", "/usr/bin/redis-server 127.0.0.1:6379", true)]
    [InlineData("harmonylite-nod", "harmonylite-node", "/opt/bin/harmonylite-node -config x", true)]
    [InlineData("python3", "pma-server", "/usr/bin/python3 /opt/pma-server", false)]
    [InlineData("MainThread", "pma-server", "/opt/pma/bin/pma-server -config c.yaml", true)]
    [InlineData("nginx", "ngin", "nginx: master process nginx", false)]
    public void Matches_the_kernel_name_or_the_program_file_name(string comm, string name, string cmdline, bool expected)
    {
        var info = new ProcessInfo(1, 0, comm, 'S', 0, 0, 0, 1, 0, 0, cmdline.Split(' '));

        ProcessListProbe.Matches(info, name).ShouldBe(expected);
    }

    private static bool CommandRunnerFinds(string name) => CommandRunner.Find(name) is not null;

    private static Task<ProbeResult> RunAsync(JsonObject args) =>
        new ProcessListProbe().RunAsync(ProbeHarness.Context("host", [], args), Ct);
}
