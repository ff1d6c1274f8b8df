namespace Medic.Core.Probing;

/// <summary>An argument a probe accepts in a runbook check's <c>args</c>.</summary>
public sealed record ProbeParameter(string Name, ParameterType Type, bool Required = false, string Description = "");
