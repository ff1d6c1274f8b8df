using System.Globalization;
using System.Text;

namespace Medic.Probes.WebSocket;

/// <summary>The status line and headers of the server's answer to an upgrade request.</summary>
internal sealed record ResponseHead(string Version, int StatusCode, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The header's values joined by ", " (how HTTP combines repeated headers), or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var values = Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
            return values.Count == 0 ? null : string.Join(", ", values);
        }
    }

    /// <summary>Whether a comma-separated header lists <paramref name="token"/> (<c>Connection: keep-alive, Upgrade</c>).</summary>
    public bool HasToken(string name, string token) =>
        this[name]?.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase)) == true;

    public long? ContentLength =>
        long.TryParse(this["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Parses the head (without its final blank line); throws <see cref="WebSocketProtocolException"/> when it is not HTTP.</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 keeps every byte as one char, so odd header bytes cannot break the parse.
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n");
        var status = lines[0];
        var parts = status.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 999)
        {
            throw new WebSocketProtocolException($"the server did not answer with HTTP: '{Printable(status)}'");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new ResponseHead(parts[0], code, parts.Length > 2 ? parts[2].Trim() : "", headers);
    }

    public static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) || c > '~' ? '.' : c)]);
    }
}
