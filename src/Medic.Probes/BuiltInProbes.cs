using Medic.Core.Probing;
using Medic.Probes.Binary;
using Medic.Probes.Config;
using Medic.Probes.Host;
using Medic.Probes.Http;
using Medic.Probes.Jwt;
using Medic.Probes.Logs;
using Medic.Probes.Nats;
using Medic.Probes.Nginx;
using Medic.Probes.Postgres;
using Medic.Probes.Prometheus;
using Medic.Probes.Python;
using Medic.Probes.Redis;
using Medic.Probes.Sqlite;
using Medic.Probes.Tcp;
using Medic.Probes.Tls;
using Medic.Probes.WebSocket;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new SqlitePragmaProbe(),
        new SqliteSchemaProbe(),
        new SqliteLocksProbe(),
        new SqliteCompareProbe(),
        new PortOwnerProbe(),
        new FileStatProbe(),
        new BinaryInspectProbe(),
        new DiskUsageProbe(),
        new HostMemoryProbe(),
        new ProcessListProbe(),
        new FileHoldersProbe(),
        new PythonWheelsProbe(),
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
        new JwtInspectProbe(),
        new WebSocketConnectProbe(),
        new TlsInspectProbe(),
        new NginxConfigProbe(),
        new NginxStatusProbe(),
        new NginxUpstreamsProbe(),
        new LogsScanProbe(),
        .. PostgresProbes.All(),
        .. NatsProbes.All(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
