using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Logs.Bench;

internal static class Accuracy
{
    public static Regex FormatRegex(string format)
    {
        var parts = Regex.Split(format, "(<[^<>]+>)");
        var sb = new StringBuilder("^");
        foreach (var part in parts)
        {
            if (part.StartsWith('<') && part.EndsWith('>'))
            {
                sb.Append("(?<").Append(part[1..^1]).Append(">.*?)");
            }
            else
            {
                sb.Append(Regex.Replace(part, " +", @"\s+"));
            }
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.Compiled);
    }

    public static List<string> Truth(string csv)
    {
        var result = new List<string>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            result.Add(LastField(line));
        }
        return result;
    }

    private static string LastField(string line)
    {
        if (!line.EndsWith('"'))
        {
            return line[(line.LastIndexOf(',') + 1)..];
        }
        var i = line.Length - 2;
        while (i >= 0)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '"'))
            {
                break;
            }
            i -= line[i] == '"' ? 2 : 1;
        }
        return line[(i + 1)..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    public static (double Ga, double Pa) Score(List<string> predicted, List<string> truth)
    {
        var n = Math.Min(predicted.Count, truth.Count);
        var byPred = new Dictionary<string, List<int>>();
        var byTrue = new Dictionary<string, List<int>>();
        for (var i = 0; i < n; i++)
        {
            Add(byPred, predicted[i], i);
            Add(byTrue, truth[i], i);
        }
        var correct = 0;
        foreach (var group in byPred.Values)
        {
            var t = truth[group[0]];
            if (byTrue[t].Count == group.Count && group.All(i => truth[i] == t))
            {
                correct += group.Count;
            }
        }
        var exact = Enumerable.Range(0, n).Count(i => predicted[i] == truth[i]);
        return ((double)correct / truth.Count, (double)exact / truth.Count);
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int i)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }
        list.Add(i);
    }
}
