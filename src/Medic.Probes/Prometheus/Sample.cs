namespace Medic.Probes.Prometheus;

/// <summary>One sample line: <c>name{labels} value [timestamp]</c>, with its 1-based line number.</summary>
public sealed record Sample(string Name, LabelSet Labels, double Value, long? TimestampMs, int Line);
