namespace Medic.Logs.Formats;

/// <summary>Picks a file's format from its first lines: the parser that reads most of them, or plain text.</summary>
public static class FormatDetector
{
    public const int SampleLines = 50;

    public static ILogLineParser[] Candidates() =>
        [new JsonLineParser(), new LogfmtParser(), new AccessLogParser(), new SyslogParser(), new TextLineParser()];

    public static ILogLineParser Detect(IEnumerable<string> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var lines = sample.Where(l => !string.IsNullOrWhiteSpace(l)).Take(SampleLines).ToList();
        var candidates = Candidates();
        ILogLineParser best = new PlainParser();
        var bestScore = 0;
        foreach (var parser in candidates)
        {
            var score = lines.Count(l => parser.TryParse(l, new LogRecord { Source = "", LineNumber = 0, Line = l }));
            if (score > bestScore)
            {
                best = parser;
                bestScore = score;
            }
        }

        // a few stamped lines among many continuation lines (stack traces) still make a text log
        return bestScore * 5 >= lines.Count && bestScore > 0 ? best : new PlainParser();
    }
}
