using System.Text;

namespace Medic.Probes.Prometheus;

/// <summary><c># HELP</c> and <c># TYPE</c> lines; any other line starting with '#' is a comment.</summary>
public static partial class PrometheusTextParser
{
    private static void ReadComment(ParseState state, LineCursor c)
    {
        c.SkipBlanks();
        var keyword = c.ReadToken();
        if (keyword is not ("HELP" or "TYPE"))
        {
            return;
        }

        c.SkipBlanks();
        var nameStart = c.Pos;
        var name = c.ReadName(allowColon: true);
        if (name.Length == 0 || !(c.AtEnd || c.Peek() is ' ' or '\t'))
        {
            throw new LineException(nameStart + 1, $"invalid metric name in # {keyword} line");
        }

        if (keyword == "HELP")
        {
            ReadHelp(state, c, name);
            return;
        }

        c.SkipBlanks();
        var typeStart = c.Pos;
        var typeText = c.ReadToken();
        var type = ParseType(typeText)
            ?? throw new LineException(typeStart + 1, typeText.Length == 0
                ? $"# TYPE {name} needs a type (counter, gauge, histogram, summary or untyped)"
                : $"unknown metric type '{typeText}' (counter, gauge, histogram, summary or untyped)");
        c.SkipBlanks();
        if (!c.AtEnd)
        {
            throw new LineException(c.Pos + 1, $"unexpected text after the type in # TYPE {name}");
        }

        var family = state.Family(name, c.Line);
        if (family.TypeDeclared)
        {
            throw new LineException(1, $"second TYPE line for metric '{name}'");
        }

        if (family.Samples.Count > 0)
        {
            throw new LineException(1, $"TYPE line for metric '{name}' comes after its samples");
        }

        family.Type = type;
        family.TypeDeclared = true;
    }

    private static void ReadHelp(ParseState state, LineCursor c, string name)
    {
        c.SkipBlanks();
        var help = new StringBuilder();
        for (var i = c.Pos; i < c.Text.Length; i++)
        {
            var ch = c.Text[i];
            if (ch == '\\' && i + 1 < c.Text.Length && c.Text[i + 1] is '\\' or 'n')
            {
                help.Append(c.Text[++i] == 'n' ? '\n' : '\\');
            }
            else
            {
                // Other backslashes stay as written: exporters put stray ones in help text and Prometheus keeps them.
                help.Append(ch);
            }
        }

        var family = state.Family(name, c.Line);
        if (family.Help is not null)
        {
            throw new LineException(1, $"second HELP line for metric '{name}'");
        }

        family.Help = help.ToString();
    }
}
