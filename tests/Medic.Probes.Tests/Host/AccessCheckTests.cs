using Medic.Probes.Host;
using Medic.Probes.Os;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

/// <summary>The permission computation file.stat uses to judge access for the service user, on made-up stat results.</summary>
public sealed class AccessCheckTests : IDisposable
{
    private const uint Directory = 0x4000;
    private const uint RegularFile = 0x8000;
    private static readonly UserAccount Pma = new("pma", 1001, 1001, new HashSet<uint> { 1001 });
    private static readonly UserAccount Root = new("root", 0, 0, new HashSet<uint> { 0 });
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_owner_gets_the_owner_bits_even_when_group_and_other_bits_allow_more()
    {
        var file = File(0b000_110_110, uid: 1001, gid: 1001);

        AccessCheck.CanRead(file, Pma).ShouldBeFalse();
        AccessCheck.CanWrite(file, Pma).ShouldBeFalse();
    }

    [Fact]
    public void A_member_of_the_files_group_gets_the_group_bits()
    {
        var file = File(0b110_100_000, uid: 0, gid: 1001);

        AccessCheck.CanRead(file, Pma).ShouldBeTrue();
        AccessCheck.CanWrite(file, Pma).ShouldBeFalse();
    }

    [Fact]
    public void Anyone_else_gets_the_other_bits()
    {
        var file = File(0b110_110_100, uid: 0, gid: 0);

        AccessCheck.CanRead(file, Pma).ShouldBeTrue();
        AccessCheck.CanWrite(file, Pma).ShouldBeFalse();
        AccessCheck.CanWrite(File(0b110_110_110, uid: 0, gid: 0), Pma).ShouldBeTrue();
    }

    [Fact]
    public void A_supplementary_group_from_etc_group_grants_the_group_bits()
    {
        var passwd = _folder.File("passwd");
        var group = _folder.File("group");
        System.IO.File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/sh\npma:x:1001:1001::/opt/pma-backend:/usr/sbin/nologin\n");
        System.IO.File.WriteAllText(group, "root:x:0:\npma:x:1001:\ndata:x:2000:backup,pma\nother:x:2001:backup\n");
        var users = UserDatabase.Load(passwd, group);
        var pma = users.Find("pma")!;

        pma.Groups.ShouldBe([1001u, 2000u], ignoreOrder: true);
        AccessCheck.CanWrite(File(0b111_110_000, uid: 0, gid: 2000), pma).ShouldBeTrue();
        AccessCheck.CanWrite(File(0b111_110_000, uid: 0, gid: 2001), pma).ShouldBeFalse();
        users.Find("1001")!.Name.ShouldBe("pma");
    }

    [Fact]
    public void A_folder_is_readable_only_with_its_search_bit_and_writable_only_with_write_and_search()
    {
        AccessCheck.CanRead(Folder(0b111_100_100, uid: 0), Pma).ShouldBeFalse();
        AccessCheck.CanRead(Folder(0b111_101_101, uid: 0), Pma).ShouldBeTrue();
        AccessCheck.CanWrite(Folder(0b111_110_110, uid: 0), Pma).ShouldBeFalse();
        AccessCheck.CanWrite(Folder(0b111_111_111, uid: 0), Pma).ShouldBeTrue();
        AccessCheck.Allows(Folder(0b000_000_000, uid: 1001), Pma, AccessCheck.Execute).ShouldBeFalse();
    }

    [Fact]
    public void Root_reads_and_writes_anything_but_executes_only_with_some_execute_bit()
    {
        var locked = File(0b000_000_000, uid: 1001, gid: 1001);

        AccessCheck.CanRead(locked, Root).ShouldBeTrue();
        AccessCheck.CanWrite(locked, Root).ShouldBeTrue();
        AccessCheck.CanExecute(locked, Root).ShouldBeFalse();
        AccessCheck.CanExecute(File(0b000_000_001, uid: 1001, gid: 1001), Root).ShouldBeTrue();
    }

    [Fact]
    public void An_immutable_file_is_not_writable_even_for_root()
    {
        var immutable = File(0b110_110_110, uid: 0, gid: 0) with { Attributes = 0x10 };

        AccessCheck.CanWrite(immutable, Root).ShouldBeFalse();
        AccessCheck.CanRead(immutable, Root).ShouldBeTrue();
    }

    private static FileStatus File(uint permissions, uint uid, uint gid) =>
        new(new FileId(0, 0, 1), RegularFile | permissions, uid, gid, 0, 0, DateTimeOffset.UnixEpoch);

    private static FileStatus Folder(uint permissions, uint uid) =>
        new(new FileId(0, 0, 2), Directory | permissions, uid, uid, 0, 0, DateTimeOffset.UnixEpoch);
}
