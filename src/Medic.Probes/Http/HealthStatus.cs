using System.Collections.Frozen;

namespace Medic.Probes.Http;

/// <summary>Normalises the many words services use for their health into healthy, degraded, unhealthy or unknown.</summary>
internal static class HealthStatus
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
    public const string Unknown = "unknown";

    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["ok"] = Healthy, ["up"] = Healthy, ["healthy"] = Healthy, ["pass"] = Healthy, ["passed"] = Healthy,
        ["passing"] = Healthy, ["green"] = Healthy, ["true"] = Healthy, ["connected"] = Healthy, ["available"] = Healthy,
        ["ready"] = Healthy, ["success"] = Healthy, ["serving"] = Healthy, ["running"] = Healthy, ["alive"] = Healthy,
        ["live"] = Healthy, ["online"] = Healthy, ["operational"] = Healthy, ["good"] = Healthy, ["fine"] = Healthy,
        ["degraded"] = Degraded, ["warn"] = Degraded, ["warning"] = Degraded, ["yellow"] = Degraded, ["partial"] = Degraded,
        ["partiallyavailable"] = Degraded, ["partiallyhealthy"] = Degraded, ["partialoutage"] = Degraded,
        ["down"] = Unhealthy, ["unhealthy"] = Unhealthy, ["fail"] = Unhealthy, ["failed"] = Unhealthy,
        ["failing"] = Unhealthy, ["failure"] = Unhealthy, ["error"] = Unhealthy, ["critical"] = Unhealthy, ["red"] = Unhealthy,
        ["false"] = Unhealthy, ["disconnected"] = Unhealthy, ["unavailable"] = Unhealthy, ["notready"] = Unhealthy,
        ["outofservice"] = Unhealthy, ["offline"] = Unhealthy, ["dead"] = Unhealthy, ["notserving"] = Unhealthy,
        ["ko"] = Unhealthy, ["majoroutage"] = Unhealthy, ["stopped"] = Unhealthy, ["unreachable"] = Unhealthy,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ErrorHints =
    [
        "error", "fail", "refused", "timeout", "timed out", "unreachable", "denied", "cannot", "can't", "unable",
        "exception", "no such", "not found", "closed", "reset", "invalid", "down", "expired", "panic",
    ];

    /// <summary>The normalised status of a word such as <c>UP</c>, <c>Unhealthy</c> or <c>out_of_service</c>, or unknown.</summary>
    public static string Normalise(string? raw) =>
        raw is null ? Unknown : Words.GetValueOrDefault(Key(raw), Unknown);

    public static bool IsKnown(string? raw) => raw is not null && Words.ContainsKey(Key(raw));

    /// <summary>Whether a free-text value reads as an error message, e.g. <c>dial tcp: connection refused</c>.</summary>
    public static bool LooksLikeError(string text) =>
        ErrorHints.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase));

    /// <summary>The worst of two statuses; unknown ranks below healthy so that it never masks a known reading.</summary>
    public static string Worst(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string status) => status switch
    {
        Unhealthy => 3,
        Degraded => 2,
        Healthy => 1,
        _ => 0,
    };

    private static string Key(string raw)
    {
        Span<char> buffer = stackalloc char[Math.Min(raw.Length, 64)];
        var n = 0;
        foreach (var c in raw.AsSpan(0, Math.Min(raw.Length, 64)))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
