using System.Globalization;
using Medic.Core.Systems;

namespace Medic.Probes.Nats;

/// <summary>
/// Where and how to reach a NATS server: the client URL (<c>nats://[user:password@|token@]host:port</c>,
/// <c>tls://</c> to insist on TLS), the component's <c>user</c>, <c>password</c> and <c>token</c> settings (which win
/// over the URL's), and the monitoring endpoint. A class rather than a record so no secret shows in a generated
/// <c>ToString</c>.
/// </summary>
internal sealed class NatsTarget
{
    public const int DefaultPort = 4222;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    public bool Tls { get; init; }

    public bool TlsInsecure { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public string? Token { get; init; }

    /// <summary>The monitoring base URL (<c>http://host:8222</c>), or null when the component names none.</summary>
    public Uri? Monitor { get; init; }

    /// <summary>host:port, with IPv6 hosts in brackets; safe to print.</summary>
    public string Address => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>The client URL as reports may show it: scheme, host and port, never the credentials.</summary>
    public string DisplayUrl => $"{(Tls ? "tls" : "nats")}://{Address}";

    /// <summary>How the probe authenticates: <c>none</c>, <c>user_password</c> or <c>token</c>.</summary>
    public string AuthMethod => Token is not null ? "token" : User is not null || Password is not null ? "user_password" : "none";

    public IEnumerable<string> Secrets => new[] { Password, Token }.OfType<string>();

    /// <summary>Reads the target from a component; throws <see cref="FormatException"/> with a message free of secrets.</summary>
    public static NatsTarget FromComponent(Component component)
    {
        var url = component.GetString("url") ?? throw new FormatException($"component '{component.Name}' has no 'url'");
        var parsed = Parse(url);
        var token = NonEmpty(component.GetString("token"));
        var user = NonEmpty(component.GetString("user"));
        var password = NonEmpty(component.GetString("password"));
        var explicitCredentials = token is not null || user is not null || password is not null;
        return new NatsTarget
        {
            Host = parsed.Host,
            Port = parsed.Port,
            Tls = parsed.Tls,
            TlsInsecure = component.Settings["tls_insecure"] is { } v && v.GetValueKind() == System.Text.Json.JsonValueKind.True,
            User = explicitCredentials ? user : parsed.User,
            Password = explicitCredentials ? password : parsed.Password,
            Token = explicitCredentials ? token : parsed.Token,
            Monitor = MonitorUri(component.GetString("monitor")),
        };
    }

    public static NatsTarget Parse(string url)
    {
        // A bare host:port is what many configs hold (HarmonyLite's urls, NATS_URL); read it as nats://.
        var text = url.Contains("://", StringComparison.Ordinal) ? url.Trim() : "nats://" + url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("the nats url is not a valid URL (expected nats://host:4222)");
        }

        var tls = uri.Scheme.ToLowerInvariant() switch
        {
            "nats" => false,
            "tls" => true,
            _ => throw new FormatException($"the nats url must start with nats:// or tls://, not {uri.Scheme}://"),
        };

        string? user = null, password = null, token = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                token = NonEmpty(Uri.UnescapeDataString(uri.UserInfo));
            }
            else
            {
                user = NonEmpty(Uri.UnescapeDataString(uri.UserInfo[..colon]));
                password = NonEmpty(Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
            }
        }

        return new NatsTarget
        {
            Host = uri.IdnHost.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Tls = tls,
            User = user,
            Password = password,
            Token = token,
        };
    }

    /// <summary>Replaces any credential the target holds in <paramref name="text"/> (server replies never should hold one).</summary>
    public string Scrub(string text) =>
        Secrets.Where(s => s.Length >= 3).Aggregate(text, (t, s) => t.Replace(s, Medic.Core.Model.SecretSet.Mask, StringComparison.Ordinal));

    public override string ToString() => Address;

    private static Uri? MonitorUri(string? monitor)
    {
        if (string.IsNullOrWhiteSpace(monitor))
        {
            return null;
        }

        if (!Uri.TryCreate(monitor.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException("the nats 'monitor' must be an http:// or https:// URL, e.g. http://127.0.0.1:8222");
        }

        return uri;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
