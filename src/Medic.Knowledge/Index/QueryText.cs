using System.Text.RegularExpressions;

namespace Medic.Knowledge.Index;

/// <summary>
/// Turns what a user types or pastes into search terms: numbers, IDs, addresses, paths, timestamps and quoted
/// values are dropped (they differ in every log line), words are lower-cased and stop words removed; things that
/// look like error codes (<c>1003</c>, <c>AUTH007</c>, <c>ErrCircuitOpen</c>, <c>QueuePool</c>) are kept for exact lookup.
/// </summary>
public static partial class QueryText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "i", "my", "me", "we", "our", "you", "your", "it",
        "its", "this", "that", "these", "those", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "so", "do",
        "does", "did", "how", "what", "why", "when", "where", "which", "who", "can", "cannot", "can't", "could", "should",
        "would", "will", "there", "here", "from", "by", "as", "if", "then", "than", "keep", "keeps", "get", "gets", "getting",
        "got", "any", "all", "some", "after", "before", "just", "also", "about", "into", "out", "up", "has", "have", "had",
        "no", "not", "our", "us", "they", "them", "their", "s", "im", "ive", "dont", "doesnt", "help", "please", "now",
        "still", "every", "again", "very", "too", "seems", "seem", "see", "saying", "says", "shows", "show", "showing",
        "error", "errors", "level", "msg", "time", "ts", "err",

        // The rest of the NLTK English list, and what contractions leave behind once the apostrophe splits them
        // ("won't" is "won" and "t"), so a user's "won't start" is "start" and not a title that says "Won't".
        "more", "most", "other", "such", "only", "own", "same", "few", "both", "each", "once", "further", "while",
        "because", "until", "between", "through", "during", "off", "over", "under", "nor", "don", "won", "wouldn", "isn",
        "aren", "couldn", "didn", "doesn", "hadn", "hasn", "haven", "mightn", "mustn", "needn", "shan", "shouldn", "wasn",
        "weren", "ll", "re", "ve",
    };

    public static IReadOnlyList<string> Terms(string text)
    {
        // key=value: keep a quoted value with spaces (a message), drop a single-token value (an id, a number).
        var pairs = KeyValue().Replace(text, m => m.Groups[2].Value.Contains(' ', StringComparison.Ordinal) ? " " + m.Groups[2].Value.Trim('"', '\'') + " " : " ");
        var cleaned = Noise().Replace(pairs, " ");
        var terms = new List<string>();
        foreach (Match m in Word().Matches(SplitCamel(cleaned)))
        {
            var word = m.Value.ToLowerInvariant().Trim('_');
            if (word.Length >= 2 && !StopWords.Contains(word) && !terms.Contains(word))
            {
                terms.Add(word);
            }
        }

        // A port is the one number a guide names as well ("port 3001 is in use"): keep it as a term.
        foreach (Match m in Port().Matches(text))
        {
            if (!terms.Contains(m.Groups[1].Value))
            {
                terms.Add(m.Groups[1].Value);
            }
        }

        return terms.Take(32).ToList();
    }

    /// <summary>The words of a text as typed, lower-cased, without splitting camelCase ("CodeAI" stays "codeai").</summary>
    public static HashSet<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant().Trim('_')).Where(w => w.Length >= 2 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The FTS5 MATCH expression: every term OR-ed, plus each pair of neighbouring terms as a NEAR group, so an
    /// entry that carries the pasted message's words together ranks above one that has them scattered.
    /// </summary>
    public static string MatchExpression(IReadOnlyList<string> terms)
    {
        var parts = terms.Select(Quote).ToList();
        for (var i = 0; i + 1 < terms.Count && i < 12; i++)
        {
            parts.Add($"NEAR({Quote(terms[i])} {Quote(terms[i + 1])}, 2)");
        }

        return string.Join(" OR ", parts);

        static string Quote(string t) => "\"" + t.Replace("\"", "", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Candidate error codes in the text: numbers of 3-5 digits, LETTERS+digits, Err/Error identifiers, CamelCase words.</summary>
    public static IReadOnlyList<string> Codes(string text) =>
        CodeLike().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Index-side text: camelCase split added so "QueuePool" also matches "queue pool".</summary>
    public static string ForIndex(string text) => text + " " + SplitCamel(text);

    private static string SplitCamel(string text) => Camel().Replace(text, "$1 $2");

    [GeneratedRegex(@"""[^""\s]*""|'[^'\s]*'|`[^`\s]*`|\b\d{4}-\d{2}-\d{2}[T ][\d:.,]+Z?|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b|(?<![\w])/[\w.\-/]+|\b0x[0-9a-f]+\b|\b[0-9a-f]*\d[0-9a-f]*\b|\b\d+(\.\d+)?(ms|s|m|h|%|kb|mb|gb)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?<=(?:^|[\s\]A-Za-z]|\b\d{1,3}(?:\.\d{1,3}){3})):(\d{3,5})(?![\d.]|:\d)")]
    private static partial Regex Port();

    [GeneratedRegex(@"\b([A-Za-z_]\w*)=(""[^""]*""|'[^']*'|\S+)")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"([a-z])([A-Z])")]
    private static partial Regex Camel();

    [GeneratedRegex(@"\b(\d{3,5}|(?i:[a-z]{2,}\d{2,})|Err[A-Z]\w+|\w+Error\b|[A-Z][a-z]+[A-Z]\w*)\b")]
    private static partial Regex CodeLike();
}
