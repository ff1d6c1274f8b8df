namespace Medic.Logs.Triage;

/// <summary>
/// Turns a template's value spreads into report rows. A value is shown only after redaction, seen with the two template
/// tokens before it (<c>password: &lt;*&gt;</c>, <c>Authorization: Bearer &lt;*&gt;</c>), so a secret captured as a variable
/// is replaced by the redactor's placeholder even when the value alone looks harmless.
/// </summary>
internal static class VariableValues
{
    private const string Wildcard = "<*>";
    private const string Hidden = "[REDACTED]";

    public static IReadOnlyList<VariableSummary> Summarize(LogTemplate template, int top, Func<string, string>? redact)
    {
        var tokens = template.Tokens;
        var result = new List<VariableSummary>();
        foreach (var spread in template.Variables)
        {
            var p = spread.Position;
            if (p >= tokens.Length || !tokens[p].Contains(Wildcard, StringComparison.Ordinal))
            {
                continue;
            }

            var number = 1 + tokens.Take(p).Count(t => t.Contains(Wildcard, StringComparison.Ordinal));
            var values = spread.Top(top).Select(v => new ValueCount(Redact(tokens, p, v.Key, redact), v.Value)).ToList();
            result.Add(new VariableSummary(number, p, RedactToken(tokens, p, redact), spread.DistinctCount, spread.IsEstimate, spread.Untracked, values));
        }

        return result;
    }

    /// <summary>The value as the report may print it.</summary>
    internal static string Redact(string[] tokens, int position, string value, Func<string, string>? redact)
    {
        if (redact is null)
        {
            return value;
        }

        var own = redact(value);
        var token = Fill(tokens[position], own);
        var before = string.Join(' ', tokens[Math.Max(0, position - 2)..position]);
        var context = before.Length == 0 ? token : before + " " + token;
        var redacted = redact(context);
        if (redacted.EndsWith(token, StringComparison.Ordinal))
        {
            return own;
        }

        // the key before the value names it a secret: show the redactor's placeholder for it
        var marker = redacted.LastIndexOf("[REDACTED", StringComparison.Ordinal);
        var end = marker < 0 ? -1 : redacted.IndexOf(']', marker);
        return end < 0 ? Hidden : redacted[marker..(end + 1)];
    }

    /// <summary>
    /// The template token holding the wildcard as the report may print it (<c>password=hunter&lt;*&gt;</c> hides its constant part), seen with
    /// the two tokens before it as the template text is.
    /// </summary>
    internal static string RedactToken(string[] tokens, int position, Func<string, string>? redact)
    {
        var token = tokens[position];
        if (redact is null)
        {
            return token;
        }

        var redacted = redact(string.Join(' ', tokens[Math.Max(0, position - 2)..(position + 1)]));
        return redacted.EndsWith(token, StringComparison.Ordinal) ? token : redacted[(redacted.LastIndexOf(' ') + 1)..];
    }

    /// <summary>The template token with the value in place of its wildcards (<c>host=&lt;*&gt;:&lt;*&gt;</c> → <c>host=10.0.0.7:5432</c>).</summary>
    private static string Fill(string token, string value)
    {
        var first = token.IndexOf(Wildcard, StringComparison.Ordinal);
        var last = token.LastIndexOf(Wildcard, StringComparison.Ordinal);
        return first < 0 ? value : string.Concat(token.AsSpan(0, first), value, token.AsSpan(last + Wildcard.Length));
    }
}
