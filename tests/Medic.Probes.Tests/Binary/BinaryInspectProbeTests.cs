using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Binary;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Binary;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BinaryInspectProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<Medic.Core.Probing.ProbeResult> RunAsync(JsonObject settings, JsonObject? args = null) =>
        ProbeHarness.RunAsync(new BinaryInspectProbe(), "host", settings, args, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Bin_ls_has_all_its_libraries_and_no_SQLite()
    {
        var data = (await RunAsync(new() { ["binary"] = "/bin/ls" })).OkData();

        data["elf"]!.GetValue<bool>().ShouldBeTrue();
        data["machine"]!.GetValue<string>().ShouldBe("x86_64");
        data["interpreter_found"]!.GetValue<bool>().ShouldBeTrue();
        data["missing"]!.AsArray().ShouldBeEmpty();
        data["libraries"]!.AsArray().ShouldContain(l => l!["name"]!.GetValue<string>() == "libc.so.6");
        data["sqlite"].ShouldBeNull();
    }

    [Fact]
    public async Task A_removed_private_library_is_listed_as_missing()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path, "-Wl,-rpath,$ORIGIN/lib");
        File.Delete(Path.Combine(_folder.Path, "lib", "libfoo.so.1"));
        var before = File.ReadAllBytes(app);

        var data = (await RunAsync(new() { ["binary"] = app })).OkData();

        data["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["libfoo.so.1"]);
        data["runpath"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["$ORIGIN/lib"]);
        File.ReadAllBytes(app).ShouldBe(before);
    }

    [Fact]
    public async Task The_library_path_setting_is_searched()
    {
        var app = await Gcc.AppWithPrivateLibraryAsync(_folder.Path);

        var without = (await RunAsync(new() { ["binary"] = app })).OkData();
        var with = (await RunAsync(new() { ["binary"] = app, ["library_path"] = new JsonArray(Path.Combine(_folder.Path, "lib")) })).OkData();

        without["missing"]!.AsArray().Count.ShouldBe(1);
        with["missing"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_SQLite_of_a_linked_libsqlite3_is_read_from_the_library()
    {
        var app = _folder.File("dynamic-sqlite");
        await Gcc.CompileAsync(_folder.Path, "#include <sqlite3.h>\nint main(void) { return sqlite3_libversion_number() > 0 ? 0 : 1; }\n", "-o", app, "-lsqlite3");

        var data = (await RunAsync(new() { ["binary"] = app })).OkData();

        data["sqlite"]!["version"]!.GetValue<string>().ShouldBe("3.40.1");
        data["sqlite"]!["file"]!.GetValue<string>().ShouldContain("libsqlite3.so.0");
    }

    [Fact]
    public async Task An_old_SQLite_compiled_in_is_read_from_the_binary()
    {
        var app = _folder.File("old");
        await Gcc.CompileAsync(_folder.Path, SqliteVersionScannerTests.OldSqliteProgram, "-o", app);

        var data = (await RunAsync(new() { ["binary"] = app })).OkData();

        data["sqlite"]!["version_number"]!.GetValue<long>().ShouldBe(3031001);
        data["sqlite"]!["file"]!.GetValue<string>().ShouldBe(app);
    }

    [Fact]
    public async Task A_truncated_binary_is_a_clear_corrupt_error()
    {
        var path = _folder.File("cut");
        File.WriteAllBytes(path, File.ReadAllBytes("/bin/ls").AsSpan(0, 300).ToArray());

        var result = await RunAsync(new() { ["binary"] = path });

        result.Error!.Kind.ShouldBe(ErrorKinds.Corrupt);
        result.Error.Message.ShouldStartWith(path + ": ");
    }

    [Fact]
    public async Task A_missing_binary_is_not_found()
    {
        var result = await RunAsync(new() { ["binary"] = _folder.File("absent") });

        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
    }

    [Fact]
    public async Task A_script_is_read_as_not_ELF_without_libraries()
    {
        var path = _folder.File("run.sh");
        File.WriteAllText(path, "#!/bin/sh\nexec /bin/true\n");

        var data = (await RunAsync(new() { ["binary"] = path })).OkData();

        data["elf"]!.GetValue<bool>().ShouldBeFalse();
        data["missing"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_binary_the_check_is_an_invalid_argument()
    {
        (await RunAsync([])).Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }
}
