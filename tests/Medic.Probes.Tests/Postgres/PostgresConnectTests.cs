using System.Diagnostics;
using Medic.Core.Model;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectTests(PostgresServer server)
{
    private readonly PostgresConnectProbe _probe = new();

    [Fact]
    public async Task Reports_version_limits_and_identity_of_a_running_server()
    {
        var data = await PgTest.OkAsync(_probe, server.App());

        PgTest.Long(data["server_version_num"]).ShouldBeGreaterThanOrEqualTo(100000);
        data["version"]!.GetValue<string>().ShouldStartWith("PostgreSQL ");
        data["current_database"]!.GetValue<string>().ShouldBe("app");
        data["current_user"]!.GetValue<string>().ShouldBe("postgres");
        data["in_recovery"]!.GetValue<bool>().ShouldBeFalse();
        data["port"]!.GetValue<int>().ShouldBe(server.Port);
        data["latency_ms"]!.GetValue<double>().ShouldBeInRange(0, 10_000);
        data["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("pg_stat_statements");
        var settings = data["settings"]!.AsObject();
        PgTest.Long(settings["max_connections"]).ShouldBe(PostgresServer.MaxConnections);
        PgTest.Long(settings["superuser_reserved_connections"]).ShouldBe(3);
        PgTest.Long(settings["shared_buffers_bytes"]).ShouldBeGreaterThan(1024 * 1024);
        settings["shared_preload_libraries"]!.GetValue<string>().ShouldContain("pg_stat_statements");
        data["session"]!["read_only"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Reports_the_servers_statement_timeout_not_the_one_medic_sets_for_itself()
    {
        await server.ExecuteAsync("ALTER ROLE medic_pw SET statement_timeout = '7s'", "postgres");
        try
        {
            var data = await PgTest.OkAsync(_probe, server.ConnectionString("app", PostgresServer.PasswordUser, PostgresServer.Password));

            PgTest.Long(data["settings"]!["statement_timeout_ms"]).ShouldBe(7000);
            PgTest.Long(data["session"]!["statement_timeout_ms"]).ShouldBe(8000);
            data["current_user"]!.GetValue<string>().ShouldBe(PostgresServer.PasswordUser);
        }
        finally
        {
            await server.ExecuteAsync("ALTER ROLE medic_pw RESET statement_timeout", "postgres");
        }
    }

    [Fact]
    public async Task Classifies_a_closed_port_as_connection_refused()
    {
        var port = PostgresServer.FreePort();

        var result = await PgTest.RunAsync(_probe, $"Host=127.0.0.1;Port={port};Username=app;Database=app");

        var error = PgTest.Failed(result, ErrorKinds.ConnectionRefused);
        error.Message.ShouldContain($"127.0.0.1:{port}");
        PgTest.Long(result.Data!["port"]).ShouldBe(port);
    }

    [Fact]
    public async Task Classifies_a_wrong_password_as_auth_failed_and_never_shows_the_password()
    {
        const string Wrong = "not-the-password-42";

        var result = await PgTest.RunAsync(_probe, server.ConnectionString("app", PostgresServer.PasswordUser, Wrong));

        var error = PgTest.Failed(result, ErrorKinds.AuthFailed);
        error.Message.ShouldContain("password authentication failed");
        result.Data!["sql_state"]!.GetValue<string>().ShouldBe("28P01");
        result.Data!["user"]!.GetValue<string>().ShouldBe(PostgresServer.PasswordUser);
        result.Data.ToJsonString().ShouldNotContain(Wrong);
        error.Message.ShouldNotContain(Wrong);
    }

    [Fact]
    public async Task Connects_with_the_right_password()
    {
        var data = await PgTest.OkAsync(_probe, server.ConnectionString("app", PostgresServer.PasswordUser, PostgresServer.Password));

        data["current_user"]!.GetValue<string>().ShouldBe(PostgresServer.PasswordUser);
        data.ToJsonString().ShouldNotContain(PostgresServer.Password);
    }

    [Fact]
    public async Task Classifies_an_unknown_database_as_database_missing()
    {
        var result = await PgTest.RunAsync(_probe, server.ConnectionString("no_such_db"));

        var error = PgTest.Failed(result, ErrorKinds.DatabaseMissing);
        error.Message.ShouldContain("no_such_db");
        result.Data!["sql_state"]!.GetValue<string>().ShouldBe("3D000");
    }

    [Fact]
    public async Task Classifies_exhausted_connection_slots_as_too_many_clients()
    {
        var held = new List<NpgsqlConnection>();
        try
        {
            // Fill every slot, superuser ones included, the way a leaking pool does.
            for (var i = 0; i < PostgresServer.MaxConnections + 5; i++)
            {
                try
                {
                    held.Add(await server.OpenAsync());
                }
                catch (PostgresException e) when (e.SqlState == "53300")
                {
                    break;
                }
            }

            held.Count.ShouldBeGreaterThan(0);
            var result = await PgTest.RunAsync(_probe, server.App());

            var error = PgTest.Failed(result, ErrorKinds.TooManyClients);
            error.Message.ShouldContain("too many clients");
        }
        finally
        {
            foreach (var c in held)
            {
                await c.DisposeAsync();
            }
        }

        // Backends exit shortly after their clients leave; later tests need the slots back.
        await PgTest.EventuallyAsync(
            async () => (await PgTest.RunAsync(_probe, server.App())).Data!.AsObject(),
            d => d["version"] is not null,
            "connection slots freeing up");
    }

    [Fact]
    public async Task Classifies_a_server_that_is_starting_up_as_unavailable()
    {
        await using var fake = PostgresFakePostmaster.Failing("57P03", "the database system is starting up");

        var result = await PgTest.RunAsync(_probe, fake.ConnectionString);

        PgTest.Failed(result, ErrorKinds.Unavailable).Message.ShouldContain("starting up");
    }

    [Fact]
    public async Task Classifies_an_unresolvable_host_as_dns()
    {
        var result = await PgTest.RunAsync(_probe, "Host=no-such-host.invalid;Port=5432;Username=app;Database=app");

        PgTest.Failed(result, ErrorKinds.Dns).Message.ShouldContain("no-such-host.invalid");
    }

    [Fact]
    public async Task Reports_a_malformed_connection_string_as_invalid_argument()
    {
        var result = await PgTest.RunAsync(_probe, "Host=127.0.0.1;Bogus Keyword=1");

        PgTest.Failed(result, ErrorKinds.InvalidArgument).Message.ShouldContain("bogus keyword");
    }
}
