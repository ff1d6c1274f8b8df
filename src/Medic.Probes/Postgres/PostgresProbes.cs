using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary>The postgres probe family.</summary>
public static class PostgresProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new PostgresConnectProbe(),
        new PostgresActivityProbe(),
        new PostgresTablesProbe(),
        new PostgresIndexesProbe(),
        new PostgresSizeProbe(),
        new PostgresStatementsProbe(),
        new PostgresQueryProbe(),
    ];
}
