using System.Collections.Concurrent;
using System.Security.Cryptography;
using Medic.Server.Api;

namespace Medic.Server.Dashboard;

/// <summary>
/// Sign-in sessions of the dashboard, in memory: a random id in an HttpOnly cookie stands for the scope of the token
/// given at sign-in, so the token itself never travels again and never appears in a URL. A restart signs everyone out.
/// </summary>
public sealed class DashboardSessions(TimeProvider time)
{
    public const string Cookie = "medic_session";

    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, (TokenScope Scope, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    public string Start(TokenScope scope)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _sessions[id] = (scope, time.GetUtcNow() + Lifetime);
        return id;
    }

    public TokenScope ScopeOf(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var s))
        {
            return TokenScope.None;
        }

        if (s.Expires <= time.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return TokenScope.None;
        }

        return s.Scope;
    }

    public void End(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _sessions.TryRemove(id, out _);
        }
    }
}
