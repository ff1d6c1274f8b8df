namespace Medic.Knowledge.Guides;

/// <summary>Classifies labels by the words guides use for the parts of a problem, whatever their markup.</summary>
internal static class Labels
{
    // A heading is a part of its parent problem only when it is made of these words alone:
    // "#### Symptoms", "### Causes & Fixes", but not "## Diagnostic Tools".
    private static readonly HashSet<string> HeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "symptom", "symptoms", "cause", "causes", "solution", "solutions", "fix", "fixes", "resolution",
        "resolutions", "diagnosis", "diagnostic", "diagnostics", "steps", "possible", "potential", "common",
        "likely", "and", "&", "/", "how", "to", "workaround", "workarounds",
    };

    public static Part Classify(string label)
    {
        var text = label.Trim().TrimEnd(':').Trim().ToLowerInvariant();
        if (text.StartsWith("q:", StringComparison.Ordinal) || text.StartsWith("question", StringComparison.Ordinal))
        {
            return Part.Question;
        }

        var cause = text.Contains("cause", StringComparison.Ordinal) || text.Contains("reason", StringComparison.Ordinal);
        var fix = text.Contains("fix", StringComparison.Ordinal) || text.Contains("solution", StringComparison.Ordinal)
            || text.Contains("resolution", StringComparison.Ordinal) || text.Contains("workaround", StringComparison.Ordinal)
            || text.Contains("remed", StringComparison.Ordinal);
        return (cause, fix) switch
        {
            (true, true) => Part.CausesAndFixes,
            (true, false) => Part.Causes,
            (false, true) => Part.Fixes,
            _ when text.Contains("symptom", StringComparison.Ordinal) => Part.Symptoms,
            _ when text.Contains("diagnos", StringComparison.Ordinal) => Part.Diagnostics,
            _ => Part.Other,
        };
    }

    public static Part? ClassifyHeading(string heading)
    {
        var words = heading.TrimEnd(':').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 5 || !words.All(HeadingWords.Contains))
        {
            return null;
        }

        var part = Classify(heading);
        return part == Part.Other ? null : part;
    }

    /// <summary>A sentence that announces a list ("Common causes:") switches the part too.</summary>
    public static Part? FromTrailingColon(string paragraph)
    {
        var text = paragraph.TrimEnd();
        if (!text.EndsWith(':'))
        {
            return null;
        }

        var start = text.LastIndexOfAny(['.', '!', '?'], text.Length - 2) + 1;
        var part = Classify(text[start..]);
        return part is Part.Other or Part.Question ? null : part;
    }
}
