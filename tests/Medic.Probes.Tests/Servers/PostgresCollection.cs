using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>Tests that share one PostgreSQL server; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
