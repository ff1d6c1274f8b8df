using System.Text.RegularExpressions;

namespace Medic.Knowledge.Guides;

/// <summary>
/// Splits a code block into the commands it holds: shell lines (with <c>\</c> continuations, heredocs and the
/// comment above each), SQL statements (up to <c>;</c>, also when they sit in a shell block after a
/// <c>db-shell</c> line), and other snippets (config, code) whole.
/// </summary>
internal static partial class CodeSplitter
{
    private static readonly HashSet<string> ShellLanguages = new(StringComparer.OrdinalIgnoreCase) { "", "bash", "sh", "shell", "console", "zsh", "shell-session" };

    public static string Language(string? info, string code)
    {
        var language = (info ?? "").Trim().Split(' ', 2)[0].ToLowerInvariant();
        if (ShellLanguages.Contains(language))
        {
            var first = code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("--", StringComparison.Ordinal));
            return first is not null && IsSql(first) && language.Length == 0 ? "sql" : "shell";
        }

        return language;
    }

    public static IReadOnlyList<DiagnosticStep> Split(string? info, string code, int firstLine)
    {
        var language = Language(info, code);
        var lines = code.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        return language switch
        {
            "shell" => Shell(lines, firstLine),
            "sql" => Sql(lines, 0, firstLine, null).Steps,
            _ => code.Trim().Length == 0 ? [] : [new DiagnosticStep(code.TrimEnd(), language, firstLine)],
        };
    }

    public static bool IsSql(string line) => SqlStart().IsMatch(line);

    private static List<DiagnosticStep> Shell(string[] lines, int firstLine)
    {
        var steps = new List<DiagnosticStep>();
        string? comment = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                comment = null;
                continue;
            }

            if (line.StartsWith('#'))
            {
                comment = line.StartsWith("#!", StringComparison.Ordinal) ? null : line.TrimStart('#').Trim();
                continue;
            }

            if (IsSql(line) || line.StartsWith("--", StringComparison.Ordinal))
            {
                var (sql, next) = Sql(lines, i, firstLine, comment);
                steps.AddRange(sql);
                i = next - 1;
                comment = null;
                continue;
            }

            if (line[0] is '{' or '}' or '"' or '[' or ']')
            {
                continue; // sample output pasted into the block, not a command
            }

            var start = i;
            var command = line;
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            if (HeredocMarker().Match(command) is { Success: true } heredoc)
            {
                var end = heredoc.Groups[1].Value;
                while (i + 1 < lines.Length)
                {
                    var body = lines[++i];
                    command += "\n" + body;
                    if (body.Trim() == end)
                    {
                        break;
                    }
                }
            }

            steps.Add(new DiagnosticStep(command, "shell", firstLine + start, comment));
        }

        return steps;
    }

    private static (List<DiagnosticStep> Steps, int Next) Sql(string[] lines, int from, int firstLine, string? comment)
    {
        var steps = new List<DiagnosticStep>();
        var statement = new List<string>();
        var start = from;
        var i = from;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (statement.Count == 0)
            {
                if (line.Length == 0)
                {
                    comment = null;
                    continue;
                }

                if (line.StartsWith("--", StringComparison.Ordinal))
                {
                    comment = line.TrimStart('-').Trim();
                    continue;
                }

                if (!IsSql(line) && !line.StartsWith('.'))
                {
                    break; // back to shell
                }

                start = i;
                if (line.StartsWith('.'))
                {
                    steps.Add(new DiagnosticStep(line, "sql", firstLine + i, comment));
                    continue;
                }
            }

            var parts = line.Split(" --", 2);
            var code = parts[0].TrimEnd();
            comment ??= parts.Length == 2 ? parts[1].Trim() : null;
            statement.Add(code);
            if (code.EndsWith(';') || (line.Length == 0 && statement.Count > 0))
            {
                steps.Add(new DiagnosticStep(string.Join("\n", statement).Trim(), "sql", firstLine + start, comment));
                statement.Clear();
                comment = null;
            }
        }

        if (statement.Count > 0)
        {
            steps.Add(new DiagnosticStep(string.Join("\n", statement).Trim(), "sql", firstLine + start, comment));
        }

        return (steps, i);
    }

    [GeneratedRegex(@"^(SELECT|WITH|EXPLAIN|PRAGMA|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|VACUUM|ANALYZE|SHOW|SET|REINDEX|GRANT|REVOKE|TRUNCATE|BEGIN|COMMIT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SqlStart();

    [GeneratedRegex(@"<<-?\s*'?""?([A-Za-z_]+)'?""?")]
    private static partial Regex HeredocMarker();
}
