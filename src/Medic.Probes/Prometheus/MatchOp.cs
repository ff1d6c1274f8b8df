namespace Medic.Probes.Prometheus;

public enum MatchOp
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>=~</c>, a fully anchored regular expression.</summary>
    Regex,

    /// <summary><c>!~</c></summary>
    NotRegex,
}
