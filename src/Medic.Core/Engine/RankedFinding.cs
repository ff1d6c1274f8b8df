using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>A finding before ranking: its evaluation order, what its cause supersedes, and its runbook's subject kind.</summary>
internal sealed record RankedFinding(Finding Finding, int Order, IReadOnlyList<string> Supersedes, string Kind);
