using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Medic.Logs.Bench;

/// <summary>
/// Scores the miner on the Loghub 2k samples: once with settings.json's regexes, once with log_format only. With <c>--redact</c>
/// each template text first goes through the Medic.Bundles redactor, as <c>medic logs --emit-templates</c> writes it.
/// </summary>
internal static class AccuracyRun
{
    public static int Run(string[] args)
    {
        var root = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "../shared/loghub";
        var dump = Array.IndexOf(args, "--dump") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null;
        var redact = args.Contains("--redact");
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "settings.json")));
        foreach (var useRegexes in new[] { false, true })
        {
            Console.WriteLine((useRegexes ? "With each dataset's masking regexes (settings.json \"regex\")" : "With each dataset's log_format only (built-in masking, no dataset regexes)")
                + (redact ? ", templates redacted:" : ":"));
            Table(root, settings, useRegexes, redact, dump is null ? null : Path.Combine(dump, useRegexes ? "regex" : "format"));
            Console.WriteLine();
        }
        return 0;
    }

    private static void Table(string root, JsonDocument settings, bool useRegexes, bool redact, string? dump)
    {
        double gaSum = 0, paSum = 0, gaCSum = 0, paCSum = 0;
        var count = 0;
        Console.WriteLine("| dataset | GA | PA | GA (corrected) | PA (corrected) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var entry in settings.RootElement.EnumerateObject())
        {
            var dir = Path.Combine(root, entry.Name);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            var predicted = Predict(dir, entry, useRegexes);
            if (redact)
            {
                predicted = Redacted(predicted);
            }

            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllLines(Path.Combine(dump, entry.Name + ".txt"), predicted);
            }
            var original = Path.Combine(dir, $"{entry.Name}_2k.log_structured.csv");
            var corrected = Path.Combine(dir, $"{entry.Name}_2k.log_structured_corrected.csv");
            var (ga, pa) = Accuracy.Score(predicted, Accuracy.Truth(original));
            var (gaC, paC) = File.Exists(corrected) ? Accuracy.Score(predicted, Accuracy.Truth(corrected)) : (double.NaN, double.NaN);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {entry.Name} | {ga:F3} | {pa:F3} | {gaC:F3} | {paC:F3} |"));
            gaSum += ga;
            paSum += pa;
            gaCSum += gaC;
            paCSum += paC;
            count++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **average** | **{gaSum / count:F3}** | **{paSum / count:F3}** | **{gaCSum / count:F3}** | **{paCSum / count:F3}** |"));
    }

    /// <summary>Each distinct template text through one redactor, as the CLI redacts each template once.</summary>
    private static List<string> Redacted(List<string> texts)
    {
        var redactor = new Medic.Bundles.Redactor();
        var done = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = 0;
        var result = texts.Select(t =>
        {
            if (!done.TryGetValue(t, out var r))
            {
                r = redactor.Redact(t);
                done[t] = r;
                changed += r == t ? 0 : 1;
            }

            return r;
        }).ToList();
        if (changed > 0)
        {
            Console.WriteLine($"  ({changed} of {done.Count} templates changed by redaction)");
        }

        return result;
    }

    private static List<string> Predict(string dir, JsonProperty entry, bool useRegexes)
    {
        var format = Accuracy.FormatRegex(entry.Value.GetProperty("log_format").GetString()!);
        var patterns = useRegexes
            ? entry.Value.GetProperty("regex").EnumerateArray().Select(r => new Regex(r.GetString()!, RegexOptions.Compiled))
            : [];
        var miner = new TemplateMiner(0.5, new UserMasks(patterns));
        var assigned = new List<LogTemplate>();
        foreach (var line in LogLineReader.ReadLines(Path.Combine(dir, $"{entry.Name}_2k.log")))
        {
            var m = format.Match(line.Trim());
            assigned.Add(miner.Add(m.Success ? m.Groups["Content"].Value : line));
        }
        miner.Compact();
        return [.. assigned.Select(t => t.Text)];
    }
}
