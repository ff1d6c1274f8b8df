using System.Diagnostics;
using System.Globalization;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Logs.Bench;

/// <summary>
/// `medic logs FILE` end to end on one thread over the generated mixed JSON + text log: <see cref="LogTriage.Analyze"/>
/// (the CLI's own entry point: reading, format detection, per-line parsing, mining, statistics) and then
/// <see cref="LogAnalyzer.Report"/>; compared with `wc -l` on the same file. `--stage read|records|records-mine|records-mine-stats|
/// records-mine-timeline|records-mine-slow` time the parts: lines only, parsed records, records mined, and each kind of statistics;
/// `--progress` prints the CPU time along the way. A file of the wrong size is generated in a child process first.
/// </summary>
internal static class EndToEnd
{
    private const int Every = 250_000;
    private const int WarmUpLines = 1_000_000;

    public static int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "medic-logs-e2e.log");
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var keep = args.Contains("--keep");
        var stage = args.SkipWhile(a => a != "--stage").Skip(1).FirstOrDefault() ?? "report";
        if (!File.Exists(path) || Math.Abs(new FileInfo(path).Length - (megabytes << 20)) > 1 << 20)
        {
            // in a child process: generating here first would leave this process's JIT and heap in another state
            var g = Stopwatch.StartNew();
            using var child = Process.Start(Environment.ProcessPath!, [typeof(EndToEnd).Assembly.Location, "generate", path, megabytes.ToString(CultureInfo.InvariantCulture)]);
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {path}: {new FileInfo(path).Length / 1e6:F0} MB in {g.Elapsed.TotalSeconds:F1} s"));
        }

        try
        {
            var (wc, wcCpu) = Throughput.Wc(path);
            long exceptions = 0;
            AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref exceptions);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var (lines, summary) = stage switch
            {
                "read" => (Read(path), "lines read as strings only"),
                "records" => (Records(path), "records parsed only (no mining)"),
                "records-mine" => (RecordsMined(path, ""), "records parsed and mined (no statistics)"),
                "records-mine-stats" => (RecordsMined(path, "stats"), "records parsed and mined, template statistics"),
                "records-mine-timeline" => (RecordsMined(path, "timeline"), "records parsed and mined, timeline"),
                "records-mine-slow" => (RecordsMined(path, "slow"), "records parsed and mined, durations"),
                _ => Triage(path, args.Contains("--progress")),
            };
            sw.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file {bytes / 1e6:F0} MB, {lines:N0} lines; {summary}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"medic logs: {sw.Elapsed.TotalSeconds:F2} s wall, {cpuUsed.TotalSeconds:F2} s CPU; {lines / sw.Elapsed.TotalSeconds / 1e6:F2} M lines/s wall, {lines / cpuUsed.TotalSeconds / 1e6:F2} M lines per CPU-second, {bytes / cpuUsed.TotalSeconds / 1e6:F0} MB per CPU-second"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wc -l: {wc:F2} s wall, {wcCpu:F2} s CPU; medic logs / wc -l: {sw.Elapsed.TotalSeconds / wc:F1}x wall, {cpuUsed.TotalSeconds / Math.Max(wcCpu, 0.01):F1}x CPU"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB, GC heap {GC.GetTotalMemory(false) / 1e6:F0} MB, allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, exceptions {exceptions:N0}"));
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }

        return 0;
    }

    private static (long Lines, string Summary) Triage(string path, bool progress)
    {
        // the options `medic logs FILE` runs with (value spreads for warnings and errors, as without --all-values), less the
        // runbook symptoms and the redaction (both per template in Report, not per line); a per-line callback, as the
        // CLI's progress is, notes the CPU time at the end of the warm-up (and, with --progress, along the way)
        long seen = 0;
        var started = Process.GetCurrentProcess().TotalProcessorTime;
        var last = started;
        var warm = TimeSpan.Zero;
        var analyzer = LogTriage.Analyze([path], [], null, new TriageOptions { ValuesFrom = LogSeverity.Warning }, (_, _) =>
        {
            seen++;
            if (seen == WarmUpLines || (progress && (seen % Every == 0 || seen is 1 or 1000 or 10000 or 100000)))
            {
                var now = Process.GetCurrentProcess().TotalProcessorTime;
                warm = seen == WarmUpLines ? now : warm;
                if (progress)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seen:N0} lines: {(now - started).TotalSeconds:F2} s CPU, {(now - last).TotalMilliseconds:F0} ms since the last line here"));
                }

                last = now;
            }
        });
        var end = Process.GetCurrentProcess().TotalProcessorTime;
        var report = analyzer.Report();
        var levels = string.Join(", ", report.Levels.Select(l => $"{l.Key} {l.Value:N0}"));
        var steady = seen > 2 * WarmUpLines
            ? string.Create(CultureInfo.InvariantCulture,
                $"; first {WarmUpLines:N0} lines (JIT warm-up) {(warm - started).TotalSeconds:F2} s CPU, after them {(seen - WarmUpLines) / (end - warm).TotalSeconds / 1e6:F2} M lines per CPU-second")
            : "";
        return (report.Lines, string.Create(CultureInfo.InvariantCulture,
            $"format {report.Sources[0].Format}, {report.TemplateCount} templates, {report.Records:N0} records ({levels}), {report.Slow?.Overall.Count ?? 0:N0} durations, {report.Timeline.Count} timeline buckets{steady}"));
    }

    private static long Read(string path)
    {
        long n = 0;
        foreach (var line in LogLineReader.ReadLines(path))
        {
            n += line.Length >= 0 ? 1 : 0;
        }

        return n;
    }

    private static long RecordsMined(string path, string part)
    {
        var miner = new TemplateMiner { TrackValues = false };
        var stats = new Dictionary<LogTemplate, TemplateStats>(ReferenceEqualityComparer.Instance);
        var timeline = new MinuteHistogram();
        var slow = new SlowRequestStats(10);
        long n = 0;
        foreach (var record in new LogFileReader(path).Records())
        {
            var template = miner.Add(record.Message.Length > 0 ? record.Message : record.Line);
            n++;
            switch (part)
            {
                case "stats":
                    if (!stats.TryGetValue(template, out var s))
                    {
                        s = new TemplateStats(template);
                        stats[template] = s;
                    }

                    s.Add(record, n);
                    break;
                case "timeline" when record.Timestamp is { } t:
                    timeline.Add(t, record.Severity);
                    break;
                case "slow":
                    slow.Add(record, template.Text);
                    break;
            }
        }

        return n;
    }

    private static long Records(string path)
    {
        long n = 0;
        foreach (var record in new LogFileReader(path).Records())
        {
            n += record.Severity >= 0 ? 1 : 0;
        }

        return n;
    }
}
