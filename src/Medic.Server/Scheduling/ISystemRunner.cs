using Medic.Core.Model;

namespace Medic.Server.Scheduling;

/// <summary>Runs one diagnosis of a configured system. The server only ever names systems from its configuration.</summary>
public interface ISystemRunner
{
    IReadOnlyList<string> Systems { get; }

    /// <summary>Re-reads the configuration when it changed; a bad file keeps the previous one (the runner says why).</summary>
    void Refresh()
    {
    }

    Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken);
}
