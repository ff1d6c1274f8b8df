namespace Medic.Probes.Prometheus;

/// <summary>A cumulative histogram bucket: how many observations were at most <see cref="UpperBound"/>.</summary>
public readonly record struct Bucket(double UpperBound, double Count);
