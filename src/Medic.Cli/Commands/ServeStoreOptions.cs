using System.CommandLine;
using Medic.Server.Store;

namespace Medic.Cli.Commands;

/// <summary><c>medic serve</c>'s retention options.</summary>
internal sealed class ServeStoreOptions
{
    public Option<TimeSpan?> KeepAll { get; } = CommonOptions.Duration("--keep-all", "Keep every run this long, then one per hour per system (default 24h)");

    public Option<TimeSpan?> Retention { get; } = CommonOptions.Duration("--retention", "Drop runs older than this (default 30d); findings keep their lifecycle");

    public IEnumerable<Option> All => [KeepAll, Retention];

    public RetentionPolicy Policy(ParseResult parse) => new(
        parse.GetValue(KeepAll) ?? RetentionPolicy.Default.KeepAll,
        parse.GetValue(Retention) ?? RetentionPolicy.Default.DropAfter);
}
