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
public sealed class FileStatProbeTests : IDisposable
{
    private const UnixFileMode Mode0755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_temp_folder_is_writable_by_the_current_user()
    {
        var data = (await RunAsync([_folder.Path])).OkData();

        var self = ProcFs.SelfCredentials()!.Value;
        data["user"]!["uid"]!.GetValue<uint>().ShouldBe(self.Uid);
        data["user"]!["known"]!.GetValue<bool>().ShouldBeTrue();
        var entry = data["paths"]![0]!;
        entry["path"]!.GetValue<string>().ShouldBe(_folder.Path);
        entry["exists"]!.GetValue<bool>().ShouldBeTrue();
        entry["type"]!.GetValue<string>().ShouldBe("directory");
        entry["mode"]!.GetValue<string>().ShouldBe("0700");
        entry["readable"]!.GetValue<bool>().ShouldBeTrue();
        entry["writable"]!.GetValue<bool>().ShouldBeTrue();
        entry["mount_read_only"]!.GetValue<bool>().ShouldBeFalse();
        data["all_writable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Describes_a_file_with_its_size_owner_and_mode()
    {
        var file = _folder.File("app.yaml");
        await File.WriteAllTextAsync(file, "port: 3001\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var entry = (await RunAsync([file])).OkData()["paths"]![0]!;

        entry["type"]!.GetValue<string>().ShouldBe("file");
        entry["mode"]!.GetValue<string>().ShouldBe("0640");
        entry["size_bytes"]!.GetValue<long>().ShouldBe(11);
        entry["owner"]!.GetValue<string>().ShouldBe(UserDatabase.Load().UserName(ProcFs.SelfCredentials()!.Value.Uid));
    }

    [Fact]
    public async Task A_missing_path_under_a_writable_folder_can_be_created()
    {
        var missing = Path.Combine(_folder.Path, "data", "db");

        var data = (await RunAsync([missing])).OkData();

        var entry = data["paths"]![0]!;
        entry["exists"]!.GetValue<bool>().ShouldBeFalse();
        entry["creatable"]!.GetValue<bool>().ShouldBeTrue();
        entry["nearest_existing"]!.GetValue<string>().ShouldBe(_folder.Path);
        data["all_writable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_root_owned_0755_folder_is_not_writable_by_nobody()
    {
        Assert.SkipUnless(Tools.IsRoot, "needs a root-owned folder, so the tests must run as root");
        var folder = Directory.CreateDirectory(_folder.File("srv")).FullName;
        File.SetUnixFileMode(folder, Mode0755);
        File.SetUnixFileMode(_folder.Path, Mode0755);

        var data = (await RunAsync([folder, Path.Combine(folder, "new")], user: "nobody")).OkData();

        data["user"]!["name"]!.GetValue<string>().ShouldBe("nobody");
        data["user"]!["known"]!.GetValue<bool>().ShouldBeTrue();
        var entry = data["paths"]![0]!;
        entry["owner"]!.GetValue<string>().ShouldBe("root");
        entry["mode"]!.GetValue<string>().ShouldBe("0755");
        entry["readable"]!.GetValue<bool>().ShouldBeTrue();
        entry["writable"]!.GetValue<bool>().ShouldBeFalse();
        data["paths"]![1]!["creatable"]!.GetValue<bool>().ShouldBeFalse();
        data["all_writable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_without_an_execute_bit_is_not_executable_for_nobody_and_one_with_it_is()
    {
        var plain = _folder.File("plain");
        var tool = _folder.File("tool");
        await File.WriteAllTextAsync(plain, "#!/bin/sh\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(tool, "#!/bin/sh\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(tool, Mode0755);
        File.SetUnixFileMode(_folder.Path, Mode0755);

        var data = (await RunAsync([plain, tool, _folder.Path], user: "nobody")).OkData();

        data["paths"]![0]!["mode"]!.GetValue<string>().ShouldBe("0644");
        data["paths"]![0]!["executable"]!.GetValue<bool>().ShouldBeFalse();
        data["paths"]![1]!["executable"]!.GetValue<bool>().ShouldBeTrue();
        data["paths"]![2]!["executable"]!.GetValue<bool>().ShouldBeFalse("a folder is entered, not executed");
    }

    [Fact]
    public async Task Group_write_permission_counts_for_a_member_of_the_group()
    {
        Assert.SkipUnless(Tools.IsRoot, "changing a folder's group needs root");
        var nobody = UserDatabase.Load().Find("nobody")!;
        var folder = Directory.CreateDirectory(_folder.File("shared")).FullName;
        File.SetUnixFileMode(_folder.Path, Mode0755);
        Shell.Run("chgrp", nobody.Gid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), folder).ShouldBeTrue();
        File.SetUnixFileMode(folder, Mode0755 | UnixFileMode.GroupWrite);

        var entry = (await RunAsync([folder], user: "nobody")).OkData()["paths"]![0]!;

        entry["mode"]!.GetValue<string>().ShouldBe("0775");
        entry["writable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_folder_the_user_cannot_enter_blocks_everything_below_it()
    {
        Assert.SkipUnless(Tools.IsRoot, "needs a root-owned folder, so the tests must run as root");
        var inner = Directory.CreateDirectory(_folder.File("private/inner")).FullName;
        File.SetUnixFileMode(inner, Mode0755 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        File.SetUnixFileMode(_folder.Path, Mode0755);
        File.SetUnixFileMode(_folder.File("private"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var entry = (await RunAsync([inner], user: "nobody")).OkData()["paths"]![0]!;

        entry["mode"]!.GetValue<string>().ShouldBe("0777");
        entry["writable"]!.GetValue<bool>().ShouldBeFalse();
        entry["readable"]!.GetValue<bool>().ShouldBeFalse();
        entry["blocked_by"]!.GetValue<string>().ShouldBe(_folder.File("private"));
    }

    [Fact]
    public async Task An_unknown_user_is_reported_and_access_left_open()
    {
        var data = (await RunAsync([_folder.Path], user: "no-such-user-medic")).OkData();

        data["user"]!["name"]!.GetValue<string>().ShouldBe("no-such-user-medic");
        data["user"]!["known"]!.GetValue<bool>().ShouldBeFalse();
        data["paths"]![0]!["exists"]!.GetValue<bool>().ShouldBeTrue();
        data["paths"]![0]!["writable"].ShouldBeNull();
        data["paths"]![0]!["readable"].ShouldBeNull();
        data["all_writable"].ShouldBeNull();
    }

    [Fact]
    public async Task A_symlink_is_named_and_judged_by_its_target()
    {
        var target = Directory.CreateDirectory(_folder.File("real")).FullName;
        var link = _folder.File("link");
        File.CreateSymbolicLink(link, target);

        var entry = (await RunAsync([link])).OkData()["paths"]![0]!;

        entry["type"]!.GetValue<string>().ShouldBe("symlink");
        entry["target"]!.GetValue<string>().ShouldBe(target);
        entry["writable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Takes_paths_and_user_from_the_component()
    {
        var result = await new FileStatProbe().RunAsync(
            ProbeHarness.Context("host", new() { ["paths"] = new JsonArray(_folder.Path), ["user"] = "no-such-user-medic" }),
            TestContext.Current.CancellationToken);

        var data = result.OkData();
        data["paths"]![0]!["path"]!.GetValue<string>().ShouldBe(_folder.Path);
        data["user"]!["name"]!.GetValue<string>().ShouldBe("no-such-user-medic");
    }

    [Fact]
    public async Task Without_paths_the_probe_says_so_rather_than_throwing()
    {
        var result = await new FileStatProbe().RunAsync(ProbeHarness.Context("host", []), TestContext.Current.CancellationToken);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task A_read_only_mount_is_told_apart_from_permissions()
    {
        Assert.SkipUnless(Tools.IsRoot, "mounting needs root");
        var mountPoint = Directory.CreateDirectory(_folder.File("ro")).FullName;
        Assert.SkipUnless(Shell.Run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "medic-test", mountPoint), "mount is not permitted here");
        try
        {
            var entry = (await RunAsync([mountPoint, Path.Combine(mountPoint, "missing")])).OkData()["paths"]!;

            entry[0]!["mount_read_only"]!.GetValue<bool>().ShouldBeTrue();
            entry[0]!["writable"]!.GetValue<bool>().ShouldBeFalse();
            entry[1]!["mount_read_only"]!.GetValue<bool>().ShouldBeTrue();
            entry[1]!["creatable"]!.GetValue<bool>().ShouldBeFalse();
        }
        finally
        {
            Shell.Run("umount", mountPoint).ShouldBeTrue();
        }
    }

    private static Task<ProbeResult> RunAsync(string[] paths, string? user = null)
    {
        var args = new JsonObject { ["paths"] = new JsonArray([.. paths.Select(p => (JsonNode?)p)]) };
        if (user is not null)
        {
            args["user"] = user;
        }

        return new FileStatProbe().RunAsync(ProbeHarness.Context("host", [], args), TestContext.Current.CancellationToken);
    }
}
