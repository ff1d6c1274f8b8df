namespace Medic.Probes.Os;

/// <summary>How a command ended: its exit code (null when it was killed on timeout) and what it printed.</summary>
internal sealed record CommandResult(int? ExitCode, string Output, string Errors, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0;
}
