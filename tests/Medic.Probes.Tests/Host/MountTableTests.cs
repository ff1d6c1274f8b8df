using Medic.Probes.Os;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class MountTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_longest_mount_point_decides_and_escaped_spaces_are_read()
    {
        var path = _folder.File("mountinfo");
        File.WriteAllLines(path,
        [
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "40 27 0:40 / /srv/data ro,relatime - ext4 /dev/vdb ro",
            "41 27 0:41 / /srv/data/scratch rw,relatime - tmpfs tmpfs rw",
            "42 27 0:42 / /mnt/my\\040disk rw,relatime - vfat /dev/vdc ro",
            "43 27 0:43 / /srv/dataset rw - ext4 /dev/vdd rw",
        ]);

        var mounts = MountTable.Read(path);

        mounts.IsReadOnly("/etc/passwd").ShouldBe(false);
        mounts.IsReadOnly("/srv/data").ShouldBe(true);
        mounts.IsReadOnly("/srv/data/app.db").ShouldBe(true);
        mounts.IsReadOnly("/srv/data/scratch/x").ShouldBe(false);
        mounts.IsReadOnly("/srv/dataset/x").ShouldBe(false);
        mounts.IsReadOnly("/mnt/my disk/file").ShouldBe(true);
    }

    [Fact]
    public void The_root_of_this_machine_is_a_known_mount()
    {
        MountTable.Read().IsReadOnly("/").ShouldNotBeNull();
    }
}
