using System.Text;
using Medic.Logs.Triage;
using static Medic.Cli.Rendering.LogFormatting;

namespace Medic.Cli.Rendering;

/// <summary>One template variable in one line: <c>&lt;*&gt;#1: 5 distinct — 10.0.0.7:5432 ×120, 10.0.0.8:5432 ×30, …</c>.</summary>
internal static class SpreadFormatting
{
    private const int MaxValueChars = 40;

    public static string Label(VariableSummary v) => v.Token == "<*>" ? $"<*>#{v.Wildcard}" : $"<*>#{v.Wildcard} in {v.Token}";

    public static string Distinct(VariableSummary v) => $"{(v.Estimate ? "~" : "")}{Count(v.Distinct)} distinct";

    /// <summary>The values with their counts, as many as fit in <paramref name="width"/>; "…" when some are left out.</summary>
    public static string Values(VariableSummary v, int width)
    {
        var text = new StringBuilder();
        var shown = 0;
        foreach (var value in v.Top)
        {
            var item = $"{Cut(OneLine(value.Value), MaxValueChars)} ×{Count(value.Count)}";
            if (shown > 0 && text.Length + item.Length + 5 > width)
            {
                break;
            }

            text.Append(shown > 0 ? ", " : "").Append(item);
            shown++;
        }

        return shown < v.Distinct ? text.Append(", …").ToString() : text.ToString();
    }

    public static string Line(VariableSummary v, int width)
    {
        var head = $"{Label(v)}: {Distinct(v)} — ";
        return Cut(head + Values(v, Math.Max(20, width - head.Length)), width);
    }

    private static string OneLine(string s) => s.Length == 0 ? "\"\"" : s;
}
