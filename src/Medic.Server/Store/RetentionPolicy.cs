namespace Medic.Server.Store;

/// <summary>
/// How long runs are kept: every run for <see cref="KeepAll"/>, then the last run of each hour per system, and none
/// older than <see cref="DropAfter"/>. Findings keep their lifecycle whatever happens to the runs.
/// </summary>
public sealed record RetentionPolicy(TimeSpan KeepAll, TimeSpan DropAfter)
{
    public static RetentionPolicy Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromDays(30));
}

/// <summary>What one retention pass removed.</summary>
public sealed record RetentionResult(int DownSampled, int Dropped);
