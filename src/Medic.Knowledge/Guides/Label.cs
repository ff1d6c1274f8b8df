using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Medic.Knowledge.Guides;

/// <summary>A paragraph that opens with bold text as a label (<c>**Symptom:** text</c>, <c>**Binary not executable**:</c>) split into the label and the rest.</summary>
internal sealed record Label(string Name, string Rest)
{
    public static Label? Of(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 2 } strong)
        {
            return null;
        }

        var name = MarkdownText.Of(strong);
        var rest = MarkdownText.After(strong);
        var colon = name.EndsWith(':');
        if (!colon && rest.StartsWith(':'))
        {
            colon = true;
            rest = rest[1..].TrimStart();
        }

        var isQuestion = name.StartsWith("Q:", StringComparison.OrdinalIgnoreCase);
        return colon || isQuestion || rest.Length == 0 ? new Label(name.TrimEnd(':').Trim(), rest) : null;
    }
}
