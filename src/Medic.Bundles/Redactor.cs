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
        if (span.IndexOfAny(RedactionRules.Triggers) < 0 && span.IndexOf('@') < 0)
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
        // The keyword search (multi-string, vectorised) and the '@' of URL credentials (single char, faster still)
        // run separately: a one-character needle would push the keyword search off its fast path.
        var nextKeyword = -1;
        var nextAt = -1;
        while (position < span.Length)
        {
            if (nextKeyword < position)
            {
                nextKeyword = Find(span, position, static s => s.IndexOfAny(RedactionRules.Triggers));
            }
            if (nextAt < position)
            {
                nextAt = Find(span, position, static s => s.IndexOf('@'));
            }
            var hit = Math.Min(nextKeyword, nextAt);
            if (hit == int.MaxValue)
            {
                output.Append(span[position..]);
                break;
            }
            var lineStart = span[position..hit].LastIndexOf('\n') + 1 + position;
            var newline = span[hit..].IndexOf('\n');
            var lineEnd = newline < 0 ? span.Length : hit + newline + 1;
            output.Append(span[position..lineStart]);
            output.Append(RedactLine(span[lineStart..lineEnd].ToString()));
            position = lineEnd;
        }
        return output.ToString();
    }

    private delegate int Search(ReadOnlySpan<char> span);

    private static int Find(ReadOnlySpan<char> span, int from, Search search)
    {
        var i = search(span[from..]);
        return i < 0 ? int.MaxValue : i + from;
    }

    private string RedactPem(string text) =>
        RedactionRules.PemPrivateKey().Replace(text, m => Placeholder("pem-private-key", m.Value));

    private string RedactLine(string line)
    {
        // Each rule runs only on a line holding its own cheap marker; the regexes are the expensive part.
        if (line.Contains("://", StringComparison.Ordinal) && line.Contains('@', StringComparison.Ordinal))
        {
            line = ReplaceGroup(RedactionRules.UrlCredentials(), line, "url-credentials");
        }
        if (line.Contains("authorization", StringComparison.OrdinalIgnoreCase))
        {
            line = ReplaceGroup(RedactionRules.AuthorizationHeader(), line, "authorization-header");
        }
        if (line.Contains("cookie", StringComparison.OrdinalIgnoreCase))
        {
            line = ReplaceGroup(RedactionRules.CookieHeader(), line, "cookie-header");
        }
        if (line.Contains("eyJ", StringComparison.Ordinal))
        {
            line = RedactionRules.Jwt().Replace(line, m => Placeholder("jwt", m.Value));
        }
        if (line.AsSpan().IndexOfAny(RedactionRules.CloudKeyMarkers) >= 0)
        {
            line = RedactionRules.CloudKey().Replace(line, m => Placeholder("cloud-key", m.Value));
        }
        if (line.AsSpan().IndexOfAny(RedactionRules.DirectiveMarkers) >= 0)
        {
            line = ReplaceGroup(RedactionRules.SpaceSeparatedSecret(), line, "secret-key");
        }
        return line.AsSpan().IndexOfAny(':', '=') >= 0 && line.AsSpan().IndexOfAny(RedactionRules.SecretWords) >= 0
            ? ReplaceGroup(RedactionRules.SecretKeyValue(), line, "secret-key")
            : line;
    }

    private string ReplaceGroup(Regex regex, string line, string rule) =>
        regex.Replace(line, m =>
        {
            var value = m.Groups["v"].Value;
            var quote = value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0];
            var inner = quote ? value[1..^1] : value;
            if (inner.Length == 0 || inner.Contains(Marker, StringComparison.Ordinal) || IsPlaceholderFragment(inner) || RedactionRules.NotValues.Contains(inner)
                || IsWildcard(inner))
            {
                return m.Value;
            }
            var replaced = Placeholder(rule, inner);
            return m.Groups["pre"].Value + (quote ? value[0] + replaced + value[0] : replaced);
        });

    private static bool IsPlaceholderFragment(string value) =>
        value.StartsWith("REDACTED:", StringComparison.Ordinal);

    /// <summary>
    /// A log template's variable (<c>&lt;*&gt;</c>, <c>&lt;*&gt;.&lt;*&gt;</c>): it stands for values, it is not one, so
    /// <c>password=&lt;*&gt;</c> keeps its wildcard. Any letter or digit beside the wildcards makes it a value again.
    /// </summary>
    private static bool IsWildcard(string value) =>
        value.Contains("<*>", StringComparison.Ordinal)
        && !value.Replace("<*>", "", StringComparison.Ordinal).Any(char.IsLetterOrDigit);

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
