namespace Medic.Probes.Prometheus;

public readonly record struct Label(string Name, string Value);
