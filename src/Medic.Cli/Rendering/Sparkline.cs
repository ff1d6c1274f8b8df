namespace Medic.Cli.Rendering;

/// <summary>Unicode block sparklines: one cell per group of values, an empty cell for none.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>Sums <paramref name="values"/> into at most <paramref name="width"/> cells, each scaled against the fullest.</summary>
    public static string Render(IReadOnlyList<long> values, int width)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var per = (values.Count + width - 1) / width;
        var cells = new long[(values.Count + per - 1) / per];
        for (var i = 0; i < values.Count; i++)
        {
            cells[i / per] += values[i];
        }

        var max = cells.Max();
        return string.Concat(cells.Select(c => c == 0 || max == 0 ? ' ' : Blocks[(int)Math.Clamp(((c * Blocks.Length) + max - 1) / max - 1, 0, Blocks.Length - 1)]));
    }

    /// <summary>How many minutes one cell stands for.</summary>
    public static int MinutesPerCell(int buckets, int bucketMinutes, int width) => ((buckets + width - 1) / width) * bucketMinutes;
}
