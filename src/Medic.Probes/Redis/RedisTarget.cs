using System.Globalization;
using Medic.Core.Systems;

namespace Medic.Probes.Redis;

/// <summary>
/// Where and how to reach a Redis server: from the component's <c>url</c>
/// (<c>redis://[user:password@]host:port/db</c>, <c>rediss://</c> for TLS) and its optional
/// <c>user</c>, <c>password</c> and <c>tls_insecure</c> settings, which win over the URL.
/// A class rather than a record so the password never shows in a generated <c>ToString</c>.
/// </summary>
internal sealed class RedisTarget
{
    public const int DefaultPort = 6379;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    public int Database { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public bool Tls { get; init; }

    public bool TlsInsecure { get; init; }

    /// <summary>host:port, with IPv6 hosts in brackets; safe to print.</summary>
    public string Address => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>Reads the target from a component; throws <see cref="FormatException"/> with a message free of secrets.</summary>
    public static RedisTarget FromComponent(Component component)
    {
        var url = component.GetString("url") ?? throw new FormatException("the redis component has no 'url'");
        var target = Parse(url);
        return new RedisTarget
        {
            Host = target.Host,
            Port = target.Port,
            Database = target.Database,
            Tls = target.Tls,
            User = NonEmpty(component.GetString("user")) ?? target.User,
            Password = NonEmpty(component.GetString("password")) ?? target.Password,
            TlsInsecure = component.Settings["tls_insecure"] is { } v && v.GetValueKind() == System.Text.Json.JsonValueKind.True,
        };
    }

    public static RedisTarget Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("the redis url is not a valid absolute URL (expected redis://host:port/db)");
        }

        var tls = uri.Scheme.ToLowerInvariant() switch
        {
            "redis" => false,
            "rediss" => true,
            _ => throw new FormatException($"the redis url must start with redis:// or rediss://, not {uri.Scheme}://"),
        };
        var path = uri.AbsolutePath.Trim('/');
        var db = 0;
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out db) || db > 100_000))
        {
            throw new FormatException($"the redis url's path must be a database number, not '/{path}'");
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = NonEmpty(Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]));
            password = colon < 0 ? null : NonEmpty(Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
        }

        return new RedisTarget
        {
            Host = uri.IdnHost.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Database = db,
            User = user,
            Password = password,
            Tls = tls,
        };
    }

    public override string ToString() => Address;

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
