namespace Medic.Probes.Redis;

/// <summary>The server answered a command with an error reply (<c>-NOAUTH …</c>, <c>-OOM …</c>).</summary>
internal sealed class RedisServerException(string reply, string command) : Exception(reply)
{
    public string Reply { get; } = reply;

    /// <summary>The error's prefix (<c>NOAUTH</c>, <c>WRONGPASS</c>, <c>ERR</c>, …).</summary>
    public string Code { get; } = CodeOf(reply);

    public string Command { get; } = command;

    public static string CodeOf(string reply)
    {
        var space = reply.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? reply : reply[..space];
        return first.Length is > 0 and <= 32 && first.All(c => char.IsAsciiLetterUpper(c) || c == '_') ? first : "ERR";
    }
}
