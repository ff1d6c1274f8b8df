namespace Medic.Core.Engine;

/// <summary>Limits for one diagnosis.</summary>
public sealed record DiagnoseOptions
{
    /// <summary>Timeout for a probe whose check and component name none.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole run ends by then; probes not finished are reported as timed out.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Probes running at once across components (one at a time per component regardless).</summary>
    public int MaxParallel { get; init; } = 8;
}
