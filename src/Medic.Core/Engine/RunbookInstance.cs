using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Core.Engine;

/// <summary>A runbook bound to its subject component, with the invocation behind each check (null: optional and absent).</summary>
public sealed record RunbookInstance(Runbook Runbook, Component Subject, IReadOnlyDictionary<string, ProbeInvocation?> Checks);
