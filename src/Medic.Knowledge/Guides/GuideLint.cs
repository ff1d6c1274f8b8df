using Medic.Knowledge.Guides.Commands;

namespace Medic.Knowledge.Guides;

/// <summary>
/// Warnings about commands in a guide that are wrong or dangerous as written. Every diagnostic step the importer
/// found (fenced code, table cells, inline code) is split into simple commands with <see cref="ShellWords"/>
/// (commands inside <c>$(…)</c> and <c>watch '…'</c> included) and checked by the rules in <see cref="LintRules"/>.
/// </summary>
internal static class GuideLint
{
    public static IReadOnlyList<LintWarning> Check(string text, IReadOnlyList<GuideEntry> entries)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'); // as Markdig counts lines
        var seen = new HashSet<(string, int)>();
        var warnings = new List<LintWarning>();
        foreach (var step in entries.SelectMany(e => e.Diagnostics).DistinctBy(s => (s.Line, s.Command)))
        {
            var parts = step.Command.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                if (part.Length == 0 || part.StartsWith('#'))
                {
                    continue;
                }

                var line = LineOf(lines, part, step.Line + i);
                foreach (var w in LintRules.Check(part, step.Language, Context(lines, step.Line, step.Comment)))
                {
                    if (seen.Add((w.Rule, line)))
                    {
                        warnings.Add(w with { Line = line });
                    }
                }
            }
        }

        return [.. warnings.OrderBy(w => w.Line).ThenBy(w => w.Rule, StringComparer.Ordinal)];
    }

    /// <summary>The 1-based line holding <paramref name="part"/>, searching from the step's line; the guess when not found.</summary>
    private static int LineOf(string[] lines, string part, int guess)
    {
        foreach (var probe in new[] { part, part.Length > 40 ? part[..40] : part })
        {
            for (var i = Math.Max(0, guess - 2); i < Math.Min(lines.Length, guess + 30); i++)
            {
                if (lines[i].Contains(probe, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }
        }

        var anywhere = Array.FindIndex(lines, l => l.Contains(part, StringComparison.Ordinal));
        return anywhere >= 0 ? anywhere + 1 : Math.Clamp(guess, 1, Math.Max(1, lines.Length));
    }

    /// <summary>What introduces a step: its comment and the prose lines just above it (for "presented as a diagnostic").</summary>
    private static string Context(string[] lines, int line, string? comment)
    {
        var above = new List<string>();
        for (var i = Math.Min(line - 2, lines.Length - 1); i >= 0 && above.Count < 3; i--)
        {
            var l = lines[i].Trim();
            if (l.StartsWith("```", StringComparison.Ordinal) || l.Length == 0)
            {
                continue;
            }

            above.Add(l);
            if (l.StartsWith('#'))
            {
                break;
            }
        }

        return string.Join(" ", above.Prepend(comment ?? ""));
    }
}
