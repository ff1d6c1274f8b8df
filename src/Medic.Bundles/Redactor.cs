using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Bundles;

/// <summary>
/// Removes secrets from text. The same secret always becomes the same placeholder for the lifetime of
/// one redactor (one bundle), and the redactor counts how many values each rule replaced, never keeping
/// the values in its output. Lines are screened with a vectorised keyword search before any regex runs.
/// </summary>
public sealed partial class Redactor
{
    public const string Marker = "[REDACTED:";

    private readonly Dictionary<string, string> placeholders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> distinctPerRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>Values replaced, per rule name (occurrences, not distinct values).</summary>
    public IReadOnlyDictionary<string, int> Counts => counts;

    /// <summary>Distinct values replaced, per rule (each secret counts once, under the rule that first found it).</summary>
    public IReadOnlyDictionary<string, int> DistinctCounts => distinctPerRule;

    public int Total => counts.Values.Sum();

    /// <summary>Host and address mapping applied after the secret rules (<c>--redact-hosts</c>), or none.</summary>
    public HostMap? Hosts { get; init; }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = RedactKnown(text);
        text = RedactRules(text);
        return Hosts is null ? text : Hosts.Apply(text);
    }

    private string RedactRules(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(RedactionRules.Triggers) < 0)
        {
            return text;
        }
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            text = RedactPem(text);
            span = text.AsSpan();
        }
        var output = new StringBuilder(text.Length);
        var position = 0;
        while (position < span.Length)
        {
            var hit = span[position..].IndexOfAny(RedactionRules.Triggers);
            if (hit < 0)
            {
                output.Append(span[position..]);
                break;
            }
            hit += position;
            var lineStart = span[position..hit].LastIndexOf('\n') + 1 + position;
            var newline = span[hit..].IndexOf('\n');
            var lineEnd = newline < 0 ? span.Length : hit + newline + 1;
            output.Append(span[position..lineStart]);
            output.Append(RedactLine(span[lineStart..lineEnd].ToString()));
            position = lineEnd;
        }
        return output.ToString();
    }

    private string RedactPem(string text) =>
        RedactionRules.PemPrivateKey().Replace(text, m => Placeholder("pem-private-key", m.Value));

    private string RedactLine(string line)
    {
        line = ReplaceGroup(RedactionRules.UrlCredentials(), line, "url-credentials");
        line = ReplaceGroup(RedactionRules.AuthorizationHeader(), line, "authorization-header");
        line = ReplaceGroup(RedactionRules.CookieHeader(), line, "cookie-header");
        line = RedactionRules.Jwt().Replace(line, m => Placeholder("jwt", m.Value));
        line = RedactionRules.CloudKey().Replace(line, m => Placeholder("cloud-key", m.Value));
        line = ReplaceGroup(RedactionRules.SpaceSeparatedSecret(), line, "secret-key");
        return ReplaceGroup(RedactionRules.SecretKeyValue(), line, "secret-key");
    }

    private string ReplaceGroup(Regex regex, string line, string rule) =>
        regex.Replace(line, m =>
        {
            var value = m.Groups["v"].Value;
            var quote = value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0];
            var inner = quote ? value[1..^1] : value;
            if (inner.Length == 0 || inner.Contains(Marker, StringComparison.Ordinal) || IsPlaceholderFragment(inner) || RedactionRules.NotValues.Contains(inner))
            {
                return m.Value;
            }
            var replaced = Placeholder(rule, inner);
            return m.Groups["pre"].Value + (quote ? value[0] + replaced + value[0] : replaced);
        });

    private static bool IsPlaceholderFragment(string value) =>
        value.StartsWith("REDACTED:", StringComparison.Ordinal);

    private string Placeholder(string rule, string secret)
    {
        counts[rule] = counts.GetValueOrDefault(rule) + 1;
        if (placeholders.TryGetValue(secret, out var existing))
        {
            return existing;
        }
        var n = distinctPerRule.GetValueOrDefault(rule) + 1;
        distinctPerRule[rule] = n;
        var placeholder = string.Create(CultureInfo.InvariantCulture, $"{Marker}{rule}#{n}]");
        placeholders[secret] = placeholder;
        return placeholder;
    }
}
