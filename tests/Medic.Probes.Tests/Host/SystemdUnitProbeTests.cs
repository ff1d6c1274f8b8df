using System.Diagnostics;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Os;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SystemdUnitProbeTests : IDisposable
{
    private const string Show = """
        Id=harmonylite.service
        Description=HarmonyLite replication
        LoadState=loaded
        ActiveState=failed
        SubState=failed
        Result=exit-code
        NRestarts=5
        ExecMainStatus=1
        ExecMainCode=1
        MainPID=0
        ActiveEnterTimestamp=Tue 2024-05-07 10:00:00 UTC
        StateChangeTimestamp=Tue 2024-05-07 10:05:00 UTC
        UnitFileState=enabled
        FragmentPath=/etc/systemd/system/harmonylite.service
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Says_what_this_machine_has_systemd_or_not()
    {
        var systemd = Systemd.Detect();

        var data = (await RunAsync(new SystemdUnitProbe(), "redis-server")).OkData();

        if (systemd.Unavailable is null)
        {
            data["available"]!.GetValue<bool>().ShouldBeTrue();
            return;
        }

        data["available"]!.GetValue<bool>().ShouldBeFalse();
        data["unit"]!.GetValue<string>().ShouldBe("redis-server");
        data["reason"]!.GetValue<string>().ShouldBe(systemd.Unavailable);
        if (!Directory.Exists("/run/systemd/system") && systemd.Systemctl is not null)
        {
            data["reason"]!.GetValue<string>().ShouldContain($"PID 1 is {ProcFs.ProcessName(1)}");
        }
    }

    [Fact]
    public async Task Reads_the_unit_state_and_its_journal_with_secrets_masked()
    {
        var probe = Probe(
            systemctl: $"cat <<'EOF'\n{Show}\nEOF",
            journalctl: "echo \"$@\" > \"$(dirname \"$0\")/journal-args\"\n"
                + "echo '2024-05-07T10:04:59+0000 host harmonylite[812]: connecting to nats://app:hunter2@127.0.0.1:4222'\n"
                + "echo '2024-05-07T10:05:00+0000 host harmonylite[812]: fatal: node_id 1 already in use token=abc123'");

        var data = (await RunAsync(probe, "harmonylite", lines: 5)).OkData();

        data["available"]!.GetValue<bool>().ShouldBeTrue();
        data["unit"]!.GetValue<string>().ShouldBe("harmonylite.service");
        data["found"]!.GetValue<bool>().ShouldBeTrue();
        data["active_state"]!.GetValue<string>().ShouldBe("failed");
        data["sub_state"]!.GetValue<string>().ShouldBe("failed");
        data["result"]!.GetValue<string>().ShouldBe("exit-code");
        data["n_restarts"]!.GetValue<long>().ShouldBe(5);
        data["exec_main_status"]!.GetValue<long>().ShouldBe(1);
        data["exec_main_code"]!.GetValue<string>().ShouldBe("exited");
        data["main_pid"].ShouldBeNull();
        var lines = data["journal"]!["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        lines.Count.ShouldBe(2);
        lines[0].ShouldContain("nats://app:***@127.0.0.1:4222");
        lines[1].ShouldEndWith("token=***");
        data.ToJsonString().ShouldNotContain("hunter2");
        data.ToJsonString().ShouldNotContain("abc123");
        File.ReadAllText(_folder.File("journal-args")).Trim().ShouldBe("-u harmonylite.service -n 5 --no-pager -o short-iso -q");
    }

    [Fact]
    public async Task A_missing_journalctl_still_reports_the_unit_state()
    {
        var probe = Probe(systemctl: $"cat <<'EOF'\n{Show}\nEOF", journalctl: null);

        var data = (await RunAsync(probe, "harmonylite")).OkData();

        data["active_state"]!.GetValue<string>().ShouldBe("failed");
        data["journal"]!["available"]!.GetValue<bool>().ShouldBeFalse();
        data["journal"]!["error"]!.GetValue<string>().ShouldContain("journalctl is not installed");
    }

    [Fact]
    public async Task A_systemctl_that_hangs_is_killed_and_reported_as_a_timeout()
    {
        var pidFile = _folder.File("systemctl.pid");
        var probe = Probe(systemctl: $"echo $$ > {pidFile}\nexec sleep 60", journalctl: null);
        var clock = Stopwatch.StartNew();

        var result = await probe.RunAsync(ProbeHarness.Context("host", [], new JsonObject { ["unit"] = "x" }, TimeSpan.FromSeconds(1)), Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        ProcFs.ProcessName(pid).ShouldBeNull("the hung systemctl should have been killed");
    }

    [Fact]
    public async Task Cancellation_stops_a_hung_command()
    {
        var probe = Probe(systemctl: "exec sleep 60", journalctl: null);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() =>
            probe.RunAsync(ProbeHarness.Context("host", [], new JsonObject { ["unit"] = "x" }, TimeSpan.FromSeconds(30)), cancel.Token));
    }

    [Fact]
    public async Task Without_a_unit_or_service_there_is_nothing_to_look_at()
    {
        var data = (await new SystemdUnitProbe().RunAsync(ProbeHarness.Context("host", []), Ct)).OkData();

        data["available"].ShouldBeNull();
        data["reason"]!.GetValue<string>().ShouldContain("no unit");
    }

    [Fact]
    public async Task An_option_in_place_of_a_unit_name_is_refused()
    {
        var result = await RunAsync(new SystemdUnitProbe(), "--all");

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public void Parses_systemctl_show_output()
    {
        var p = Systemd.ParseShow("Id=a.service\nNRestarts=0\nExecMainStartTimestamp=\nEnvironment=A=B\n");

        p["Id"].ShouldBe("a.service");
        p["NRestarts"].ShouldBe("0");
        p["ExecMainStartTimestamp"].ShouldBe("");
        p["Environment"].ShouldBe("A=B");
    }

    /// <summary>A systemd that answers through shell scripts: the commands run for real, their answers are canned.</summary>
    private SystemdUnitProbe Probe(string systemctl, string? journalctl)
    {
        var systemctlPath = Script("systemctl", systemctl);
        var journalctlPath = journalctl is null ? null : Script("journalctl", journalctl);
        return new SystemdUnitProbe(() => new Systemd(systemctlPath, journalctlPath, Booted: true, Pid1: "systemd"));
    }

    private string Script(string name, string body)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static Task<ProbeResult> RunAsync(SystemdUnitProbe probe, string unit, int lines = 20) =>
        probe.RunAsync(ProbeHarness.Context("host", [], new JsonObject { ["unit"] = unit, ["lines"] = lines }), Ct);
}
