using Medic.Probes.Tests.Servers;
using Xunit;

namespace Medic.Server.Tests.Store;

/// <summary>Server tests that share one real PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class ServerPostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "server-postgres";
}
