using System.Collections.Frozen;

namespace Medic.Probes.Redis;

/// <summary>
/// The commands a probe may send: each only reads, or touches nothing but the probe's own connection
/// (AUTH, SELECT, CLIENT SETNAME). The connection refuses anything else unless built for tests.
/// </summary>
internal static class RedisCommands
{
    private static readonly FrozenSet<string> Plain = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "PING", "INFO", "DBSIZE", "AUTH", "SELECT", "ECHO", "TIME", "ROLE");

    private static readonly FrozenSet<string> WithSubcommand = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "CONFIG GET", "SLOWLOG GET", "SLOWLOG LEN", "CLIENT LIST", "CLIENT ID", "CLIENT INFO", "CLIENT GETNAME",
        "CLIENT SETNAME", "LATENCY LATEST", "LATENCY HISTORY");

    public static bool IsReadOnly(IReadOnlyList<string> args) =>
        args.Count > 0 && (Plain.Contains(args[0]) || (args.Count > 1 && WithSubcommand.Contains(args[0] + " " + args[1])));

    /// <summary>A name for the command safe to show: never an argument, so AUTH's password stays out.</summary>
    public static string NameOf(IReadOnlyList<string> args) =>
        args.Count > 1 && WithSubcommand.Contains(args[0] + " " + args[1])
            ? (args[0] + " " + args[1]).ToUpperInvariant()
            : args[0].ToUpperInvariant();
}
