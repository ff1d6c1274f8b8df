using System.Security.Cryptography;
using System.Text;

namespace Medic.Probes.WebSocket;

/// <summary>The RFC 6455 opening handshake: the request a browser sends, and the accept value the server must return.</summary>
internal sealed class UpgradeRequest
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    // Set by the handshake itself; a caller's header of the same name would break or fake it.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions",
        "Content-Length", "Transfer-Encoding",
    };

    private UpgradeRequest(byte[] bytes, string expectedAccept)
    {
        Bytes = bytes;
        ExpectedAccept = expectedAccept;
    }

    public byte[] Bytes { get; }

    /// <summary>The <c>Sec-WebSocket-Accept</c> value that proves the server understood this handshake.</summary>
    public string ExpectedAccept { get; }

    public static UpgradeRequest For(WebSocketTarget target)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var head = new StringBuilder();
        head.Append("GET ").Append(target.Uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(target.Uri.Authority).Append("\r\n");
        head.Append("Upgrade: websocket\r\n");
        head.Append("Connection: Upgrade\r\n");
        head.Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n");
        head.Append("Sec-WebSocket-Version: 13\r\n");
        if (target.Subprotocol is { } protocol)
        {
            head.Append("Sec-WebSocket-Protocol: ").Append(protocol).Append("\r\n");
        }

        if (!target.Headers.ContainsKey("User-Agent"))
        {
            head.Append("User-Agent: medic/0.1\r\n");
        }

        foreach (var (name, value) in target.Headers.Where(h => !Reserved.Contains(h.Key)))
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return new UpgradeRequest(Encoding.UTF8.GetBytes(head.ToString()), AcceptFor(key));
    }

    // RFC 6455 fixes SHA-1 here; it proves the server read the key, it protects nothing.
#pragma warning disable CA5350
    public static string AcceptFor(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));
#pragma warning restore CA5350
}
