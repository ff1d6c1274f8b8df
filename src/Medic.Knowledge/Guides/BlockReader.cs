using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Medic.Knowledge.Guides;

/// <summary>Puts one block under a heading into the draft's symptoms, causes, fixes, diagnostics, codes or body.</summary>
internal sealed class BlockReader(EntryDraft draft, string guide)
{
    public void Read(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                ReadParagraph(paragraph);
                break;
            case ListBlock list:
                ReadList(list);
                break;
            case CodeBlock code:
                ReadCode(code);
                break;
            case Table table:
                ReadTable(table);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Read(child);
                }

                break;
            case LeafBlock leaf when leaf is not ThematicBreakBlock and not HtmlBlock:
                draft.AddBody(MarkdownText.Of(leaf));
                break;
        }
    }

    private void ReadParagraph(ParagraphBlock paragraph)
    {
        var text = MarkdownText.Of(paragraph.Inline);
        if (Label.Of(paragraph) is { } label)
        {
            var part = Labels.Classify(label.Name);
            draft.Part = part;
            if (part == Part.Question)
            {
                draft.Symptoms.Add(label.Name[(label.Name.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                draft.HasContent = true;
                Add(label.Rest, paragraph.Inline);
                return;
            }

            if (part == Part.Other)
            {
                draft.AddBody(label.Name);
            }

            Add(label.Rest, paragraph.Inline);
            return;
        }

        if (text.StartsWith("A:", StringComparison.Ordinal))
        {
            text = text[2..].Trim();
        }

        Add(text, paragraph.Inline);
        if (Labels.FromTrailingColon(text) is { } announced)
        {
            draft.Part = announced;
        }
    }

    private void Add(string text, ContainerInline? inline)
    {
        if (text.Length == 0)
        {
            return;
        }

        switch (draft.Part)
        {
            case Part.Symptoms:
                draft.Symptoms.Add(text);
                draft.HasContent = true;
                return;
            case Part.Fixes or Part.CausesAndFixes:
                draft.Fixes.Add(text);
                break;
            case Part.Causes:
                draft.Causes.Add(text);
                break;
        }

        draft.AddBody(text);
        AddInlineCommands(inline);
    }

    private void ReadList(ListBlock list)
    {
        if (list.OfType<ListItemBlock>().All(IsLinkOnly))
        {
            return; // a table of contents or a list of links
        }

        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = item.OfType<ParagraphBlock>().FirstOrDefault();
            var label = first is null ? null : Label.Of(first);
            var text = MarkdownText.Of(item);
            var name = label?.Name ?? text;
            switch (draft.Part)
            {
                case Part.Symptoms:
                    draft.Symptoms.Add(text);
                    break;
                case Part.Causes:
                    draft.Causes.Add(name);
                    break;
                case Part.Fixes:
                    draft.Fixes.Add(text);
                    break;
                case Part.CausesAndFixes:
                    draft.Causes.Add(name);
                    draft.Fixes.Add(text);
                    break;
                case Part.None when draft.NamedProblem:
                    draft.Causes.Add(text);
                    break;
            }

            draft.AddBody(text);
            foreach (var child in item)
            {
                switch (child)
                {
                    case ParagraphBlock p when draft.Part != Part.Symptoms:
                        AddInlineCommands(p.Inline);
                        break;
                    case CodeBlock code:
                        ReadCode(code);
                        break;
                    case ListBlock nested:
                        foreach (var p in nested.Descendants<ParagraphBlock>())
                        {
                            AddInlineCommands(p.Inline);
                        }

                        foreach (var code in nested.Descendants<CodeBlock>())
                        {
                            ReadCode(code);
                        }

                        break;
                }
            }
        }
    }

    private void ReadCode(CodeBlock code)
    {
        var info = (code as FencedCodeBlock)?.Info;
        var steps = CodeSplitter.Split(info, code.Lines.ToString(), code.Line + (code is FencedCodeBlock ? 2 : 1));
        draft.Diagnostics.AddRange(steps);
        draft.HasContent |= steps.Count > 0;
    }

    private void ReadTable(Table table)
    {
        var read = TableReader.Read(table);
        foreach (var row in read.Rows)
        {
            draft.AddBody(string.Join(" | ", row.Text));
        }

        switch (read.Shape)
        {
            case TableReader.Shape.CausesAndFixes:
                foreach (var row in read.Rows)
                {
                    var cause = row.Cells.GetValueOrDefault(TableReader.Role.Cause, "");
                    var meaning = row.Cells.GetValueOrDefault(TableReader.Role.Meaning);
                    draft.Causes.Add(meaning is null ? cause : $"{cause} ({meaning})");
                    draft.Fixes.Add(row.Cells.GetValueOrDefault(TableReader.Role.Fix, ""));
                    AddCommands(row.CodeSpans, row.Line);
                }

                break;
            case TableReader.Shape.Commands:
                foreach (var row in read.Rows)
                {
                    var command = row.Cells.GetValueOrDefault(TableReader.Role.Command, "");
                    if (command.Length > 0)
                    {
                        draft.Diagnostics.Add(new DiagnosticStep(command, Commands.ShellWords.LooksLikeSql(command) ? "sql" : "shell", row.Line, row.Text[0]));
                    }
                }

                break;
            case TableReader.Shape.ErrorCodes:
                foreach (var row in read.Rows)
                {
                    AddCode(row);
                }

                break;
        }
    }

    private void AddCode(TableReader.Row row)
    {
        var code = row.Cells.GetValueOrDefault(TableReader.Role.Code, "").Trim();
        if (code.Length == 0)
        {
            return;
        }

        var message = row.Cells.GetValueOrDefault(TableReader.Role.Message);
        var meaning = row.Cells.GetValueOrDefault(TableReader.Role.Meaning);
        var fix = row.Cells.GetValueOrDefault(TableReader.Role.Fix);
        draft.Codes.Add(new GuideEntry
        {
            Guide = guide,
            Kind = EntryKind.ErrorCode,
            Title = $"{code}: {message ?? meaning ?? fix}",
            SectionPath = draft.Path,
            Anchor = draft.Anchor,
            Line = row.Line,
            Code = code,
            Message = message,
            Meaning = meaning,
            Resolution = fix,
            Causes = meaning is null ? [] : [meaning],
            Fixes = fix is null ? [] : [fix],
            Body = string.Join(" | ", row.Text),
        });
    }

    private void AddInlineCommands(ContainerInline? inline) => AddCommands(MarkdownText.CodeSpans(inline), (inline?.ParentBlock?.Line ?? 0) + 1);

    private void AddCommands(IEnumerable<string> spans, int line)
    {
        foreach (var span in spans)
        {
            if (Commands.ShellWords.LooksLikeCommand(span))
            {
                draft.Diagnostics.Add(new DiagnosticStep(span.Trim(), Commands.ShellWords.LooksLikeSql(span) ? "sql" : "shell", line));
            }
        }
    }

    private static bool IsLinkOnly(ListItemBlock item) =>
        item.Count == 1 && item[0] is ParagraphBlock { Inline.FirstChild: LinkInline link } p && link.NextSibling is null && p.Inline.LastChild == link
        || item.Count == 2 && item[0] is ParagraphBlock { Inline.FirstChild: LinkInline } && item[1] is ListBlock nested && nested.OfType<ListItemBlock>().All(IsLinkOnly);
}
