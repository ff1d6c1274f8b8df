namespace Medic.Probes.Os;

/// <summary>
/// One held POSIX or OFD byte-range lock from /proc/locks. <see cref="End"/> is inclusive; null means to the end of
/// the file. <see cref="Pid"/> is null for OFD locks, which belong to an open file rather than a process.
/// </summary>
internal sealed record ByteRangeLock(string Type, bool Write, int? Pid, FileId File, long Start, long? End)
{
    public bool Covers(long offset) => offset >= Start && (End is null || offset <= End);

    public bool Overlaps(long first, long last) => first <= (End ?? long.MaxValue) && last >= Start;
}
