namespace Medic.Probes.Prometheus;

/// <summary>The metric types of the Prometheus text exposition format 0.0.4.</summary>
public enum MetricType
{
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
}
