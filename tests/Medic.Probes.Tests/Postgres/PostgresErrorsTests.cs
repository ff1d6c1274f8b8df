using System.Net.Sockets;
using Medic.Core.Model;
using Medic.Probes.Postgres;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

public sealed class PostgresErrorsTests
{
    private static readonly PostgresTarget Target = new("db.internal", 5432, "app", "app");

    [Theory]
    [InlineData("28P01", ErrorKinds.AuthFailed)]
    [InlineData("28000", ErrorKinds.AuthFailed)]
    [InlineData("3D000", ErrorKinds.DatabaseMissing)]
    [InlineData("53300", ErrorKinds.TooManyClients)]
    [InlineData("57P03", ErrorKinds.Unavailable)]
    [InlineData("57014", ErrorKinds.Timeout)]
    [InlineData("55P03", ErrorKinds.Busy)]
    [InlineData("42501", ErrorKinds.PermissionDenied)]
    [InlineData("42P01", ErrorKinds.NotFound)]
    [InlineData("42601", ErrorKinds.InvalidArgument)]
    [InlineData("25006", ErrorKinds.InvalidArgument)]
    [InlineData("XX001", ErrorKinds.Corrupt)]
    [InlineData("08006", ErrorKinds.ConnectionReset)]
    [InlineData("53100", ErrorKinds.QueryFailed)]
    public void Maps_sql_states_to_error_kinds(string sqlState, string kind)
    {
        PostgresErrors.KindOf(sqlState).ShouldBe(kind);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, ErrorKinds.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound, ErrorKinds.Dns)]
    [InlineData(SocketError.TryAgain, ErrorKinds.Dns)]
    [InlineData(SocketError.TimedOut, ErrorKinds.Timeout)]
    [InlineData(SocketError.HostUnreachable, ErrorKinds.Unreachable)]
    [InlineData(SocketError.NetworkUnreachable, ErrorKinds.Unreachable)]
    [InlineData(SocketError.ConnectionReset, ErrorKinds.ConnectionReset)]
    public void Maps_socket_errors_under_npgsql_exceptions(SocketError error, string kind)
    {
        var e = new NpgsqlException("Failed to connect", new SocketException((int)error));

        PostgresErrors.Classify(e, Target).Kind.ShouldBe(kind);
    }

    [Fact]
    public void Maps_a_timeout_under_an_npgsql_exception()
    {
        var (kind, message) = PostgresErrors.Classify(new NpgsqlException("Exception while reading", new TimeoutException()), Target);

        kind.ShouldBe(ErrorKinds.Timeout);
        message.ShouldContain("db.internal:5432");
    }

    [Fact]
    public void Masks_the_password_in_messages_and_details()
    {
        var result = PostgresErrors.ToResult(new ArgumentException("bad value 'hunter2-secret' for port"), Target, "hunter2-secret");

        result.Error!.Message.ShouldBe("the connection string is not valid: bad value '***' for port");
        result.Data!.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public void Names_settings_by_unit_and_converts_them()
    {
        Setting("statement_timeout", "30000", "ms", "integer").ShouldBe("statement_timeout_ms=30000");
        Setting("idle_session_timeout", "0", "ms", "integer").ShouldBe("idle_session_timeout_ms=0");
        Setting("log_min_duration_statement", "-1", "ms", "integer").ShouldBe("log_min_duration_statement_ms=-1");
        Setting("shared_buffers", "16384", "8kB", "integer").ShouldBe("shared_buffers_bytes=134217728");
        Setting("max_wal_size", "1024", "MB", "integer").ShouldBe("max_wal_size_bytes=1073741824");
        Setting("max_connections", "100", null, "integer").ShouldBe("max_connections=100");
        Setting("TimeZone", "Etc/UTC", null, "string").ShouldBe("timezone=Etc/UTC");
        Setting("ssl", "off", null, "bool").ShouldBe("ssl=false");
    }

    private static string Setting(string name, string? value, string? unit, string type)
    {
        var (key, node) = PostgresConnectProbe.Setting(name, value, unit, type);
        return $"{key}={node?.ToJsonString().Trim('"')}";
    }
}
