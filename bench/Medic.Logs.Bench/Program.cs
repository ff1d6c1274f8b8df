using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medic.Logs;

// Loghub accuracy: dotnet run -c Release --project bench/Medic.Logs.Bench -- ../shared/loghub
var root = args.Length > 0 ? args[0] : "../shared/loghub";
using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "settings.json")));
var threshold = double.Parse(Environment.GetEnvironmentVariable("MEDIC_BENCH_ST") ?? "0.5", CultureInfo.InvariantCulture);
double gaSum = 0, paSum = 0, gaCSum = 0, paCSum = 0;
var count = 0;
Console.WriteLine("dataset      GA     PA     GA(corr) PA(corr)");
foreach (var entry in settings.RootElement.EnumerateObject())
{
    var dir = Path.Combine(root, entry.Name);
    if (!Directory.Exists(dir))
    {
        continue;
    }
    var format = Accuracy.FormatRegex(entry.Value.GetProperty("log_format").GetString()!);
    var masks = new UserMasks(entry.Value.GetProperty("regex").EnumerateArray().Select(r => new Regex(r.GetString()!, RegexOptions.Compiled)));
    var miner = new TemplateMiner(threshold, masks);
    var assigned = new List<LogTemplate>();
    foreach (var line in LogLineReader.ReadLines(Path.Combine(dir, $"{entry.Name}_2k.log")))
    {
        var m = format.Match(line.Trim());
        var content = m.Success ? m.Groups["Content"].Value : line;
        assigned.Add(miner.Add(content));
    }
    miner.Compact();
    var predicted = assigned.Select(t => t.Text).ToList();
    if (Environment.GetEnvironmentVariable("MEDIC_BENCH_DUMP") is { Length: > 0 } dumpDir)
    {
        File.WriteAllLines(Path.Combine(dumpDir, entry.Name + ".txt"), predicted);
    }
    var (ga, pa) = Accuracy.Score(predicted, Accuracy.Truth(Path.Combine(dir, $"{entry.Name}_2k.log_structured.csv")));
    var corrected = Directory.GetFiles(dir, "*_structured_corrected.csv").FirstOrDefault();
    var (gaC, paC) = corrected is null ? (ga, pa) : Accuracy.Score(predicted, Accuracy.Truth(corrected));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Name,-12} {ga:F3}  {pa:F3}  {gaC:F3}    {paC:F3}"));
    gaSum += ga; paSum += pa; gaCSum += gaC; paCSum += paC; count++;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"average",-12} {gaSum / count:F3}  {paSum / count:F3}  {gaCSum / count:F3}    {paCSum / count:F3}"));
