using Medic.Probes.Os;
using Medic.Probes.Sqlite;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class LockParsingTests
{
    [Fact]
    public void Parses_a_posix_lock_line_with_hex_device_numbers()
    {
        var l = ProcLocks.Parse("1: POSIX  ADVISORY  WRITE 7372 fe:00:11657654 1073741825 1073741825")!;

        l.ShouldBe(new ByteRangeLock("POSIX", true, 7372, new FileId(0xfe, 0, 11657654), 1073741825, 1073741825));
    }

    [Fact]
    public void An_ofd_lock_has_no_pid_and_eof_means_the_end_of_the_file()
    {
        var l = ProcLocks.Parse("3: OFDLCK ADVISORY  READ  -1 103:02:5 128 EOF")!;

        l.Pid.ShouldBeNull();
        l.File.ShouldBe(new FileId(0x103, 2, 5));
        l.End.ShouldBeNull();
        l.Covers(long.MaxValue).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2: -> POSIX  ADVISORY  WRITE 812 fe:00:42 1073741824 1073741824")]
    [InlineData("4: FLOCK  ADVISORY  WRITE 99 fe:00:42 0 EOF")]
    [InlineData("5: LEASE  ACTIVE    READ 99 fe:00:42 0 EOF")]
    [InlineData("garbage")]
    public void Waiters_flocks_leases_and_noise_hold_no_byte_range(string line)
    {
        ProcLocks.Parse(line).ShouldBeNull();
    }

    [Fact]
    public void Merged_pending_reserved_and_shared_write_ranges_read_as_exclusive()
    {
        var merged = Lock(true, SqliteLockBytes.PendingByte, SqliteLockBytes.SharedLast);

        SqliteLockBytes.OnDatabase(merged).ShouldBe(["exclusive"]);
    }

    [Fact]
    public void Names_each_rollback_lock_byte()
    {
        SqliteLockBytes.OnDatabase(Lock(true, SqliteLockBytes.ReservedByte, SqliteLockBytes.ReservedByte)).ShouldBe(["reserved"]);
        SqliteLockBytes.OnDatabase(Lock(true, SqliteLockBytes.PendingByte, SqliteLockBytes.PendingByte)).ShouldBe(["pending"]);
        SqliteLockBytes.OnDatabase(Lock(false, SqliteLockBytes.SharedFirst, SqliteLockBytes.SharedLast)).ShouldBe(["shared"]);
        SqliteLockBytes.OnDatabase(Lock(false, SqliteLockBytes.PendingByte, SqliteLockBytes.PendingByte)).ShouldBeEmpty();
    }

    [Fact]
    public void Names_each_wal_lock_byte()
    {
        SqliteLockBytes.OnSharedMemory(Lock(true, 120, 120)).ShouldBe(["wal_write"]);
        SqliteLockBytes.OnSharedMemory(Lock(true, 121, 121)).ShouldBe(["checkpoint"]);
        SqliteLockBytes.OnSharedMemory(Lock(true, 122, 122)).ShouldBe(["recover"]);
        SqliteLockBytes.OnSharedMemory(Lock(false, 125, 125)).ShouldBe(["wal_read"]);
        SqliteLockBytes.OnSharedMemory(Lock(true, 121, 127)).ShouldBe(["checkpoint", "recover", "wal_read"]);
        SqliteLockBytes.OnSharedMemory(Lock(false, 128, 128)).ShouldBeEmpty();
    }

    private static ByteRangeLock Lock(bool write, long start, long end) => new("POSIX", write, 1, new FileId(1, 2, 3), start, end);
}
