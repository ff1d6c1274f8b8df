using Medic.Core.Probing;
using Medic.Probes.Config;
using Medic.Probes.Host;
using Medic.Probes.Http;
using Medic.Probes.Postgres;
using Medic.Probes.Prometheus;
using Medic.Probes.Redis;
using Medic.Probes.Sqlite;
using Medic.Probes.Tcp;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new SqlitePragmaProbe(),
        new SqliteSchemaProbe(),
        new SqliteLocksProbe(),
        new PortOwnerProbe(),
        new FileStatProbe(),
        new DiskUsageProbe(),
        new HostMemoryProbe(),
        new ProcessListProbe(),
        new FileHoldersProbe(),
        new SystemdUnitProbe(),
        new HttpGetProbe(),
        new TcpConnectProbe(),
        new ConfigParseProbe(),
        new ConfigCompareProbe(),
        new RedisPingProbe(),
        new RedisInfoProbe(),
        new RedisConfigProbe(),
        new RedisSlowlogProbe(),
        new RedisClientsProbe(),
        new RedisLatencyProbe(),
        new PrometheusScrapeProbe(),
        .. PostgresProbes.All(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
