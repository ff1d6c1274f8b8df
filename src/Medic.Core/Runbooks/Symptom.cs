using System.Text.RegularExpressions;

namespace Medic.Core.Runbooks;

/// <summary>A string or regex that matches error messages and log lines belonging to a runbook.</summary>
public sealed record Symptom(string Text, Regex? Pattern)
{
    public bool Matches(string line) =>
        Pattern?.IsMatch(line) ?? line.Contains(Text, StringComparison.OrdinalIgnoreCase);
}
