using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.AriesOne;
using Medic.Scenarios.Tests.StandIn;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>AriesOne faults on a real PostgreSQL, Redis and the FastAPI stand-in: offline findings equal the live ones.</summary>
public sealed class AriesOneBundleTests(AriesOnePostgres postgres) : IClassFixture<AriesOnePostgres>, IAsyncLifetime
{
    private const string Secret = "your-secret-key";
    private StandInService _api = null!;
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await StandInService.StartAsync(new AriesOneSurface(), TestContext.Current.CancellationToken);
        _redis = await RedisServer.StartAsync(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]);
        await postgres.Server.ExecuteAsync("DROP DATABASE IF EXISTS ariesone_bundle");
        await postgres.Server.ExecuteAsync("CREATE DATABASE ariesone_bundle");
        await postgres.Server.ExecuteAsync("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('4f2e1c9a0b7d'); ANALYZE;", "ariesone_bundle");
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private Dictionary<string, string> Env() => new()
    {
        ["ARIESONE_API_URL"] = _api.Url,
        ["ARIESONE_DATABASE_URL"] = postgres.Server.ConnectionString("ariesone_bundle"),
        ["ARIESONE_REDIS_URL"] = _redis.Url,
        ["ARIESONE_TOKEN"] = Jwt.Hs256(Secret, DateTimeOffset.UtcNow.AddHours(1)),
        ["ARIESONE_SECRET_KEY"] = Secret,
    };

    [Fact]
    public async Task PostgreSQL_not_listening_is_found_the_same_offline()
    {
        var env = Env();
        env["ARIESONE_DATABASE_URL"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=ariesone;Username=postgres;Timeout=3";

        var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(env, "ariesone");

        live[0]!["cause"]!.GetValue<string>().ShouldBe("postgres-down");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_found_the_same_offline()
    {
        var env = Env();
        env["ARIESONE_TOKEN"] = Jwt.Hs256("not-the-secret-key", DateTimeOffset.UtcNow.AddHours(1));

        var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(env, "ariesone");

        live[0]!["cause"]!.GetValue<string>().ShouldBe("invalid-token");
    }
}
