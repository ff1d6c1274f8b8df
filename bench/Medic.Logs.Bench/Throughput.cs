using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Medic.Logs.Bench;

/// <summary>
/// End-to-end read + field extraction + mask + mine on one thread over a generated log mixing JSON lines and
/// text lines; compares with `wc -l` on the same file and reports the peak working set.
/// </summary>
internal static class Throughput
{
    public static int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "medic-logs-bench.log");
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var keep = args.Contains("--keep");
        if (!File.Exists(path) || Math.Abs(new FileInfo(path).Length - (megabytes << 20)) > 1 << 20)
        {
            var g = Stopwatch.StartNew();
            LogGenerator.Write(path, megabytes << 20);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {path}: {new FileInfo(path).Length / 1e6:F0} MB in {g.Elapsed.TotalSeconds:F1} s"));
        }
        try
        {
            var (wc, wcCpu) = Wc(path);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var stage = args.SkipWhile(a => a != "--stage").Skip(1).FirstOrDefault() ?? "mine";
            var (lines, templates, errors) = Mine(path, stage);
            sw.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"file {bytes / 1e6:F0} MB, {lines:N0} lines, {templates} templates, {errors:N0} error lines"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"medic: {sw.Elapsed.TotalSeconds:F2} s wall, {cpuUsed.TotalSeconds:F2} s CPU; {lines / sw.Elapsed.TotalSeconds / 1e6:F2} M lines/s wall, {lines / cpuUsed.TotalSeconds / 1e6:F2} M lines per CPU-second, {bytes / cpuUsed.TotalSeconds / 1e6:F0} MB per CPU-second"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wc -l: {wc:F2} s wall, {wcCpu:F2} s CPU; medic / wc -l: {sw.Elapsed.TotalSeconds / wc:F1}x wall, {cpuUsed.TotalSeconds / Math.Max(wcCpu, 0.01):F1}x CPU"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB, GC heap {GC.GetTotalMemory(false) / 1e6:F0} MB, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
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

    /// <summary>stage: read (lines only), split (plus field extraction) or mine (everything).</summary>
    private static (long Lines, int Templates, long Errors) Mine(string path, string stage)
    {
        var miner = new TemplateMiner { TrackValues = stage != "mine-novalues" };
        long lines = 0;
        long errors = 0;
        using var scanner = LogLineReader.Open(path);
        while (scanner.Next())
        {
            var line = scanner.Current;
            lines++;
            if (stage == "read")
            {
                continue;
            }
            var message = Fields.Split(line, out var level, out var time);
            if (stage == "split")
            {
                errors += message.Length;
                continue;
            }
            var template = miner.Add(message, level, time);
            if (ReferenceEquals(level, Fields.Error))
            {
                errors++;
                _ = template;
            }
        }
        miner.Compact();
        return (lines, miner.Templates.Count, errors);
    }

    /// <summary>Wall and CPU (user + system, from bash's `times`) seconds of `wc -l`.</summary>
    internal static (double Wall, double Cpu) Wc(string path)
    {
        var sw = Stopwatch.StartNew();
        using var wc = Process.Start(new ProcessStartInfo("bash", ["-c", "wc -l \"$0\" >/dev/null; times", path]) { RedirectStandardOutput = true })!;
        var output = wc.StandardOutput.ReadToEnd();
        wc.WaitForExit();
        var wall = sw.Elapsed.TotalSeconds;
        var children = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(' ') ?? [];
        var cpu = children.Sum(Seconds);
        return (wall, cpu);
    }

    private static double Seconds(string t)
    {
        var m = t.IndexOf('m', StringComparison.Ordinal);
        return m < 0 ? 0 : (double.Parse(t[..m], CultureInfo.InvariantCulture) * 60) + double.Parse(t[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
    }
}
