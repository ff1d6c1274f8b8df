using System.Globalization;
using System.Text;
using Medic.Server.Store;

namespace Medic.Server.Dashboard;

/// <summary>Inline SVG charts. Each has a text equivalent (aria-label and caption), so no reader depends on the picture.</summary>
internal static class Charts
{
    private const int W = 600;
    private const int H = 160;
    private const int Left = 48;
    private const int Pad = 12;

    /// <summary>Probe duration per run of one component and probe: a line, with failed invocations marked as red squares.</summary>
    public static string Latency(string component, string probe, IReadOnlyList<StoredObservation> points)
    {
        var ms = points.Select(p => p.DurationMs).ToList();
        var max = Math.Max(1, ms.Max());
        var sorted = ms.Order().ToList();
        var median = sorted[sorted.Count / 2];
        var failed = points.Count(p => p.Status != "ok");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{probe} on {component}: {points.Count} invocations, min {Html.Ms(sorted[0])}, median {Html.Ms(median)}, max {Html.Ms(sorted[^1])}, {failed} failed");
        var b = new StringBuilder();
        b.Append("<figure><svg class=\"chart\" viewBox=\"0 0 ").Append(W).Append(' ').Append(H)
         .Append("\" role=\"img\" aria-label=\"").Append(Html.E("Latency chart. " + summary)).Append("\">");
        Axis(b, Html.Ms(max));
        var coords = points.Select((p, i) => (X: X(i, points.Count), Y: Y(p.DurationMs, max), p.Status)).ToList();
        b.Append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"")
         .AppendJoin(' ', coords.Select(c => F(c.X) + "," + F(c.Y))).Append("\"/>");
        foreach (var c in coords.Where(c => c.Status != "ok"))
        {
            b.Append("<rect x=\"").Append(F(c.X - 4)).Append("\" y=\"").Append(F(c.Y - 4)).Append("\" width=\"8\" height=\"8\" fill=\"#cf222e\"/>");
        }

        b.Append("</svg><figcaption>").Append(Html.E(summary)).Append("</figcaption></figure>");
        return b.ToString();
    }

    /// <summary>One bar per finding from when it opened to when it resolved (or now, if still open).</summary>
    public static string Timeline(IReadOnlyList<StoredFinding> findings, DateTimeOffset now)
    {
        var from = findings.Min(f => f.FirstSeen);
        var span = Math.Max(1, (now - from).TotalSeconds);
        var rowH = 18;
        var height = (findings.Count * rowH) + 30;
        var open = findings.Count(f => f.Status == StoredFinding.Open);
        var label = string.Create(CultureInfo.InvariantCulture,
            $"Timeline of {findings.Count} findings since {from.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {open} still open; the table below lists them");
        var b = new StringBuilder();
        b.Append("<figure><svg class=\"chart\" viewBox=\"0 0 ").Append(W).Append(' ').Append(height)
         .Append("\" role=\"img\" aria-label=\"").Append(Html.E(label)).Append("\">");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var x1 = Pad + ((f.FirstSeen - from).TotalSeconds / span * (W - (2 * Pad)));
            var x2 = Pad + (((f.ResolvedAt ?? now) - from).TotalSeconds / span * (W - (2 * Pad)));
            var colour = f.Status == StoredFinding.Open ? "#cf222e" : "#8c959f";
            b.Append("<rect x=\"").Append(F(x1)).Append("\" y=\"").Append(F(Pad + (i * rowH))).Append("\" width=\"").Append(F(Math.Max(3, x2 - x1)))
             .Append("\" height=\"").Append(rowH - 4).Append("\" fill=\"").Append(colour).Append("\"><title>")
             .Append(Html.E($"{f.Title} ({f.Status})")).Append("</title></rect>");
        }

        b.Append("<text x=\"").Append(Pad).Append("\" y=\"").Append(height - 6).Append("\" font-size=\"11\">")
         .Append(Html.E(from.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</text>")
         .Append("<text x=\"").Append(W - Pad).Append("\" y=\"").Append(height - 6).Append("\" font-size=\"11\" text-anchor=\"end\">now</text>")
         .Append("</svg><figcaption>Red: open; grey: resolved.</figcaption></figure>");
        return b.ToString();
    }

    private static void Axis(StringBuilder b, string maxLabel)
    {
        b.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Pad).Append("\" x2=\"").Append(Left).Append("\" y2=\"").Append(H - Pad).Append("\" stroke=\"#8c959f\"/>")
         .Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(H - Pad).Append("\" x2=\"").Append(W - Pad).Append("\" y2=\"").Append(H - Pad).Append("\" stroke=\"#8c959f\"/>")
         .Append("<text x=\"").Append(Left - 4).Append("\" y=\"").Append(Pad + 10).Append("\" font-size=\"11\" text-anchor=\"end\">").Append(Html.E(maxLabel)).Append("</text>")
         .Append("<text x=\"").Append(Left - 4).Append("\" y=\"").Append(H - Pad).Append("\" font-size=\"11\" text-anchor=\"end\">0</text>");
    }

    private static double X(int i, int count) => count <= 1 ? (Left + W - Pad) / 2.0 : Left + 6 + (i * (W - Pad - Left - 12) / (double)(count - 1));

    private static double Y(double value, double max) => H - Pad - (value / max * (H - (2 * Pad) - 4));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
