using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Logs.Triage;

/// <summary>
/// A runbook symptom made into something that matches log lines. A <c>regex:</c> symptom is used as it is. In a text
/// symptom, each <c>`quoted fragment`</c> is a log pattern in which a lone capital letter (<c>X</c>, <c>Y</c>, <c>N</c>)
/// stands for any value — the WebMACS guide's <c>QueuePool limit of X overflow Y reached</c>; a text symptom without
/// fragments must appear in the line as it is (ignoring case).
/// </summary>
public sealed partial class SymptomPattern
{
    private const int MinLiteral = 6;
    private readonly Regex _regex;

    private SymptomPattern(RunbookRef runbook, string symptom, Regex regex)
    {
        Runbook = runbook;
        Symptom = symptom;
        _regex = regex;
    }

    public RunbookRef Runbook { get; }

    /// <summary>The symptom as the runbook states it.</summary>
    public string Symptom { get; }

    /// <summary>The patterns one runbook symptom yields (none when it names nothing a log line could contain).</summary>
    public static IEnumerable<SymptomPattern> From(RunbookRef runbook, string text, Regex? regex)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (regex is not null)
        {
            yield return new SymptomPattern(runbook, text, regex);
            yield break;
        }

        var fragments = Fragments().Matches(text).Select(m => m.Groups[1].Value).Where(IsLogPattern).ToList();
        if (fragments.Count == 0)
        {
            if (text.Length >= MinLiteral && text.Length <= 80 && text.AsSpan().IndexOfAny("(`") < 0)
            {
                yield return new SymptomPattern(runbook, text, Build(text, placeholders: false));
            }

            yield break;
        }

        foreach (var fragment in fragments)
        {
            yield return new SymptomPattern(runbook, text, Build(fragment, placeholders: true));
        }
    }

    public bool Matches(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return _regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Fragments();

    /// <summary>A fragment worth matching: several words, or one identifier-like word (ErrCircuitOpen, SQLITE_BUSY), not a command.</summary>
    private static bool IsLogPattern(string fragment)
    {
        if (fragment.Length < MinLiteral || !fragment.Any(char.IsLetter) || fragment.Contains('|', StringComparison.Ordinal) || fragment.StartsWith('/'))
        {
            return false;
        }

        string[] commands = ["docker ", "journalctl", "grep ", "curl ", "sudo ", "systemctl ", "SELECT ", "psql ", "kubectl "];
        if (commands.Any(c => fragment.StartsWith(c, StringComparison.Ordinal)))
        {
            return false;
        }

        return fragment.Trim().Contains(' ', StringComparison.Ordinal)
            || fragment.Skip(1).Any(char.IsAsciiLetterUpper) || fragment.Contains('_', StringComparison.Ordinal);
    }

    private static Regex Build(string text, bool placeholders)
    {
        var pattern = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pattern.Length > 0)
            {
                pattern.Append(@"\s+");
            }

            pattern.Append(placeholders && word.Length == 1 && char.IsAsciiLetterUpper(word[0]) && word != "A" ? @"\S+(?:\s+\S+){0,2}?" : Regex.Escape(word));
        }

        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
