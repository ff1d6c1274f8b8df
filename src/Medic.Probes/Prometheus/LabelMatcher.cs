using System.Text.RegularExpressions;

namespace Medic.Probes.Prometheus;

/// <summary>One PromQL label matcher; a missing label matches as the empty string, as in PromQL.</summary>
public sealed class LabelMatcher
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);
    private readonly Regex? _regex;

    /// <exception cref="ArgumentException">The pattern of a regex matcher is not a valid regular expression.</exception>
    public LabelMatcher(string name, MatchOp op, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Op = op;
        Value = value;
        if (op is MatchOp.Regex or MatchOp.NotRegex)
        {
            _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, RegexBudget);
        }
    }

    public string Name { get; }

    public MatchOp Op { get; }

    public string Value { get; }

    public bool Matches(string? labelValue)
    {
        var v = labelValue ?? "";
        return Op switch
        {
            MatchOp.Equal => v == Value,
            MatchOp.NotEqual => v != Value,
            MatchOp.Regex => IsMatch(v),
            _ => !IsMatch(v),
        };
    }

    private bool IsMatch(string v)
    {
        try
        {
            return _regex!.IsMatch(v);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern must not stall a probe; treat it as no match.
            return false;
        }
    }

    public override string ToString() => $"{Name}{Op switch
    {
        MatchOp.Equal => "=",
        MatchOp.NotEqual => "!=",
        MatchOp.Regex => "=~",
        _ => "!~",
    }}\"{Value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
