using System.Text.RegularExpressions;
using Medic.Knowledge.Guides.Commands;

namespace Medic.Knowledge.Guides;

/// <summary>The lint rules, each over the simple commands of one line (see <see cref="ShellWords.Commands"/>).</summary>
internal static partial class LintRules
{
    public static IEnumerable<LintWarning> Check(string line, string language, string context)
    {
        var warnings = new List<LintWarning>();
        if (language == "sql" || ShellWords.LooksLikeSql(line) || line.Contains("LIKE", StringComparison.OrdinalIgnoreCase))
        {
            LikeUnderscore(line, warnings);
        }

        if (language == "sql")
        {
            Mutating(new DiagnosticStep(line, "sql", 0), line, context, warnings);
            return warnings;
        }

        var pipelines = Pipelines(line).ToList();
        foreach (var commands in pipelines)
        {
            for (var i = 0; i < commands.Count; i++)
            {
                var words = Unwrap(commands[i]);
                if (words.Count == 0)
                {
                    continue;
                }

                Base64Jwt(words, commands.Take(i).ToList(), line, warnings);
                DateEpoch(words, line, warnings);
                Ampersand(commands[i], line, warnings);
                Sqlite(words, line, warnings);
                Pprof(words, commands.Skip(i + 1).ToList(), line, warnings);
                Secrets(commands[i], line, warnings);
            }
        }

        Mutating(new DiagnosticStep(line, "shell", 0), line, context, warnings);
        return warnings;
    }

    /// <summary>The line's pipelines, then those of every <c>$(…)</c> and quoted command word (<c>watch 'curl …'</c>, <c>sh -c</c>).</summary>
    private static IEnumerable<IReadOnlyList<IReadOnlyList<ShellWord>>> Pipelines(string line, int depth = 0)
    {
        var commands = ShellWords.Commands(line);
        yield return commands;
        if (depth > 3)
        {
            yield break;
        }

        foreach (var word in commands.SelectMany(c => c))
        {
            var inner = word.Text.StartsWith("$(", StringComparison.Ordinal) && word.Text.EndsWith(')')
                ? word.Text[2..^1]
                : word.Quoted && word.Text.Contains(' ', StringComparison.Ordinal) && ShellWords.LooksLikeCommand(word.Text) ? word.Text : null;
            if (inner is null)
            {
                continue;
            }

            foreach (var p in Pipelines(inner, depth + 1))
            {
                yield return p;
            }
        }
    }

    private static List<ShellWord> Unwrap(IReadOnlyList<ShellWord> command)
    {
        var words = command.ToList();
        while (words.Count > 0 && (words[0].Text is "sudo" or "time" or "nice" or "nohup" or "env" || IsAssignment(words[0].Text)))
        {
            words.RemoveAt(0);
        }

        return words;
    }

    internal static bool IsAssignment(string word) =>
        word.Contains('=', StringComparison.Ordinal) && char.IsLetter(word[0])
        && word[..word.IndexOf('=', StringComparison.Ordinal)].All(c => char.IsLetterOrDigit(c) || c == '_');

    private static void Add(List<LintWarning> warnings, string rule, string message, string safe, string line) =>
        warnings.Add(new LintWarning(rule, 0, message, safe, line));

    private static bool Decodes(IReadOnlyList<ShellWord> words) =>
        words.Count > 0 && words[0].Text == "base64" && words.Skip(1).Any(w => w.Text is "-d" or "--decode" or "-D" or "-di" or "-id");

    private static void Base64Jwt(List<ShellWord> words, List<IReadOnlyList<ShellWord>> before, string line, List<LintWarning> warnings)
    {
        if (!Decodes(words) || before.Any(c => c.Count > 0 && c[0].Text is "tr" or "basenc" or "python3" or "python"))
        {
            return;
        }

        // A JWT segment: cut at dots, or the line talks about a token/JWT.
        var cutsDots = before.Any(c => c.Count > 0 && c[0].Text == "cut" && c.Any(w => w.Text is "-d." or "." || w.Text.StartsWith("-d.", StringComparison.Ordinal)));
        if (!cutsDots && !TokenWords().IsMatch(line))
        {
            return;
        }

        Add(warnings, "jwt-base64", "JWT segments are base64url without padding; plain `base64 -d` fails with `invalid input` or truncates",
            "cut -d. -f2 | tr '_-' '/+' | awk '{ while (length($0) % 4) $0 = $0 \"=\"; print }' | base64 -d", line);
    }

    private static void DateEpoch(List<ShellWord> words, string line, List<LintWarning> warnings)
    {
        if (words[0].Text != "date")
        {
            return;
        }

        var r = words.FindIndex(w => w.Text == "-r");
        if (r < 0 || r + 1 >= words.Count)
        {
            return;
        }

        var value = words[r + 1].Text;
        if (value.All(char.IsDigit) || value.StartsWith('$'))
        {
            Add(warnings, "date-r-epoch", "`date -r <epoch>` is BSD/macOS only; GNU date reads -r as a file (`No such file or directory`)",
                $"date -u -d @{value}", line);
        }
    }

    private static void Ampersand(IReadOnlyList<ShellWord> command, string line, List<LintWarning> warnings)
    {
        foreach (var w in command.Skip(1).Where(w => w.HasUnquotedAmpersand))
        {
            var start = line.IndexOf(w.Text, StringComparison.Ordinal);
            var end = start < 0 ? -1 : line.IndexOfAny([' ', '\t'], start);
            var url = start < 0 ? w.Text : end < 0 ? line[start..] : line[start..end];
            var safe = start < 0 ? $"'{url}'" : line[..start] + $"'{url}'" + (end < 0 ? "" : line[end..]);
            Add(warnings, "unquoted-ampersand", $"unquoted `&` in `{url}`: the shell runs the command in the background without the rest of the query string",
                safe, line);
        }
    }

    private static void Sqlite(List<ShellWord> words, string line, List<LintWarning> warnings)
    {
        if (words[0].Text != "sqlite3" || words.Any(w => w.Text is "-readonly" or "--readonly" or "-version" or "--version" or "-help" or "--help"))
        {
            return;
        }

        var path = words.Skip(1).FirstOrDefault(w => !w.Text.StartsWith('-'));
        if (path is null || (path.Text.StartsWith("file:", StringComparison.Ordinal) && path.Text.Contains("mode=ro", StringComparison.Ordinal)))
        {
            return;
        }

        Add(warnings, "sqlite-creates", $"`sqlite3 {path.Text}` creates an empty database when the path is wrong, and can write to the one it opens",
            $"sqlite3 -readonly {path.Text} … (or sqlite3 'file:{path.Text}?mode=ro')", line);
    }

    private static void Pprof(List<ShellWord> words, List<IReadOnlyList<ShellWord>> after, string line, List<LintWarning> warnings)
    {
        foreach (var w in words.Where(w => w.Text.Contains("/debug/pprof/", StringComparison.Ordinal)))
        {
            var text = w.Text;
            var binary = DebugZero().IsMatch(text)
                || (!text.Contains("debug=", StringComparison.Ordinal) && after.Any(c => c.Count > 0 && c[0].Text is "head" or "grep" or "wc" or "less" or "tail"));
            if (binary && !words.Any(x => x.Text == "-o") && !after.Any(c => c.Count > 0 && c[0].Text == "go"))
            {
                var safe = DebugZero().IsMatch(text) ? DebugZero().Replace(text, "${sep}debug=1") : text + (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "debug=1";
                Add(warnings, "pprof-binary", "pprof endpoints return protobuf without `debug=1`/`debug=2`; text tools see binary",
                    line.Replace(text, safe, StringComparison.Ordinal), line);
            }
        }
    }

    [GeneratedRegex(@"\b(jwt|token|bearer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TokenWords();

    [GeneratedRegex(@"(?<sep>[?&])debug=0\b")]
    private static partial Regex DebugZero();
}
