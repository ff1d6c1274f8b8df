using System.Globalization;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.StandIn;
using Medic.Scenarios.Tests.Support;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.AriesOne;

/// <summary>
/// AriesOne SaaS (seed guide 002) on real parts: a real PostgreSQL with Alembic's alembic_version table, real Redis
/// servers with and without a memory limit, real HS256 tokens, and the stand-in playing the FastAPI surface.
/// </summary>
public sealed class AriesOneScenarios : IClassFixture<AriesOnePostgres>, IAsyncLifetime
{
    private const string Secret = "your-secret-key";
    private readonly PostgresServer _postgres;
    private StandInService _api = null!;
    private RedisServer _limited = null!;
    private RedisServer _unlimited = null!;

    public AriesOneScenarios(AriesOnePostgres postgres) => _postgres = postgres.Server;

    public async ValueTask InitializeAsync()
    {
        _api = await StandInService.StartAsync(new AriesOneSurface(), TestContext.Current.CancellationToken);
        _limited = await RedisServer.StartAsync(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]);
        _unlimited = await RedisServer.StartAsync();
        foreach (var database in new[] { "ariesone", "ariesone_fresh", "ariesone_heads" })
        {
            await _postgres.ExecuteAsync($"DROP DATABASE IF EXISTS {database}");
            await _postgres.ExecuteAsync($"CREATE DATABASE {database}");
        }

        await _postgres.ExecuteAsync("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('4f2e1c9a0b7d'); ANALYZE;", "ariesone");
        await _postgres.ExecuteAsync("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('4f2e1c9a0b7d'), ('9a8b7c6d5e4f'); ANALYZE;", "ariesone_heads");
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _limited.DisposeAsync();
        await _unlimited.DisposeAsync();
    }

    [Fact]
    public async Task Healthy_twin_reports_nothing_at_warning_or_above()
    {
        var run = await DiagnoseAsync(Env());

        run.ExitCode.ShouldBeInRange(0, 1, run.Stderr);
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
    }

    [Fact]
    [Covers("ariesone.database-connection-issues/postgres-down")]
    public async Task PostgreSQL_not_listening_is_named()
    {
        var env = Env();
        env["ARIESONE_DATABASE_URL"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=ariesone;Username=postgres;Timeout=3";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.database-connection-issues/postgres-down", run.Stdout);
        run.FirstExplanation().ShouldContain("connection_refused");
    }

    [Fact]
    [Covers("ariesone.database-connection-issues/pool-settings")]
    public async Task Every_connection_slot_taken_by_pools_is_named()
    {
        var held = new List<NpgsqlConnection>();
        try
        {
            while (held.Count < PostgresServer.MaxConnections + 5)
            {
                var connection = new NpgsqlConnection(_postgres.ConnectionString("ariesone") + ";Application Name=ariesone-pool");
                try
                {
                    await connection.OpenAsync(TestContext.Current.CancellationToken);
                }
                catch (PostgresException)
                {
                    await connection.DisposeAsync();
                    break;
                }

                held.Add(connection);
            }

            var run = await DiagnoseAsync(Env());

            run.Causes()[0].ShouldBe("ariesone.database-connection-issues/pool-settings", run.Stdout);
            run.FirstExplanation().ShouldContain("too many clients");
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    [Covers("ariesone.alembic-migration-issues/migration-state")]
    public async Task A_database_without_alembic_version_is_named()
    {
        var env = Env();
        env["ARIESONE_DATABASE_URL"] = _postgres.ConnectionString("ariesone_fresh");

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.alembic-migration-issues/migration-state", run.Stdout);
        run.FirstExplanation().ShouldContain("alembic_version");
    }

    [Fact]
    [Covers("ariesone.alembic-migration-issues/migration-state")]
    public async Task Two_current_revisions_are_named()
    {
        var env = Env();
        env["ARIESONE_DATABASE_URL"] = _postgres.ConnectionString("ariesone_heads");

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.alembic-migration-issues/migration-state", run.Stdout);
        run.FirstExplanation().ShouldContain("2 row(s)");
    }

    [Fact]
    [Covers("ariesone.cache-issues/redis-connection")]
    public async Task Redis_not_listening_is_named()
    {
        var env = Env();
        env["ARIESONE_REDIS_URL"] = $"redis://127.0.0.1:{FreePort.Next()}";

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.cache-issues/redis-connection", run.Stdout);
        run.FirstExplanation().ShouldContain("connection_refused");
    }

    [Fact]
    [Covers("ariesone.cache-issues/redis-memory")]
    public async Task Redis_without_a_memory_limit_is_named()
    {
        var env = Env();
        env["ARIESONE_REDIS_URL"] = _unlimited.Url;

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.cache-issues/redis-memory", run.Stdout);
        run.FirstExplanation().ShouldContain("maxmemory is 0");
    }

    [Fact]
    [Covers("ariesone.authentication-problems/expired")]
    public async Task An_expired_token_is_named()
    {
        var env = Env();
        env["ARIESONE_TOKEN"] = Jwt.Hs256(Secret, DateTimeOffset.UtcNow.AddHours(-3));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.authentication-problems/expired", run.Stdout);
        run.FirstExplanation().ShouldContain("minutes ago");
    }

    [Fact]
    [Covers("ariesone.authentication-problems/invalid-token")]
    public async Task A_token_signed_with_another_key_is_named()
    {
        var env = Env();
        env["ARIESONE_TOKEN"] = Jwt.Hs256("not-the-secret-key", DateTimeOffset.UtcNow.AddHours(1));

        var run = await DiagnoseAsync(env);

        run.Causes()[0].ShouldBe("ariesone.authentication-problems/invalid-token", run.Stdout);
        run.FirstExplanation().ShouldContain("InvalidTokenError");
    }

    [Fact]
    [Covers("ariesone.api-error-handling/no-custom-handler")]
    public async Task FastAPI_default_error_bodies_mean_no_custom_handler()
    {
        _api.Faults.Set("raw-errors");
        try
        {
            var run = await DiagnoseAsync(Env());

            run.Causes()[0].ShouldBe("ariesone.api-error-handling/no-custom-handler", run.Stdout);
            run.FirstExplanation().ShouldContain("top-level keys detail");
            _api.Requests.ShouldAllBe(r => r.StartsWith("GET ", StringComparison.Ordinal));
        }
        finally
        {
            _api.Faults.Clear("raw-errors");
        }
    }

    private static Task<MedicRun> DiagnoseAsync(Dictionary<string, string> env) =>
        MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples", "ariesone", "medic.yaml"), "--format", "json");

    private Dictionary<string, string> Env() => new()
    {
        ["ARIESONE_API_URL"] = _api.Url,
        ["ARIESONE_DATABASE_URL"] = _postgres.ConnectionString("ariesone"),
        ["ARIESONE_REDIS_URL"] = _limited.Url,
        ["ARIESONE_TOKEN"] = Jwt.Hs256(Secret, DateTimeOffset.UtcNow.AddHours(1)),
        ["ARIESONE_SECRET_KEY"] = Secret,
    };
}
