using Medic.Probes.Tests.Host;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic host runbooks on real processes of this machine.</summary>
public sealed class HostScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_near_its_descriptor_limit_is_named()
    {
        var name = PythonChild.UniqueName("medic-fdl-");
        using var service = await PythonChild.StartAsync(
            "resource.setrlimit(resource.RLIMIT_NOFILE, (200, 200))\nfiles = [open('/dev/null') for _ in range(190)]\n" + PythonChild.Rename(name));

        var report = await Scenario.DiagnoseAsync($"system: s\ncomponents:\n  host: {{ kind: host, service: {name}, ports: [1] }}\n", Ct);

        report.Causes().ShouldContain("host.fd-limit-near/near-limit");
        report.Findings.Single(f => f.Cause == "near-limit").Explanation.ShouldContain($"PID {service.Pid} ({name}) has ");
        report.Causes().ShouldNotContain("host.process-not-running/not-running");
    }

    [Fact]
    public async Task A_service_with_no_process_is_not_running()
    {
        var name = PythonChild.UniqueName("medic-gone-");

        var report = await Scenario.DiagnoseAsync($"system: s\ncomponents:\n  host: {{ kind: host, service: {name}, ports: [1] }}\n", Ct);

        report.Causes().ShouldContain("host.process-not-running/not-running");
        report.Findings.Single(f => f.Cause == "not-running").Title.ShouldBe($"No {name} process is running");
        report.Causes().ShouldNotContain("host.fd-limit-near/near-limit");
    }
}
