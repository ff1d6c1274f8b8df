using System.Text;

namespace Medic.Knowledge.Guides.Commands;

/// <summary>A small POSIX-ish shell tokenizer: quotes, escapes, <c>$(…)</c> kept whole, operators split out, simple commands of a pipeline.</summary>
public static class ShellWords
{
    private static readonly HashSet<string> KnownPrograms = new(StringComparer.Ordinal)
    {
        "curl", "wget", "psql", "pg_isready", "pg_restore", "pg_dump", "redis-cli", "sqlite3", "journalctl", "grep", "egrep",
        "tail", "head", "cat", "less", "ss", "netstat", "lsof", "du", "df", "systemctl", "service", "docker", "docker-compose",
        "kubectl", "ps", "top", "pgrep", "kill", "pkill", "killall", "rm", "mv", "cp", "chmod", "chown", "ls", "make", "go",
        "ping", "traceroute", "telnet", "nc", "dig", "nslookup", "ufw", "iptables", "iostat", "vmstat", "free", "uname",
        "alembic", "nats", "aws", "echo", "tar", "mkdir", "watch", "wscat", "websocat", "jq", "find", "openssl", "date",
        "base64", "cut", "crontab", "ldd", "just", "sudo", "nginx", "htop", "strace", "dmesg", "mysql", "mongo", "npm", "pip",
    };

    public static IReadOnlyList<ShellWord> Tokenize(string line)
    {
        var words = new List<ShellWord>();
        var word = new StringBuilder();
        bool quoted = false, inWord = false, ampersand = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                end = end < 0 ? line.Length : end;
                word.Append(line, i + 1, end - i - 1);
                quoted = inWord = true;
                i = end;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
            {
                var end = Closing(line, i + 1);
                word.Append(line, i, end - i + 1);
                inWord = true;
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '|' or ';' or '&' or '>' or '<')
            {
                if (c == '&' && inWord && word.Length > 0 && word[^1] != '>' && i + 1 < line.Length && line[i + 1] != '&' && !char.IsWhiteSpace(line[i + 1]))
                {
                    // "a?b=1&c=2" unquoted: the shell ends the command here and backgrounds it.
                    ampersand = true;
                }

                Flush();
                var op = c.ToString();
                if (i + 1 < line.Length && (line[i + 1] == c || (c == '>' && line[i + 1] == '&')))
                {
                    op += line[++i];
                }

                words.Add(new ShellWord(op, false, true));
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(new ShellWord(word.ToString(), quoted, false, ampersand));
            }

            word.Clear();
            quoted = inWord = ampersand = false;
        }
    }

    /// <summary>The simple commands of a line: split at <c>| ; &amp;&amp; || &amp;</c>, redirections dropped.</summary>
    public static IReadOnlyList<IReadOnlyList<ShellWord>> Commands(string line)
    {
        var commands = new List<IReadOnlyList<ShellWord>>();
        var current = new List<ShellWord>();
        var words = Tokenize(line);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Operator && w.Text is "|" or ";" or "&&" or "||" or "&")
            {
                Add();
            }
            else if (w.Operator)
            {
                i++; // a redirection and its target
            }
            else
            {
                current.Add(w);
            }
        }

        Add();
        return commands;

        void Add()
        {
            if (current.Count > 0)
            {
                commands.Add(current);
            }

            current = [];
        }
    }

    public static bool LooksLikeSql(string text) => CodeSplitter.IsSql(text.TrimStart());

    /// <summary>Whether an inline code span reads as a command to run rather than a name or a value.</summary>
    public static bool LooksLikeCommand(string text)
    {
        var trimmed = text.Trim();
        if (LooksLikeSql(trimmed))
        {
            return trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.EndsWith(';');
        }

        var words = Tokenize(trimmed);
        if (words.Count == 0 || words[0].Operator)
        {
            return false;
        }

        var first = words[0].Text;
        return KnownPrograms.Contains(first)
            || first.StartsWith("./", StringComparison.Ordinal)
            || (words.Count > 1 && words[1].Text.StartsWith('-') && first.All(c => char.IsLower(c) || char.IsDigit(c) || c is '-' or '_' or '/' or '.'));
    }

    private static int Closing(string line, int open)
    {
        var depth = 0;
        for (var i = open; i < line.Length; i++)
        {
            if (line[i] == '(')
            {
                depth++;
            }
            else if (line[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return line.Length - 1;
    }
}
