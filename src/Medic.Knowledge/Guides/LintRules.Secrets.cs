using System.Text.RegularExpressions;
using Medic.Knowledge.Guides.Commands;

namespace Medic.Knowledge.Guides;

/// <summary>Rules for secrets on command lines, SQL LIKE wildcards and mutating commands shown as diagnostics.</summary>
internal static partial class LintRules
{
    private static void Secrets(IReadOnlyList<ShellWord> command, string line, List<LintWarning> warnings)
    {
        var words = command.Select(w => w.Text).ToList();
        foreach (var w in words.TakeWhile(IsAssignment))
        {
            var name = w[..w.IndexOf('=', StringComparison.Ordinal)];
            if (SecretName().IsMatch(name) && Literal(w[(name.Length + 1)..]))
            {
                Add(warnings, "secret-on-command-line", $"`{name}=…` puts the secret in the shell history and the process environment",
                    name.StartsWith("PG", StringComparison.Ordinal) ? "a ~/.pgpass entry (chmod 600) or PGPASSFILE" : $"read it from a file: {name}=\"$(cat /path/to/secret)\"", line);
            }
        }

        var words2 = Unwrap(command).Select(w => w.Text).ToList();
        if (words2.Count == 0)
        {
            return;
        }

        var program = words2[0];
        for (var i = 1; i < words2.Count; i++)
        {
            var w = words2[i];
            var next = i + 1 < words2.Count ? words2[i + 1] : null;
            if (program is "mysql" or "mysqladmin" or "mysqldump" && w.StartsWith("-p", StringComparison.Ordinal) && w.Length > 2 && Literal(w[2..]))
            {
                Add(warnings, "secret-on-command-line", $"`{w[..2]}<password>` is visible in `ps` and the shell history", $"{program} -p (prompt) or --defaults-extra-file=~/.my.cnf", line);
            }
            else if (program == "redis-cli" && w is "-a" or "--pass" && next is not null && Literal(next))
            {
                Add(warnings, "secret-on-command-line", "`redis-cli -a <password>` is visible in `ps` and the shell history", "REDISCLI_AUTH=\"$(cat /path/to/secret)\" redis-cli … (or --askpass)", line);
            }
            else if (program is "curl" or "wget" && w is "-u" or "--user" && next is not null && next.Contains(':', StringComparison.Ordinal) && Literal(next[(next.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            {
                Add(warnings, "secret-on-command-line", "`-u user:password` is visible in `ps` and the shell history", "curl --netrc-file ~/.netrc … (or -u user and type the password)", line);
            }
            else if (BearerLiteral().Match(w) is { Success: true } m && Literal(m.Groups["v"].Value))
            {
                Add(warnings, "secret-on-command-line", "a literal bearer token on the command line is visible in `ps` and the shell history", "curl -H @/path/to/auth-header.txt … (a file holding the Authorization line)", line);
            }
        }
    }

    /// <summary>A value written out (not <c>$VAR</c>, <c>$(…)</c> or empty).</summary>
    private static bool Literal(string value) => value.Length > 0 && !value.StartsWith('$') && !value.StartsWith('@');

    private static void LikeUnderscore(string line, List<LintWarning> warnings)
    {
        foreach (Match m in LikePattern().Matches(line))
        {
            var pattern = m.Groups["p"].Value;
            if (m.Groups["escape"].Success || !UnescapedUnderscore().IsMatch(pattern))
            {
                continue;
            }

            var escaped = UnescapedUnderscore().Replace(pattern, @"\_");
            Add(warnings, "like-underscore", $"`_` in LIKE '{pattern}' matches any one character, not only an underscore",
                $"{m.Groups["op"].Value} '{escaped}' ESCAPE '\\'", line);
        }
    }

    private static void Mutating(DiagnosticStep step, string line, string context, List<LintWarning> warnings)
    {
        var cls = CommandClassifier.Classify(step);
        if (!cls.Mutating || !DiagnosticWords().IsMatch(context) || FixWords().IsMatch(context))
        {
            return;
        }

        Add(warnings, "mutating-diagnostic", $"presented as a diagnostic, but it changes the system ({cls.MutatingReason})",
            "run a read-only check first; keep this command under the fix, after a backup", line);
    }

    [GeneratedRegex(@"(PASS(WORD)?|PASSWD|SECRET|TOKEN|API_?KEY)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"Authorization:\s*Bearer\s+(?<v>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex BearerLiteral();

    [GeneratedRegex(@"(?<op>\b(NOT\s+)?I?LIKE)\s+'(?<p>[^']*)'(?<escape>\s+ESCAPE\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex LikePattern();

    [GeneratedRegex(@"(?<!\\)_")]
    private static partial Regex UnescapedUnderscore();

    [GeneratedRegex(@"\b(check|checks|checking|diagnos\w*|verify|inspect|show|view|list|monitor|test|debug\w*|status|health|investigat\w*|identify|look)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiagnosticWords();

    [GeneratedRegex(@"\b(fix|fixes|resolv\w*|solution\w*|restor\w*|repair\w*|clean\w*|reset|remov\w*|recover\w*|purge|workaround|apply|rebuild|restart\w*|recreat\w*|delet\w*|clear\w*|drop|kill|terminat\w*|free|reclaim|increase|decrease|rotate|reinstall|migrat\w*|upgrade|emergency)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FixWords();
}
