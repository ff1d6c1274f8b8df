namespace Medic.Logs.Formats;

/// <summary>Anything else: the whole line is the message; the level comes from a level word in it, if any.</summary>
public sealed class PlainParser : ILogLineParser
{
    public string Name => "plain";

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        record.SetMessageTrimmed(line, 0, line.Length);
        record.Severity = LevelScan.Find(line);
        return true;
    }
}
