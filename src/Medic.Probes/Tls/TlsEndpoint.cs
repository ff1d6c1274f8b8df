using System.Net;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tcp;
using Npgsql;

namespace Medic.Probes.Tls;

/// <summary>
/// Where <c>tls.inspect</c> handshakes, read from any component that reaches a server over TCP: a <c>tls</c>
/// component's url, address or host and port; an https:// or wss:// url; a rediss:// url; a PostgreSQL connection
/// string (TLS after PostgreSQL's SSLRequest); a <c>tcp</c> address. <see cref="ServerName"/> is the name sent as
/// SNI and matched against the certificate.
/// </summary>
internal sealed record TlsEndpoint(string Host, int Port, string ServerName, bool PostgresStartTls)
{
    public string Address => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>The endpoint, or null with <paramref name="kind"/> and <paramref name="problem"/> saying why there is none.</summary>
    public static TlsEndpoint? From(ProbeContext context, out string? kind, out string? problem)
    {
        var component = context.Component;
        kind = Core.Model.ErrorKinds.InvalidArgument;
        problem = null;
        var (host, port, startTls) = component.Kind.ToLowerInvariant() switch
        {
            "tls" => OfTlsComponent(component, out problem),
            "http" or "websocket" => OfUrl(component, ["https", "wss"], out problem),
            "redis" => OfUrl(component, ["rediss"], out problem),
            "postgres" => OfPostgres(component, out problem),
            "tcp" => OfTcp(component, out problem),
            _ => (null, 0, false),
        };
        problem ??= host is null ? $"tls.inspect cannot examine a {component.Kind} component" : null;
        if (problem is not null)
        {
            // A plain http:// service is not broken for lacking TLS; it is just not this probe's business.
            kind = problem.Contains("does not use TLS", StringComparison.Ordinal) ? Core.Model.ErrorKinds.Unsupported : kind;
            return null;
        }

        var serverName = context.GetString("server_name") ?? component.GetString("server_name") ?? host!;
        return new TlsEndpoint(host!, port, serverName.Trim(), startTls);
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
            return (uri.IdnHost.Trim('[', ']'), port, startTls);
        }

        var (host, p, _) = OfTcp(component, out problem);
        return (host, p, startTls);
    }

    private static (string? Host, int Port, bool StartTls) OfUrl(Component component, string[] tlsSchemes, out string? problem)
    {
        var url = component.GetString("url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"component '{component.Name}' has no valid 'url'";
            return (null, 0, false);
        }

        if (!tlsSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            problem = $"{uri.Scheme}://{uri.Authority} does not use TLS; nothing to inspect";
            return (null, 0, false);
        }

        problem = null;
        return (uri.IdnHost.Trim('[', ']'), uri.Port > 0 ? uri.Port : DefaultPort(uri.Scheme), false);
    }

    private static (string? Host, int Port, bool StartTls) OfPostgres(Component component, out string? problem)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(component.GetString("connection") ?? "");
        }
        catch (ArgumentException)
        {
            problem = "the connection string cannot be read";
            return (null, 0, false);
        }

        // Npgsql takes a comma-separated host list for failover; the first is the primary.
        var host = (builder.Host ?? "localhost").Split(',')[0].Trim();
        if (host.StartsWith('/'))
        {
            problem = $"{host} is a Unix socket, which does not use TLS; nothing to inspect";
            return (null, 0, false);
        }

        var port = builder.Port;
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !IPAddress.TryParse(host, out _) && int.TryParse(host[(colon + 1)..], out var hostPort))
        {
            (host, port) = (host[..colon], hostPort);
        }

        problem = null;
        return (host.Trim('[', ']'), port, true);
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
