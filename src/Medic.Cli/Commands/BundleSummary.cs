using System.Globalization;
using Medic.Bundles;
using Medic.Core.Model;
using Spectre.Console;

namespace Medic.Cli.Commands;

/// <summary>What <c>medic bundle</c> prints once the bundle is written, and what <c>bundle inspect</c> prints.</summary>
internal static class BundleSummary
{
    public static void Write(CliContext cli, string path, BundleResult result, string? mapFile)
    {
        var m = result.Manifest;
        var size = new FileInfo(path).Length;
        var report = result.Diagnosis.Report;
        cli.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Bundle {path}: {m.Entries.Count} files, {Kb(size)} compressed, {m.Probes} probes ({report.Summary.ProbeErrors} failed), {report.Findings.Count} findings, made in {Quantities.FormatDuration(TimeSpan.FromMilliseconds(m.DurationMs))}")));
        cli.Out.MarkupLine(Markup.Escape($"Redacted: {Counts(m.Redactions)}"));
        if (mapFile is not null)
        {
            cli.Out.MarkupLine(Markup.Escape($"Hosts mapped: {m.HostsMapped} (map written to {mapFile}, not in the bundle)"));
        }

        if (m.Failures.Count > 0)
        {
            cli.Out.MarkupLine(Markup.Escape($"Not collected: {m.Failures.Count} (see 'medic bundle inspect {path}')"));
        }
    }

    public static void Inspect(CliContext cli, string path, Manifest m)
    {
        cli.Out.MarkupLine(Markup.Escape($"Bundle {path}"));
        cli.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"system {m.System} · made {m.Created.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z by medic {m.MedicVersion} in {Quantities.FormatDuration(TimeSpan.FromMilliseconds(m.DurationMs))} · {m.Probes} probes")));
        var table = new Table().Border(TableBorder.Simple).AddColumn("file").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("sha-256").AddColumn("source");
        foreach (var e in m.Entries)
        {
            table.AddRow(Markup.Escape(e.Path + (e.Truncated ? " (truncated)" : "")), e.Size.ToString(CultureInfo.InvariantCulture), e.Sha256[..12], Markup.Escape(e.Source ?? ""));
        }

        cli.Out.Write(table);
        cli.Out.MarkupLine(Markup.Escape($"Redactions per rule: {Counts(m.Redactions)}"));
        if (m.HostsMapped > 0)
        {
            cli.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Hosts mapped: {m.HostsMapped}")));
        }

        cli.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Failures: {m.Failures.Count}")));
        foreach (var f in m.Failures)
        {
            cli.Out.MarkupLine(Markup.Escape($"  {f.Path}: {f.Reason}"));
        }
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "nothing" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
