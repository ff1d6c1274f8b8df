namespace Medic.Logs;

/// <summary>One mined template (a cluster of log lines).</summary>
public sealed class LogTemplate
{
    internal LogTemplate(int id, string[] tokens, string example)
    {
        Id = id;
        Tokens = tokens;
        Example = example;
    }

    public int Id { get; }

    internal string[] Tokens { get; }

    public string Example { get; }

    public long Count { get; internal set; }

    public string Text => string.Join(' ', Tokens);
}
