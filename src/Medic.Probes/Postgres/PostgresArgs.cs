using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary>Reads probe arguments; a bad value becomes an <c>invalid_argument</c> failure, never a guess.</summary>
internal static class PostgresArgs
{
    public static bool TryDuration(ProbeContext context, string name, TimeSpan fallback, out TimeSpan value, out ProbeResult? error)
    {
        error = null;
        value = fallback;
        switch (context.Args[name])
        {
            case null:
                return true;
            case JsonValue v when v.TryGetValue<string>(out var s) && Quantities.TryParseDuration(s, out var d):
                value = d;
                return true;
            case JsonValue v when context.GetInt(name) is { } ms && ms >= 0 && !v.TryGetValue<string>(out _):
                value = TimeSpan.FromMilliseconds(ms);
                return true;
            default:
                error = ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'{name}' must be a duration such as 500ms, 30s or 5m");
                return false;
        }
    }

    public static bool TryInt(ProbeContext context, string name, int fallback, int min, int max, out int value, out ProbeResult? error)
    {
        error = null;
        value = fallback;
        if (context.Args[name] is null)
        {
            return true;
        }

        if (context.GetInt(name) is { } n && n >= min && n <= max)
        {
            value = (int)n;
            return true;
        }

        error = ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'{name}' must be a whole number from {min} to {max}");
        return false;
    }

    public static bool TryChoice(ProbeContext context, string name, IReadOnlyList<string> choices, out string value, out ProbeResult? error)
    {
        error = null;
        value = choices[0];
        var given = context.GetString(name);
        if (given is null)
        {
            return true;
        }

        if (choices.FirstOrDefault(c => string.Equals(c, given, StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            value = match;
            return true;
        }

        error = ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'{name}' must be one of: {string.Join(", ", choices)}");
        return false;
    }
}
