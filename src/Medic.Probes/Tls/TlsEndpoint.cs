using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tcp;

namespace Medic.Probes.Tls;

/// <summary>
/// Where <c>tls.inspect</c> handshakes: a <c>tls</c> component's url (https://, wss://, rediss:// …), or its address,
/// or its host and port; with <c>starttls: postgres</c>, after PostgreSQL's SSLRequest. <see cref="ServerName"/> is
/// the name sent as SNI and matched against the certificate.
/// </summary>
internal sealed record TlsEndpoint(string Host, int Port, string ServerName, bool PostgresStartTls)
{
    public string Address => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>The endpoint, or null with <paramref name="problem"/> saying why there is none.</summary>
    public static TlsEndpoint? From(ProbeContext context, out string? problem)
    {
        var component = context.Component;
        var (host, port, startTls) = OfTlsComponent(component, out problem);
        if (host is null)
        {
            return null;
        }

        var serverName = context.GetString("server_name") ?? component.GetString("server_name") ?? host;
        return new TlsEndpoint(host, port, serverName.Trim(), startTls);
    }

    private static (string? Host, int Port, bool StartTls) OfTlsComponent(Component component, out string? problem)
    {
        var startTls = component.GetString("starttls") is { } s && s.Trim().Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (component.GetString("starttls") is { } other && !startTls)
        {
            problem = $"starttls '{other}' is not supported (only postgres)";
            return (null, 0, false);
        }

        if (component.GetString("url") is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                problem = $"'{url}' is not a URL";
                return (null, 0, false);
            }

            var port = uri.Port > 0 ? uri.Port : DefaultPort(uri.Scheme);
            problem = port > 0 ? null : $"'{url}' names no port and {uri.Scheme}:// has no default one";
            // PostgreSQL URLs imply its SSLRequest: the server speaks TLS only after it.
            return (uri.IdnHost.Trim('[', ']'), port, startTls || uri.Scheme is "postgres" or "postgresql");
        }

        var (host, p, _) = OfTcp(component, out problem);
        return (host, p, startTls);
    }

    private static (string? Host, int Port, bool StartTls) OfTcp(Component component, out string? problem)
    {
        var endpoint = TcpEndpoint.From(component, out problem);
        if (endpoint is null && component.GetString("url") is null && component.GetString("address") is null && component.GetString("host") is null)
        {
            problem = $"component '{component.Name}' needs 'url', 'address' (host:port) or 'host' and 'port'";
        }

        return endpoint is null ? (null, 0, false) : (endpoint.Host, endpoint.Port, false);
    }

    private static int DefaultPort(string scheme) => scheme.ToLowerInvariant() switch
    {
        "https" or "wss" => 443,
        "rediss" => 6379,
        "postgres" or "postgresql" => 5432,
        "ldaps" => 636,
        "smtps" => 465,
        "imaps" => 993,
        "amqps" => 5671,
        "mqtts" => 8883,
        _ => 0,
    };
}
