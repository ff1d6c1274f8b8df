using System.Diagnostics;
using System.Globalization;
using Medic.Knowledge.Guides;
using Medic.Knowledge.Index;

// Knowledge base at scale: dotnet run -c Release --project bench/Medic.Knowledge.Bench [-- ENTRIES]
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
const int ProblemsPerGuide = 50;
var generator = new GuideGenerator(seed: 42);
var folder = Directory.CreateTempSubdirectory("medic-kb-bench-").FullName;
try
{
    var texts = new List<string>();
    for (var i = 0; texts.Count * ProblemsPerGuide < target; i++)
    {
        texts.Add(generator.Guide(i, ProblemsPerGuide));
    }

    var parse = Stopwatch.StartNew();
    var guides = texts.Select((t, i) => GuideImporter.Parse($"guide{i}.md", $"guide{i}.md", t)).ToList();
    parse.Stop();
    var entries = guides.Sum(g => g.Entries.Count);
    var bytes = texts.Sum(t => t.Length);

    using var kb = KnowledgeBase.Open(Path.Combine(folder, "kb.db"));
    var store = Stopwatch.StartNew();
    foreach (var g in guides)
    {
        kb.Replace(g.Name, g.Path, g.Title, g.Entries, DateTimeOffset.UnixEpoch);
    }

    store.Stop();
    Console.WriteLine($"import: {guides.Count} guides, {entries} entries, {bytes / 1024} KiB of Markdown");
    Console.WriteLine($"  parse {parse.ElapsedMilliseconds} ms ({entries / parse.Elapsed.TotalSeconds:0} entries/s), store {store.ElapsedMilliseconds} ms ({entries / store.Elapsed.TotalSeconds:0} entries/s)");

    var all = guides.SelectMany(g => g.Entries).Where(e => e.Kind == EntryKind.Problem).ToList();
    var random = new Random(7);
    var queries = Enumerable.Range(0, 1000).Select(_ => generator.Query(all[random.Next(all.Count)].Title)).ToList();
    foreach (var q in queries.Take(100))
    {
        kb.Search(q, 5); // warm-up: prepared statements, page cache
    }

    var times = new List<double>();
    foreach (var q in queries)
    {
        var sw = Stopwatch.StartNew();
        kb.Search(q, 5);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"query (warm, {times.Count} queries, top 5): median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, max {times[^1]:0.00} ms");
    var code = Stopwatch.StartNew();
    kb.Search("E12345", 5);
    Console.WriteLine($"exact code lookup: {code.Elapsed.TotalMilliseconds:0.00} ms");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
