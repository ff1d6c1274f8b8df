using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Python;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Python;

public sealed class PythonWheelsProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<ProbeResult> RunAsync(JsonObject args) =>
        new PythonWheelsProbe().RunAsync(ProbeHarness.Context("host", new() { ["paths"] = new JsonArray(_folder.Path) }, args), TestContext.Current.CancellationToken);

    private static JsonNode Wheel(JsonObject data, string name) =>
        data["wheels"]!.AsArray().Single(w => w!["name"]?.GetValue<string>() == name)!;

    private static string[] Problems(JsonNode wheel) => [.. wheel["problems"]!.AsArray().Select(p => p!.GetValue<string>())];

    [Fact]
    public async Task A_pure_python_plugin_with_its_entry_point_has_no_problems()
    {
        WheelBuilder.Write(_folder.Path, "webmacs-thermo", requiresPython: ">=3.11", requires: ["httpx (>=0.27)"]);
        var site = WheelBuilder.SitePackages(_folder.Path, "httpx==0.28.1");

        var data = (await RunAsync(new() { ["entry_point_group"] = "webmacs.plugins", ["python"] = "3.13", ["platform"] = "x86_64", ["site_packages"] = site })).OkData();

        data["count"]!.GetValue<int>().ShouldBe(1);
        data["installed_count"]!.GetValue<int>().ShouldBe(1);
        var wheel = Wheel(data, "webmacs-thermo");
        Problems(wheel).ShouldBeEmpty();
        wheel["has_entry_point"]!.GetValue<bool>().ShouldBeTrue();
        wheel["python_compatible"]!.GetValue<bool>().ShouldBeTrue();
        wheel["entry_point_groups"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["console_scripts", "webmacs.plugins"]);
        data["problem_count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Each_reason_a_plugin_would_not_load_is_told_apart()
    {
        WheelBuilder.Write(_folder.Path, "no-entry", entryPointGroup: null);
        WheelBuilder.Write(_folder.Path, "old-python", tag: "cp311-cp311-manylinux_2_17_x86_64");
        WheelBuilder.Write(_folder.Path, "capped-python", requiresPython: "<3.13");
        WheelBuilder.Write(_folder.Path, "arm-only", tag: "cp313-cp313-manylinux_2_17_aarch64");
        WheelBuilder.Write(_folder.Path, "pinned", requires: ["numpy==1.26.4", "pydantic>=2.0; extra == \"dev\""]);
        WheelBuilder.Write(_folder.Path, "stable-abi", tag: "cp310-abi3-manylinux_2_17_x86_64");
        var site = WheelBuilder.SitePackages(_folder.Path, "numpy==2.1.0", "pydantic==1.10.0");

        var data = (await RunAsync(new() { ["entry_point_group"] = "webmacs.plugins", ["python"] = "3.13", ["platform"] = "x86_64", ["site_packages"] = site })).OkData();

        Problems(Wheel(data, "no-entry")).ShouldBe(["missing-entry-point"]);
        Problems(Wheel(data, "old-python")).ShouldBe(["wrong-python"]);
        Problems(Wheel(data, "capped-python")).ShouldBe(["wrong-python"]);
        Problems(Wheel(data, "arm-only")).ShouldBe(["arch-mismatch"]);
        Problems(Wheel(data, "stable-abi")).ShouldBeEmpty();
        var pinned = Wheel(data, "pinned");
        Problems(pinned).ShouldBe(["dependency-conflict"]);
        pinned["conflicts"]![0]!["name"]!.GetValue<string>().ShouldBe("numpy");
        pinned["conflicts"]![0]!["requires"]!.GetValue<string>().ShouldBe("==1.26.4");
        pinned["conflicts"]![0]!["installed"]!.GetValue<string>().ShouldBe("2.1.0");
        pinned["conflicts"]!.AsArray().Count.ShouldBe(1);
        data["problem_count"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Without_a_target_python_or_group_those_are_not_judged()
    {
        WheelBuilder.Write(_folder.Path, "no-entry", entryPointGroup: null, tag: "cp311-cp311-linux_x86_64");

        var wheel = Wheel((await RunAsync(new() { ["platform"] = "x86_64" })).OkData(), "no-entry");

        wheel["python_compatible"].ShouldBeNull();
        wheel["has_entry_point"].ShouldBeNull();
        Problems(wheel).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_that_is_not_a_wheel_is_reported_not_thrown()
    {
        await File.WriteAllTextAsync(_folder.File("broken-1.0-py3-none-any.whl"), "not a zip", TestContext.Current.CancellationToken);

        var wheel = (await RunAsync([])).OkData()["wheels"]![0]!;

        Problems(wheel).ShouldBe(["unreadable"]);
        wheel["error"]!.GetValue<string>().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_bad_python_version_is_an_invalid_argument()
    {
        var result = await RunAsync(new() { ["python"] = "latest" });

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Theory]
    [InlineData("2.1.0", ">=2.0,<3", true)]
    [InlineData("1.26.4", ">=2.0", false)]
    [InlineData("3.13", "<3.13", false)]
    [InlineData("3.13.1", "==3.13.*", true)]
    [InlineData("3.12", "~=3.11", true)]
    [InlineData("4.0", "~=3.11", false)]
    [InlineData("2.31.0rc1", "!=2.31.0", false)]
    public void Specifiers_are_judged_as_pip_would(string version, string specifier, bool expected) =>
        Pep440.Satisfies(version, specifier).ShouldBe(expected);
}
