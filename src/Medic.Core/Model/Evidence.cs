using System.Text.Json.Nodes;

namespace Medic.Core.Model;

/// <summary>One observed value a finding rests on: which probe, which path into its observation, and the value.</summary>
public sealed record Evidence(string Probe, string Path, JsonNode? Value);
