namespace Medic.Logs;

/// <summary>Online Drain-style miner: groups by token count and first token, then by similarity.</summary>
public sealed class TemplateMiner
{
    private readonly Dictionary<(int, string), List<LogTemplate>> groups = [];
    private readonly List<LogTemplate> all = [];
    private readonly double threshold;

    public TemplateMiner(double similarityThreshold = 0.5) => threshold = similarityThreshold;

    public IReadOnlyList<LogTemplate> Templates => all;

    public LogTemplate Add(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var raw = Masker.Tokenize(content);
        var tokens = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            tokens[i] = Masker.MaskToken(raw[i]);
        }

        var first = tokens.Length == 0 ? "" : tokens[0];
        var key = (tokens.Length, first);
        if (!groups.TryGetValue(key, out var list))
        {
            list = [];
            groups[key] = list;
        }
        LogTemplate? best = null;
        var bestScore = -1.0;
        foreach (var candidate in list)
        {
            var score = Similarity(candidate.Tokens, tokens);
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }
        if (best is null || bestScore < threshold)
        {
            best = new LogTemplate(all.Count + 1, tokens, content);
            list.Add(best);
            all.Add(best);
        }
        else
        {
            Merge(best.Tokens, tokens);
        }
        best.Count++;
        return best;
    }

    private static double Similarity(string[] template, string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return 1;
        }

        var same = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (template[i] == tokens[i] || template[i] == Masker.Wildcard)
            {
                same++;
            }
        }

        return (double)same / tokens.Length;
    }

    private static void Merge(string[] template, string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (template[i] != tokens[i])
            {
                template[i] = Masker.Wildcard;
            }
        }
    }
}
