using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Medic.Knowledge.Guides;

/// <summary>Plain text out of Markdig inlines and blocks; code spans keep their content, markup goes.</summary>
internal static class MarkdownText
{
    public static string Of(Inline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return Collapse(text.ToString());
    }

    /// <summary>The text of the inlines after <paramref name="first"/>.</summary>
    public static string After(Inline first)
    {
        var text = new StringBuilder();
        for (var next = first.NextSibling; next is not null; next = next.NextSibling)
        {
            Append(text, next);
        }

        return Collapse(text.ToString());
    }

    public static string Of(Block block)
    {
        var text = new StringBuilder();
        AppendBlock(text, block);
        return Collapse(text.ToString());
    }

    public static IEnumerable<string> CodeSpans(Inline? inline)
    {
        if (inline is CodeInline code)
        {
            yield return code.Content;
        }
        else if (inline is ContainerInline container)
        {
            foreach (var child in container)
            {
                foreach (var span in CodeSpans(child))
                {
                    yield return span;
                }
            }
        }
    }

    private static void AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: not null } leaf:
                Append(text, leaf.Inline);
                text.Append(' ');
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                text.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(text, child);
                }

                break;
        }
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline auto:
                text.Append(auto.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
