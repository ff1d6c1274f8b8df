namespace Medic.Logs;

/// <summary>Writes LineId,EventTemplate rows (LineId from 1, input order).</summary>
public static class TemplateCsv
{
    public static void Write(TextWriter output, IEnumerable<string> lines, TemplateMiner miner)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(miner);
        output.WriteLine("LineId,EventTemplate");
        var ids = new List<LogTemplate>();
        foreach (var line in lines)
        {
            ids.Add(miner.Add(line));
        }
        miner.Compact();
        for (var i = 0; i < ids.Count; i++)
        {
            output.WriteLine($"{i + 1},{Quote(ids[i].Text)}");
        }
    }

    public static string Quote(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;
    }
}
