namespace Medic.Probes.Nats;

/// <summary>The server answered with <c>-ERR '…'</c>; <see cref="Text"/> is what stands between the quotes.</summary>
internal sealed class NatsServerErrorException(string text) : Exception(text)
{
    public string Text { get; } = text;

    /// <summary>Reads <c>-ERR 'Authorization Violation'</c> as <c>Authorization Violation</c>.</summary>
    public static NatsServerErrorException FromLine(string line)
    {
        var text = line.Length > 4 ? line[4..].Trim() : "";
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            text = text[1..^1];
        }

        return new NatsServerErrorException(text.Length <= 300 ? text : text[..300] + "…");
    }
}
