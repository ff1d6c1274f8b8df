using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.StandIn;
using Xunit;

namespace Medic.Scenarios.Tests.CodeAi;

/// <summary>The real components the CodeAI scenarios share: PostgreSQL, Redis and the CodeAI stand-in.</summary>
public sealed class CodeAiWorld : IAsyncLifetime
{
    public const string Secret = "codeai-test-secret-0123456789abcdef";

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; private set; } = null!;

    public StandInService Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        // A cache with a memory limit and an eviction policy, as the guide's Redis is meant to run.
        Redis = await RedisServer.StartAsync(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]);
        Api = await StandInService.StartAsync(new CodeAiSurface(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>The environment pointing examples/codeai/medic.yaml at the real components, a valid token by default.</summary>
    public Dictionary<string, string> Env() => new()
    {
        ["CODEAI_API_URL"] = Api.Url,
        ["CODEAI_METRICS_URL"] = Api.Url + "/metrics",
        ["CODEAI_DB_PORT"] = Postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CODEAI_DB_NAME"] = "app",
        ["CODEAI_DB_USER"] = "postgres",
        ["CODEAI_REDIS_URL"] = Redis.Url,
        ["CODEAI_TOKEN"] = Jwt.Hs256(Secret, "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddHours(1)),
        ["JWT_SECRET"] = Secret,
    };
}
