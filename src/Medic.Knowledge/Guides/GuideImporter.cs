using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Medic.Core.Model;

namespace Medic.Knowledge.Guides;

/// <summary>
/// Turns a Markdown troubleshooting guide into entries by its structure alone: every heading with content is an
/// entry; labelled parts (<c>**Symptoms:**</c>, <c>#### Solutions</c>, <c>Q:</c>, a sentence ending "causes:")
/// say where list items, tables and code go; tables are read by their header (code/message/resolution rows
/// become error-code entries, cause/fix rows causes and fixes).
/// </summary>
public static partial class GuideImporter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Reads and imports a guide file; unreadable or non-Markdown input is an <see cref="InputException"/>.</summary>
    public static Guide Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourcePosition.Start(path), $"cannot read guide: {e.Message}");
        }

        var bad = text.IndexOf('\0', StringComparison.Ordinal);
        if (bad >= 0)
        {
            var line = text.AsSpan(0, bad).Count('\n') + 1;
            throw new InputException(new SourcePosition(path, line, 1), "not a Markdown guide: the file is binary");
        }

        var guide = Parse(System.IO.Path.GetFileName(path), path, text);
        if (!guide.Entries.Any())
        {
            throw new InputException(SourcePosition.Start(path), "not a Markdown guide: no headings with content found");
        }

        return guide;
    }

    public static Guide Parse(string name, string path, string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var entries = new List<GuideEntry>();
        var stack = new List<(int Level, string Title)>();
        var anchors = new Anchors();
        string? title = null;
        EntryDraft? current = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                var raw = MarkdownText.Of(heading.Inline);
                if (current is not null && heading.Level > current.Level && Labels.ClassifyHeading(raw) is { } part)
                {
                    current.Part = part;
                    continue;
                }

                if (current is not null)
                {
                    entries.AddRange(current.Build(name));
                }

                title ??= heading.Level == 1 ? raw : null;
                while (stack.Count > 0 && stack[^1].Level >= heading.Level)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                var (clean, problem) = CleanTitle(raw);
                stack.Add((heading.Level, clean));
                current = new EntryDraft(clean, problem, heading.Level, stack.Select(s => s.Title).ToList(), anchors.Next(raw), heading.Line + 1);
                continue;
            }

            if (current is not null)
            {
                new BlockReader(current, name).Read(block);
            }
        }

        if (current is not null)
        {
            entries.AddRange(current.Build(name));
        }

        var guideTitle = title ?? name;
        var result = entries.Where(e => !IsTableOfContents(e)).ToList();
        return new Guide(name, path, guideTitle, result, GuideLint.Check(text, result));
    }

    private static (string Title, bool Problem) CleanTitle(string raw)
    {
        var match = ProblemPrefix().Match(raw);
        var title = NumberPrefix().Replace(match.Success ? raw[match.Length..] : raw, "").Trim();
        return (title.Length == 0 ? raw : title, match.Success);
    }

    private static bool IsTableOfContents(GuideEntry e) =>
        e.Title.Contains("contents", StringComparison.OrdinalIgnoreCase) && e.Diagnostics.Count == 0 && e.Symptoms.Count == 0;

    [GeneratedRegex(@"^(problem|issue|error|symptom)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ProblemPrefix();

    [GeneratedRegex(@"^\d+(\.\d+)*[.)]\s+")]
    private static partial Regex NumberPrefix();
}
