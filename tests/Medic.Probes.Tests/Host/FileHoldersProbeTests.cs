using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Os;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class FileHoldersProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Names_the_process_holding_a_file_open_for_writing()
    {
        var file = _folder.File("app.log");
        using var writer = await PythonChild.StartAsync("f = open(sys.argv[1], 'a')", file);

        var entry = Single(await RunAsync(file));

        entry["exists"]!.GetValue<bool>().ShouldBeTrue();
        entry["held"]!.GetValue<bool>().ShouldBeTrue();
        var holder = entry["holders"]!.AsArray().ShouldHaveSingleItem()!;
        holder["pid"]!.GetValue<int>().ShouldBe(writer.Pid);
        holder["process"]!.GetValue<string>().ShouldStartWith("python");
        holder["user"]!.GetValue<string>().ShouldBe(UserDatabase.Load().UserName(ProcFs.SelfCredentials()!.Value.Uid));
        holder["mode"]!.GetValue<string>().ShouldBe("write");
        holder["fd"]!.GetValue<int>().ShouldBeGreaterThan(2);
        entry["writers"]!.AsArray().Select(p => p!.GetValue<int>()).ShouldBe([writer.Pid]);
    }

    [Fact]
    public async Task Tells_readers_from_writers_and_finds_files_under_a_folder()
    {
        var db = _folder.File("data/app.db");
        Directory.CreateDirectory(_folder.File("data"));
        await File.WriteAllTextAsync(db, "x", Ct);
        using var reader = await PythonChild.StartAsync("f = open(sys.argv[1], 'r')", db);
        using var both = await PythonChild.StartAsync("f = open(sys.argv[1], 'r+')", db);

        var entry = Single(await RunAsync(_folder.File("data")));

        entry["type"]!.GetValue<string>().ShouldBe("directory");
        entry["pids"]!.AsArray().Select(p => p!.GetValue<int>()).Order().ShouldBe(new[] { reader.Pid, both.Pid }.Order());
        entry["holders"]!.AsArray().Single(h => h!["pid"]!.GetValue<int>() == reader.Pid)!["mode"]!.GetValue<string>().ShouldBe("read");
        entry["holders"]!.AsArray().Single(h => h!["pid"]!.GetValue<int>() == both.Pid)!["file"]!.GetValue<string>().ShouldBe(db);
        entry["writers"]!.AsArray().Select(p => p!.GetValue<int>()).ShouldBe([both.Pid]);
    }

    [Fact]
    public async Task A_file_nobody_holds_and_a_missing_file_have_no_holders()
    {
        var quiet = _folder.File("quiet.txt");
        await File.WriteAllTextAsync(quiet, "x", Ct);

        var data = (await RunAsync(quiet, _folder.File("missing.txt"))).OkData();

        data["paths"]![0]!["held"]!.GetValue<bool>().ShouldBeFalse();
        data["paths"]![1]!["exists"]!.GetValue<bool>().ShouldBeFalse();
        data["paths"]![1]!["held"]!.GetValue<bool>().ShouldBeFalse();
        data["holder_count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Without_paths_it_is_an_invalid_argument()
    {
        var result = await new FileHoldersProbe().RunAsync(ProbeHarness.Context("host", []), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    private static Task<ProbeResult> RunAsync(params string[] paths) =>
        new FileHoldersProbe().RunAsync(
            ProbeHarness.Context("host", [], new JsonObject { ["paths"] = new JsonArray([.. paths.Select(p => JsonValue.Create(p))]) }), Ct);

    private static JsonObject Single(ProbeResult result) => result.OkData()["paths"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
}
