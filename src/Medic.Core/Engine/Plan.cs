namespace Medic.Core.Engine;

/// <summary>What a diagnosis will do: runbook instances, and the distinct probe invocations they need.</summary>
public sealed record Plan(IReadOnlyList<RunbookInstance> Instances, IReadOnlyList<ProbeInvocation> Invocations, IReadOnlyList<string> Skipped);
