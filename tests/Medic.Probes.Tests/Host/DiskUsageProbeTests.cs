using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class DiskUsageProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Matches_the_sizes_and_inodes_that_stat_f_reports()
    {
        // stat -f: fundamental block size, total blocks, free blocks, blocks available to users, total inodes, free inodes.
        var f = (await ToolOutput.ReadAsync("stat", "-f", "-c", "%S %b %f %a %c %d", _folder.Path)).Split(' ').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();

        var entry = Single(await RunAsync(new JsonObject { ["paths"] = new JsonArray(_folder.Path) }));

        entry["size_bytes"]!.GetValue<long>().ShouldBe(f[0] * f[1]);
        entry["inodes_total"]!.GetValue<long>().ShouldBe(f[4]);
        // Other processes write to this disk meanwhile: free space and inodes agree within a tolerance.
        ((double)entry["available_bytes"]!.GetValue<long>()).ShouldBe(f[0] * f[3], tolerance: 256.0 * 1024 * 1024);
        ((double)entry["used_bytes"]!.GetValue<long>()).ShouldBe(f[0] * (f[1] - f[2]), tolerance: 256.0 * 1024 * 1024);
        ((double)entry["inodes_free"]!.GetValue<long>()).ShouldBe(f[5], tolerance: 10_000);
    }

    [Fact]
    public async Task Reports_the_mount_point_file_system_and_use_that_df_reports()
    {
        var df = (await ToolOutput.ReadAsync("df", "-B1", "--output=target,fstype,pcent", _folder.Path)).Split('\n')[^1]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var entry = Single(await RunAsync(new JsonObject { ["paths"] = new JsonArray(_folder.Path) }));

        entry["exists"]!.GetValue<bool>().ShouldBeTrue();
        entry["mount_point"]!.GetValue<string>().ShouldBe(df[0]);
        entry["fs_type"]!.GetValue<string>().ShouldBe(df[1]);
        // df rounds Use% up to a whole percent.
        var percent = double.Parse(df[2].TrimEnd('%'), CultureInfo.InvariantCulture) / 100;
        entry["used_ratio"]!.GetValue<double>().ShouldBe(percent, tolerance: 0.015);
        entry["read_only"]!.GetValue<bool>().ShouldBeFalse();
        entry["inodes_used_ratio"]!.GetValue<double>().ShouldBeInRange(0, 1);
    }

    [Fact]
    public async Task A_path_not_created_yet_is_measured_on_its_nearest_existing_folder()
    {
        var missing = Path.Combine(_folder.Path, "data", "db", "app.db");

        var entry = Single(await RunAsync(new JsonObject { ["paths"] = new JsonArray(missing) }));

        entry["path"]!.GetValue<string>().ShouldBe(missing);
        entry["exists"]!.GetValue<bool>().ShouldBeFalse();
        entry["measured_at"]!.GetValue<string>().ShouldBe(_folder.Path);
        entry["size_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Lists_the_biggest_entries_under_a_folder_with_their_total_sizes()
    {
        await File.WriteAllBytesAsync(_folder.File("big.bin"), new byte[500_000], Ct);
        await File.WriteAllBytesAsync(_folder.File("small.bin"), new byte[10_000], Ct);
        Directory.CreateDirectory(_folder.File("backups/old"));
        await File.WriteAllBytesAsync(_folder.File("backups/a.bak"), new byte[300_000], Ct);
        await File.WriteAllBytesAsync(_folder.File("backups/old/b.bak"), new byte[300_000], Ct);

        var entry = Single(await RunAsync(new JsonObject { ["paths"] = new JsonArray(_folder.Path), ["largest"] = 2 }));

        var largest = entry["largest"]!.AsArray();
        largest.Select(e => Path.GetFileName(e!["path"]!.GetValue<string>())).ShouldBe(["backups", "big.bin"]);
        largest[0]!["type"]!.GetValue<string>().ShouldBe("directory");
        largest[0]!["size_bytes"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(600_000);
        largest[1]!["size_bytes"]!.GetValue<long>().ShouldBe(500_000);
        entry["largest_complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Stops_sizing_folders_when_its_time_budget_is_spent()
    {
        Directory.CreateDirectory(_folder.File("cache"));
        for (var i = 0; i < 2000; i++)
        {
            await File.WriteAllBytesAsync(_folder.File($"cache/{i}"), [1], Ct);
        }

        var result = await new DiskUsageProbe().RunAsync(
            ProbeHarness.Context("host", [], new JsonObject { ["paths"] = new JsonArray(_folder.Path), ["largest"] = 3 }, TimeSpan.FromTicks(1)), Ct);

        var entry = result.OkData()["paths"]![0]!;
        entry["largest_complete"]!.GetValue<bool>().ShouldBeFalse();
        entry["size_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Counts_the_space_of_a_deleted_file_a_process_still_holds_open()
    {
        var log = _folder.File("service.log");
        using var holder = await PythonChild.StartAsync(
            "f = open(sys.argv[1], 'wb'); f.write(b'x' * 3_000_000); f.flush(); os.unlink(sys.argv[1])", log);

        var data = (await RunAsync(new JsonObject { ["paths"] = new JsonArray(_folder.Path) })).OkData();

        var held = data["deleted_open"]!.AsArray().Single(d => d!["pid"]!.GetValue<int>() == holder.Pid)!;
        held["path"]!.GetValue<string>().ShouldBe(log);
        held["size_bytes"]!.GetValue<long>().ShouldBe(3_000_000);
        held["process"]!.GetValue<string>().ShouldStartWith("python");
        data["paths"]![0]!["deleted_open_bytes"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(3_000_000);
    }

    [Fact]
    public async Task Looks_at_the_root_file_system_when_no_path_is_given()
    {
        var entry = Single(await RunAsync([]));

        entry["path"]!.GetValue<string>().ShouldBe("/");
        entry["mount_point"]!.GetValue<string>().ShouldBe("/");
    }

    [Fact]
    public async Task Uses_the_component_paths_and_reports_the_fullest_of_them()
    {
        var result = await new DiskUsageProbe().RunAsync(
            ProbeHarness.Context("host", new JsonObject { ["paths"] = new JsonArray(_folder.Path, "/") }), Ct);

        var data = result.OkData();
        data["paths"]!.AsArray().Count.ShouldBe(2);
        data["max_used_ratio"]!.GetValue<double>().ShouldBe(data["paths"]!.AsArray().Max(p => p!["used_ratio"]!.GetValue<double>()));
        data["min_available_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_bad_largest_count_is_an_invalid_argument()
    {
        var result = await RunAsync(new JsonObject { ["largest"] = 1000 });

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    private static Task<ProbeResult> RunAsync(JsonObject args) =>
        new DiskUsageProbe().RunAsync(ProbeHarness.Context("host", [], args), Ct);

    private static JsonObject Single(ProbeResult result) => result.OkData()["paths"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
}
