using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Host;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class HostMemoryProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_the_memory_free_reports_with_a_used_ratio()
    {
        var mem = (await ToolOutput.ReadAsync("free", "-b")).Split('\n').Single(l => l.StartsWith("Mem:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var data = await RunAsync();

        var memory = data["memory"]!;
        memory["total_bytes"]!.GetValue<long>().ShouldBe(long.Parse(mem[1], CultureInfo.InvariantCulture));
        ((double)memory["available_bytes"]!.GetValue<long>()).ShouldBe(double.Parse(mem[6], CultureInfo.InvariantCulture), tolerance: 512.0 * 1024 * 1024);
        memory["used_ratio"]!.GetValue<double>().ShouldBeInRange(0.0, 1.0);
        (memory["used_bytes"]!.GetValue<long>() + memory["available_bytes"]!.GetValue<long>()).ShouldBe(memory["total_bytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reports_load_averages_per_cpu_and_the_online_cpu_count()
    {
        var cpus = int.Parse(await ToolOutput.ReadAsync("getconf", "_NPROCESSORS_ONLN"), CultureInfo.InvariantCulture);

        var data = await RunAsync();

        data["cpu_count"]!.GetValue<int>().ShouldBe(cpus);
        var load = data["load"]!;
        load["avg1"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        load["avg15"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        load["tasks"]!.GetValue<int>().ShouldBeGreaterThan(0);
        load["avg5_per_cpu"]!.GetValue<double>().ShouldBe(load["avg5"]!.GetValue<double>() / cpus, tolerance: 0.001);
        data["uptime_ms"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Lists_the_biggest_processes_by_resident_memory()
    {
        var data = await RunAsync(new JsonObject { ["top"] = 3 });

        var top = data["top_processes"]!.AsArray().Select(p => p!["rss_bytes"]!.GetValue<long>()).ToList();
        top.Count.ShouldBe(3);
        top.ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_top_count_out_of_range_is_an_invalid_argument()
    {
        var result = await new HostMemoryProbe().RunAsync(ProbeHarness.Context("host", [], new JsonObject { ["top"] = -1 }), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public void Reads_meminfo_in_bytes()
    {
        var m = HostStats.MemInfo(["MemTotal:       24684084 kB", "MemAvailable:   23266688 kB", "HugePages_Total:       0", "bad line"]);

        m["MemTotal"].ShouldBe(24684084L * 1024);
        m["MemAvailable"].ShouldBe(23266688L * 1024);
        m["HugePages_Total"].ShouldBe(0);
    }

    [Fact]
    public void Reads_load_averages_and_pressure_stalls()
    {
        HostStats.LoadAverage("1.88 6.59 10.71 9/177 19394\n").ShouldBe((1.88, 6.59, 10.71, 9, 177));
        HostStats.LoadAverage("garbage").ShouldBeNull();

        var psi = HostStats.Pressure(["some avg10=12.50 avg60=3.00 avg300=0.50 total=123", "full avg10=4.00 avg60=1.00 avg300=0.00 total=9"]);

        psi["some_avg10"].ShouldBe(12.5);
        psi["full_avg60"].ShouldBe(1.0);
        psi.ShouldNotContainKey("some_total");
    }

    [Fact]
    public void Reads_a_cgroup_v2_memory_limit_and_treats_max_as_no_limit()
    {
        using var folder = new TempFolder();
        var self = folder.File("cgroup");
        File.WriteAllText(self, "0::/system.slice/app.service\n");
        Directory.CreateDirectory(folder.File("sys/system.slice/app.service"));
        File.WriteAllText(folder.File("sys/system.slice/app.service/memory.max"), "536870912\n");
        File.WriteAllText(folder.File("sys/system.slice/app.service/memory.current"), "500000000\n");

        HostStats.Cgroup(folder.File("sys"), self).ShouldBe(("/system.slice/app.service", 536870912L, 500000000L));

        File.WriteAllText(folder.File("sys/system.slice/app.service/memory.max"), "max\n");
        HostStats.Cgroup(folder.File("sys"), self)!.Value.Limit.ShouldBeNull();
    }

    [Fact]
    public void Reads_a_cgroup_v1_memory_limit()
    {
        using var folder = new TempFolder();
        var self = folder.File("cgroup");
        File.WriteAllText(self, "5:cpu,cpuacct:/x\n4:memory:/docker/abc\n0::/\n");
        Directory.CreateDirectory(folder.File("sys/memory/docker/abc"));
        File.WriteAllText(folder.File("sys/memory/docker/abc/memory.limit_in_bytes"), "1073741824\n");
        File.WriteAllText(folder.File("sys/memory/docker/abc/memory.usage_in_bytes"), "1000000000\n");

        HostStats.Cgroup(folder.File("sys"), self).ShouldBe(("/docker/abc", 1073741824L, 1000000000L));
    }

    private static async Task<JsonObject> RunAsync(JsonObject? args = null) =>
        (await new HostMemoryProbe().RunAsync(ProbeHarness.Context("host", [], args), Ct)).OkData();
}
