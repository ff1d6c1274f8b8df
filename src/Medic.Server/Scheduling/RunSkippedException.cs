namespace Medic.Server.Scheduling;

/// <summary>A run was not started because the previous run of the same system is still running.</summary>
public sealed class RunSkippedException : Exception
{
    public RunSkippedException(string system)
        : base($"skipped: previous run of '{system}' still running")
    {
        System = system;
    }

    public RunSkippedException()
    {
        System = "";
    }

    public RunSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
        System = "";
    }

    public string System { get; }
}
