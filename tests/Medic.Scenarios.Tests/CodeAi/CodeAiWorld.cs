using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.StandIn;
using Xunit;

namespace Medic.Scenarios.Tests.CodeAi;

/// <summary>The real components the CodeAI scenarios share: PostgreSQL, Redis and the CodeAI stand-in.</summary>
public sealed class CodeAiWorld : IAsyncLifetime
{
    public const string Secret = "codeai-test-secret-0123456789abcdef";

    // Autovacuum on, as CodeAI's production database runs (the fixture's default is off for stable probe statistics).
    public PostgresServer Postgres { get; } = new() { Autovacuum = true };

    public RedisServer Redis { get; private set; } = null!;

    public StandInService Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await Postgres.ExecuteAsync("CREATE ROLE codeai LOGIN", "postgres");
        await Postgres.ExecuteAsync("""
            CREATE TABLE jobs (id text PRIMARY KEY, type text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            GRANT ALL ON jobs TO codeai;
            INSERT INTO jobs (id, type, status) SELECT 'job-' || g, 'workflow.execute', 'completed' FROM generate_series(1, 50) g;
            ANALYZE jobs;
            """);
        // A cache with a memory limit and an eviction policy, as the guide's Redis is meant to run.
        Redis = await RedisServer.StartAsync(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]);
        Api = await StandInService.StartAsync(new CodeAiSurface(Database()), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>The service's own connection string: the non-superuser role <c>codeai</c>, as the service connects.</summary>
    public string Database() =>
        new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString("app", "codeai")) { ApplicationName = "codeai" }.ConnectionString;

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
