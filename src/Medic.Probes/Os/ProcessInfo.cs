namespace Medic.Probes.Os;

/// <summary>
/// One process as /proc/PID/stat, status and cmdline describe it. <see cref="StartTicks"/> counts clock ticks since
/// boot; <see cref="CpuTicks"/> is user plus system time.
/// </summary>
internal sealed record ProcessInfo(
    int Pid,
    int ParentPid,
    string Name,
    char State,
    uint? Uid,
    long RssBytes,
    long VirtualBytes,
    int Threads,
    ulong StartTicks,
    ulong CpuTicks,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The program's file name from argv[0] (<c>/usr/bin/redis-server</c> → <c>redis-server</c>), or null for kernel threads.</summary>
    public string? Program => Arguments.Count == 0 ? null : Path.GetFileName(Arguments[0].Split(' ')[0].TrimEnd(':'));

    public string StateName => State switch
    {
        'R' => "running",
        'S' => "sleeping",
        'D' => "disk-sleep",
        'T' => "stopped",
        't' => "tracing-stop",
        'Z' => "zombie",
        'X' => "dead",
        'I' => "idle",
        'P' => "parked",
        _ => "unknown",
    };
}
