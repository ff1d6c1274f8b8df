using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Sqlite;
using Medic.Probes.Config;
using Medic.Probes.Http;
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
        new HttpGetProbe(),
        new TcpConnectProbe(),
        new ConfigParseProbe(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
