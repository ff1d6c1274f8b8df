using FsCheck;
using FsCheck.Fluent;

namespace Medic.Knowledge.Tests.Guides;

/// <summary>Random Markdown for the importer's property tests: headings, ragged tables, unclosed fences, broken lists, labels, unicode.</summary>
internal static class MarkdownGenerators
{
    private static readonly string[] Words =
    [
        "error", "timeout", "redis", "psql -c \"SELECT 1\"", "`curl http://x/health?a=1&b=2`", "**Symptoms:**", "**Cause:**",
        "Symptoms", "Solutions", "Problem:", "Q:", "A:", "1003", "AUTH007", "|", "||", "\\", "`", "```", "*", "_", "#", "[x](#y)",
        "é", "日本語", "🚀", "\u200b", "\t", "<b>", "&amp;", "$(date)", "'", "\"", "LIKE '__x%'", "sqlite3 db", "date -r 1",
    ];

    private static Gen<string> Text =>
        Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(Gen.OneOf(Gen.Elements(Words), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), n))
            .Select(ws => string.Join(" ", ws));

    private static Gen<string> Heading =>
        Three(Gen.Choose(1, 7), Text, Gen.Elements("", "Problem: ", "1. ", "**Q:** "), (level, t, prefix) => new string('#', level) + " " + prefix + t);

    private static Gen<string> Table =>
        Gen.Zip(Gen.Elements("| Code | Message | Resolution |", "| Cause | Fix |", "| Check | Command | Expected |", "| a |"), Gen.Choose(0, 4))
            .SelectMany(p => Gen.ListOf(Gen.Choose(0, 5).SelectMany(cells => Gen.ListOf(Text, cells)).Select(c => "| " + string.Join(" | ", c) + (c.Count % 2 == 0 ? " |" : "")), p.Item2)
                .Select(rows => string.Join("\n", [p.Item1, "|---|---|", .. rows])));

    private static Gen<string> Fence =>
        Three(Gen.Elements("bash", "sql", "", "sh", "json", "~~~"), Gen.ListOf(Text, 3), Gen.Elements(true, false),
            (lang, lines, closed) => "```" + lang + "\n" + string.Join("\n", lines) + (closed ? "\n```" : ""));

    private static Gen<string> List =>
        Gen.ListOf(Three(Gen.Choose(0, 9), Gen.Elements("- ", "* ", "1. ", "2) ", "+ "), Text, (indent, bullet, t) => new string(' ', indent) + bullet + t), 4)
            .Select(items => string.Join("\n", items));

    private static Gen<string> Labelled =>
        Gen.Zip(Gen.Elements("**Symptoms**:", "**Symptom:**", "**Potential Causes and Solutions**:", "A:", "Causes:", "**Fix:**"), Text, (l, t) => l + " " + t);

    private static Gen<string> Block => Gen.Frequency([(3, Heading), (2, Table), (2, Fence), (2, List), (2, Labelled), (2, Text)]);

    public static Gen<string> Documents =>
        Gen.Choose(0, 20).SelectMany(n => Gen.ListOf(Block, n))
            .SelectMany(blocks => Gen.Elements("\n\n", "\n", "\r\n").Select(sep => string.Join(sep, blocks)));

    private static Gen<TR> Three<T1, T2, T3, TR>(Gen<T1> a, Gen<T2> b, Gen<T3> c, Func<T1, T2, T3, TR> f) =>
        Gen.Zip(a, Gen.Zip(b, c)).Select(t => f(t.Item1, t.Item2.Item1, t.Item2.Item2));
}
