using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.CodeAi;

[Collection(CodeAiCollection.Name)]
public sealed class CodeAiScenarioTests(CodeAiWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MedicRun> DiagnoseAsync(Dictionary<string, string> env) =>
        await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/codeai/medic.yaml"), "--format", "json");

    /// <summary>A run with one stand-in fault on (none before or after) and the environment as <paramref name="change"/> leaves it.</summary>
    private async Task<MedicRun> DiagnoseWithFaultAsync(string fault, string value = "", Action<Dictionary<string, string>>? change = null)
    {
        world.Api.Faults.ClearAll();
        world.Api.Faults.Set(fault, value);
        try
        {
            var env = world.Env();
            change?.Invoke(env);
            return await DiagnoseAsync(env);
        }
        finally
        {
            world.Api.Faults.ClearAll();
        }
    }

    private static (string Cause, string Severity, string Text) First(MedicRun run)
    {
        var f = run.Findings()[0];
        return (f.Cause, f.Severity, f.Title + "\n" + f.Explanation);
    }

    private static IReadOnlyList<string> AtWarningOrAbove(MedicRun run) =>
        [.. run.Findings().Where(f => f.IsWarningOrAbove).Select(f => f.Cause)];

    [Fact]
    public async Task The_healthy_twin_has_nothing_at_warning_or_above()
    {
        world.Api.Faults.ClearAll();
        var run = await DiagnoseAsync(world.Env());
        AtWarningOrAbove(run).ShouldBeEmpty(run.Stdout);
    }

    [Fact]
    [Covers("codeai.database-connection-failures/db-not-running")]
    public async Task A_stopped_database_is_named_with_the_refused_connection()
    {
        var run = await DiagnoseWithFaultAsync("db-down", "database ping failed: connection refused", change: env => env["CODEAI_DB_PORT"] = PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var first = First(run);
        first.Cause.ShouldBe("codeai.database-connection-failures/db-not-running", run.Stdout);
        first.Text.ShouldContain("database ping failed: connection refused");
        first.Text.ShouldContain("503");
    }

    [Fact]
    [Covers("codeai.database-connection-failures/pool-exhausted")]
    public async Task A_database_with_every_connection_taken_is_named_as_pool_exhaustion()
    {
        world.Api.Faults.ClearAll();
        world.Api.Faults.Set("pool-exhausted", "25");
        var held = new List<Npgsql.NpgsqlConnection>();
        try
        {
            // Every slot of the real server: the service's role up to the reserved slots, then the superuser's.
            for (var i = 0; i < PostgresServer.MaxConnections - 3; i++)
            {
                held.Add(await OpenAsync(world.Database()));
            }

            for (var i = 0; i < 3; i++)
            {
                held.Add(await OpenAsync(world.Postgres.ConnectionString()));
            }

            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("codeai.database-connection-failures/pool-exhausted", run.Stdout);
            first.Text.ShouldContain("in_use=25 of max_connections=25");
            first.Text.ShouldContain("too many clients");
        }
        finally
        {
            world.Api.Faults.ClearAll();
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("UPDATE jobs SET status = 'running' WHERE id = 'job-7'")]
    // A migration's ACCESS EXCLUSIVE lock: the probes that read the table's statistics must skip it, not wait on it.
    [InlineData("LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE")]
    [Covers("codeai.slow-database-queries/lock-contention")]
    public async Task A_session_blocking_others_on_a_lock_is_named(string holderStatement)
    {
        world.Api.Faults.ClearAll();
        await using var holder = await OpenAsync(world.Database());
        await using var waiter = await OpenAsync(world.Database());
        await using (var take = new Npgsql.NpgsqlCommand("BEGIN; " + holderStatement, holder))
        {
            await take.ExecuteNonQueryAsync(Ct);
        }

        // Bounded on the server, so the waiter ends even if the holder's rollback below never ran.
        await using var wait = new Npgsql.NpgsqlCommand("SET statement_timeout = '40s'; UPDATE jobs SET status = 'failed' WHERE id = 'job-7'", waiter);
        var waiting = wait.ExecuteNonQueryAsync(CancellationToken.None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
            var run = await DiagnoseAsync(world.Env());

            var first = First(run);
            first.Cause.ShouldBe("codeai.slow-database-queries/lock-contention", run.Stdout);
            first.Text.ShouldContain($"blocked by PID {holder.ProcessID}");
        }
        finally
        {
            await using (var rollback = new Npgsql.NpgsqlCommand("ROLLBACK", holder))
            {
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }

            await waiting;
        }
    }

    /// <summary>Writes the README's sample (an open breaker and an expired token); runs only with MEDIC_README_SAMPLE=path.</summary>
    [Fact]
    public async Task Readme_sample()
    {
        var target = Environment.GetEnvironmentVariable("MEDIC_README_SAMPLE");
        Assert.SkipWhen(string.IsNullOrEmpty(target), "writes the README sample only when MEDIC_README_SAMPLE names a file");
        world.Api.Faults.ClearAll();
        world.Api.Faults.Set("breaker-open", "payments");
        var env = world.Env();
        env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddMinutes(-30));
        var run = await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/codeai/medic.yaml"));
        world.Api.Faults.ClearAll();
        await File.WriteAllTextAsync(target!.Replace(".txt", "-codeai.txt", StringComparison.Ordinal), run.Stdout, Ct);
        run.Stdout.ShouldContain("codeai.circuit-breaker-open");
    }

    private static async Task<Npgsql.NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    [Covers("codeai.redis-cache-issues/redis-not-responding")]
    public async Task A_stopped_redis_is_named()
    {
        var run = await DiagnoseWithFaultAsync("cache-down", change: env => env["CODEAI_REDIS_URL"] = $"redis://127.0.0.1:{RedisServer.FreePort()}");

        var first = First(run);
        first.Cause.ShouldBe("codeai.redis-cache-issues/redis-not-responding", run.Stdout);
        first.Text.ShouldContain("checks.cache \"unhealthy\"");
    }

    [Fact]
    [Covers("codeai.redis-cache-issues/redis-oom")]
    public async Task A_redis_past_maxmemory_with_noeviction_is_named()
    {
        world.Api.Faults.ClearAll();
        await using var server = await RedisServer.StartAsync(["--maxmemory", "2mb", "--maxmemory-policy", "noeviction"]);
        await RedisCli(server.Port, "DEBUG", "POPULATE", "200", "cache", "20000");
        (await RedisCli(server.Port, "SET", "cache:new", new string('x', 20_000))).ShouldContain("OOM");

        var env = world.Env();
        env["CODEAI_REDIS_URL"] = server.Url;
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.redis-cache-issues/redis-oom", run.Stdout);
        first.Text.ShouldContain("maxmemory-policy noeviction");
    }

    private static async Task<string> RedisCli(int port, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args])
        {
            psi.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return output;
    }

    [Theory]
    [InlineData("expired", "AUTH002")]
    [InlineData("invalid-token", "AUTH001")]
    [InlineData("invalid-issuer", "AUTH003")]
    [InlineData("invalid-audience", "AUTH004")]
    [InlineData("no-secret", "AUTH008")]
    [Covers("codeai.jwt-validation-errors/expired")]
    [Covers("codeai.jwt-validation-errors/invalid-token")]
    [Covers("codeai.jwt-validation-errors/invalid-issuer")]
    [Covers("codeai.jwt-validation-errors/invalid-audience")]
    [Covers("codeai.jwt-validation-errors/no-secret")]
    public async Task A_token_the_service_would_reject_is_named_with_its_code(string cause, string code)
    {
        world.Api.Faults.ClearAll();
        var env = world.Env();
        var now = DateTimeOffset.UtcNow;
        switch (cause)
        {
            case "expired":
                env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://auth.codeai.local", "codeai-api", now.AddMinutes(-30));
                break;
            case "invalid-token":
                env["CODEAI_TOKEN"] = Jwt.Hs256("another-secret-entirely-0123456789", "https://auth.codeai.local", "codeai-api", now.AddHours(1));
                break;
            case "invalid-issuer":
                env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://evil.example", "codeai-api", now.AddHours(1));
                break;
            case "invalid-audience":
                env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://auth.codeai.local", "other-api", now.AddHours(1));
                break;
            default:
                env["JWT_SECRET"] = "";
                break;
        }

        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.jwt-validation-errors/" + cause, run.Stdout);
        first.Text.ShouldContain(code);
    }

    [Fact]
    [Covers("codeai.jwt-validation-errors/missing-token")]
    public async Task A_request_without_a_token_is_named()
    {
        world.Api.Faults.ClearAll();
        var env = world.Env();
        env["CODEAI_TOKEN"] = "";
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.jwt-validation-errors/missing-token", run.Stdout);
        first.Text.ShouldContain("AUTH005");
    }

    [Fact]
    [Covers("codeai.jwt-validation-errors/unsupported-alg")]
    public async Task A_token_signed_with_an_algorithm_codeai_does_not_accept_is_named()
    {
        world.Api.Faults.ClearAll();
        var env = world.Env();
        env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddHours(1), alg: "HS512");
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.jwt-validation-errors/unsupported-alg", run.Stdout);
        first.Text.ShouldContain("AUTH007");
        first.Text.ShouldContain("HS512");
    }

    [Fact]
    [Covers("codeai.jwt-validation-errors/key-not-found")]
    public async Task A_token_whose_kid_the_jwks_does_not_hold_is_named()
    {
        world.Api.Faults.ClearAll();
        using var current = System.Security.Cryptography.RSA.Create(2048);
        using var rotated = System.Security.Cryptography.RSA.Create(2048);
        await using var idp = await StandIn.StandInService.StartAsync(new JwksSurface(Jwt.Jwks(current, "key-2026")), Ct);
        var env = world.Env();
        env["JWT_SECRET"] = "";
        env["CODEAI_JWKS_URL"] = idp.Url + "/.well-known/jwks.json";
        env["CODEAI_TOKEN"] = Jwt.Rs256(rotated, "key-2025", "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddHours(1));
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.jwt-validation-errors/key-not-found", run.Stdout);
        first.Text.ShouldContain("AUTH006");
        first.Text.ShouldContain("key-2025");
        idp.Requests.ShouldContain("GET /.well-known/jwks.json");
    }

    [Fact]
    [Covers("codeai.jwt-validation-errors/jwks-fetch-failed")]
    public async Task A_jwks_url_nothing_answers_is_named()
    {
        world.Api.Faults.ClearAll();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var env = world.Env();
        env["JWT_SECRET"] = "";
        env["CODEAI_JWKS_URL"] = $"http://127.0.0.1:{PostgresServer.FreePort()}/.well-known/jwks.json";
        env["CODEAI_TOKEN"] = Jwt.Rs256(key, "key-2026", "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddHours(1));
        var run = await DiagnoseAsync(env);

        var first = First(run);
        first.Cause.ShouldBe("codeai.jwt-validation-errors/jwks-fetch-failed", run.Stdout);
        first.Text.ShouldContain("AUTH009");
    }

    [Fact]
    [Covers("codeai.database-connection-failures/network")]
    public async Task A_database_host_that_does_not_resolve_is_named_as_network()
    {
        var run = await DiagnoseWithFaultAsync("db-down", "database ping failed: dial tcp: lookup db.codeai.invalid: no such host", change: env => env["CODEAI_DB_HOST"] = "db.codeai.invalid");

        var first = First(run);
        first.Cause.ShouldBe("codeai.database-connection-failures/network", run.Stdout);
        first.Text.ShouldContain("db.codeai.invalid");
        first.Text.ShouldContain("dns");
    }

    [Fact]
    [Covers("codeai.redis-cache-issues/network")]
    public async Task A_redis_host_that_does_not_resolve_is_named_as_network()
    {
        var run = await DiagnoseWithFaultAsync("cache-down", change: env => env["CODEAI_REDIS_URL"] = "redis://cache.codeai.invalid:6379");

        var first = First(run);
        first.Cause.ShouldBe("codeai.redis-cache-issues/network", run.Stdout);
        first.Text.ShouldContain("cache.codeai.invalid");
    }

    [Fact]
    [Covers("codeai.circuit-breaker-open/upstream-failing")]
    public async Task An_open_circuit_breaker_is_named_from_the_metrics()
    {
        var run = await DiagnoseWithFaultAsync("breaker-open", "payments");

        var first = First(run);
        first.Cause.ShouldBe("codeai.circuit-breaker-open/upstream-failing", run.Stdout);
        first.Text.ShouldContain("Circuit breaker 'payments' is open");
    }

    [Fact]
    [Covers("codeai.stuck-jobs/stuck-jobs")]
    public async Task Old_pending_jobs_are_named_from_the_admin_endpoint()
    {
        var run = await DiagnoseWithFaultAsync("stuck-job", "3600");

        var first = First(run);
        first.Cause.ShouldBe("codeai.stuck-jobs/stuck-jobs", run.Stdout);
        first.Text.ShouldContain("job-41");
        first.Text.ShouldContain("3600 s");
    }
}

[CollectionDefinition(Name)]
public sealed class CodeAiCollection : ICollectionFixture<CodeAiWorld>
{
    public const string Name = "codeai";
}
