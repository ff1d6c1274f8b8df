using System.Globalization;
using System.Net;
using Medic.Core.Systems;

namespace Medic.Probes.Tcp;

/// <summary>A host and port, from a component's <c>address</c> (<c>host:port</c>, <c>[::1]:port</c>) or its <c>host</c> and <c>port</c>.</summary>
internal sealed record TcpEndpoint(string Host, int Port)
{
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public static TcpEndpoint? From(Component component, out string? problem)
    {
        var address = component.GetString("address");
        if (!string.IsNullOrWhiteSpace(address))
        {
            return TryParse(address, out var parsed, out problem) ? parsed : null;
        }

        var host = component.GetString("host");
        var port = component.GetInt("port") ?? (long.TryParse(component.GetString("port"), out var p) ? p : null);
        if (string.IsNullOrWhiteSpace(host) || port is null)
        {
            problem = $"component '{component.Name}' needs 'address' (host:port) or both 'host' and 'port'";
            return null;
        }

        return Valid(host.Trim().Trim('[', ']'), port.Value, out problem);
    }

    /// <summary>The host and port of an http(s) component's <c>url</c> (80 or 443 when it names no port).</summary>
    public static TcpEndpoint? FromUrl(Component component, out string? problem)
    {
        var url = component.GetString("url");
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.Port < 1)
        {
            problem = $"component '{component.Name}' needs a 'url' with a host, such as http://127.0.0.1:3001";
            return null;
        }

        return Valid(uri.IdnHost.Trim('[', ']'), uri.Port, out problem);
    }

    public static bool TryParse(string text, out TcpEndpoint? endpoint, out string? problem)
    {
        var s = text.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..].TrimEnd('/');
        }

        string host;
        string portText;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= s.Length || s[close + 1] != ':')
            {
                return Fail($"'{text}' is not [IPv6]:port", out endpoint, out problem);
            }

            host = s[1..close];
            portText = s[(close + 2)..];
        }
        else
        {
            var colon = s.LastIndexOf(':');
            if (colon <= 0 || s.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                // A bare IPv6 address has several colons and no port; it needs brackets to carry one.
                return Fail(IPAddress.TryParse(s, out _) && s.Contains(':', StringComparison.Ordinal)
                    ? $"'{text}' has no port; write IPv6 addresses as [address]:port"
                    : $"'{text}' is not host:port", out endpoint, out problem);
            }

            host = s[..colon];
            portText = s[(colon + 1)..];
        }

        if (!long.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return Fail($"'{text}' has no valid port", out endpoint, out problem);
        }

        endpoint = Valid(host, port, out problem);
        return endpoint is not null;
    }

    private static TcpEndpoint? Valid(string host, long port, out string? problem)
    {
        if (host.Length == 0 || port is < 1 or > 65535)
        {
            problem = host.Length == 0 ? "the host is empty" : $"port {port} is outside 1-65535";
            return null;
        }

        problem = null;
        return new TcpEndpoint(host, (int)port);
    }

    private static bool Fail(string message, out TcpEndpoint? endpoint, out string? problem)
    {
        endpoint = null;
        problem = message;
        return false;
    }
}
