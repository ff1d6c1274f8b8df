using Medic.Probes.Tests.Servers;
using Medic.Server.Store;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

/// <summary>The same contract on a real PostgreSQL (the probe tests' fixture), one fresh database per test.</summary>
[Collection(ServerPostgresCollection.Name)]
public sealed class PostgresHistoryStoreTests(PostgresServer server) : HistoryStoreContract, IAsyncLifetime
{
    private readonly string _database = "history_" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask InitializeAsync() => await server.ExecuteAsync($"CREATE DATABASE {_database}", "postgres");

    public async ValueTask DisposeAsync() => await server.ExecuteAsync($"DROP DATABASE {_database} WITH (FORCE)", "postgres");

    protected override HistoryStore Open() => new PostgresHistoryStore(server.ConnectionString(_database));

    [Fact]
    public void Opens_from_a_postgresql_url_and_uses_identity_keys()
    {
        using var store = HistoryStores.Open($"postgresql://postgres@127.0.0.1:{server.Port}/{_database}");

        store.Dialect.ShouldBe(SqlDialect.Postgres);
        store.RecordRun(Run(Start, Pool()), Medic.Core.Model.SecretSet.Empty).ShouldBe(1);
        store.RecordRun(Run(Start.AddSeconds(1)), Medic.Core.Model.SecretSet.Empty).ShouldBe(2);
    }
}
