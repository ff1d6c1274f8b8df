using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tls;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Tls;

/// <summary>tls.inspect's SSLRequest against the real PostgreSQL the postgres tests share (it runs with ssl = off).</summary>
[Collection(PostgresCollection.Name)]
public sealed class TlsPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_postgres_server_without_ssl_declines_the_sslrequest_and_that_is_a_tls_error()
    {
        var context = TlsInspectProbeTests.Context(new JsonObject { ["url"] = $"postgres://127.0.0.1:{postgres.Port}" });

        var result = await new TlsInspectProbe().RunAsync(context, TestContext.Current.CancellationToken);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Tls);
        result.Error.Message.ShouldContain("does not offer TLS");
        result.Data!["starttls"]!.GetValue<string>().ShouldBe("postgres");
    }
}
