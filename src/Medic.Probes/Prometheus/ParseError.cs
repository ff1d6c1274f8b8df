namespace Medic.Probes.Prometheus;

/// <summary>Why a line of an exposition is malformed; line and column are 1-based.</summary>
public sealed record ParseError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
