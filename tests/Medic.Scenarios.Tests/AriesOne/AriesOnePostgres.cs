using Medic.Probes.Tests.Servers;
using Xunit;

namespace Medic.Scenarios.Tests.AriesOne;

/// <summary>A real PostgreSQL configured as production runs it (autovacuum on), so the healthy twin is healthy.</summary>
public sealed class AriesOnePostgres : IAsyncLifetime
{
    public PostgresServer Server { get; } = new() { Autovacuum = true };

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
