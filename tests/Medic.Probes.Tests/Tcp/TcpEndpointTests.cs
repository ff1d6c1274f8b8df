using System.Text.Json.Nodes;
using Medic.Probes.Tcp;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Tcp;

public sealed class TcpEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:5432", "127.0.0.1", 5432)]
    [InlineData("db.internal:6379", "db.internal", 6379)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("[fe80::1%eth0]:22", "fe80::1%eth0", 22)]
    [InlineData(" tcp://127.0.0.1:4222/ ", "127.0.0.1", 4222)]
    public void Parses_an_address(string text, string host, int port)
    {
        TcpEndpoint.TryParse(text, out var endpoint, out var problem).ShouldBeTrue(problem);

        endpoint.ShouldBe(new TcpEndpoint(host, port));
    }

    [Theory]
    [InlineData("127.0.0.1", "is not host:port")]
    [InlineData("::1", "write IPv6 addresses as [address]:port")]
    [InlineData("::1:8080", "write IPv6 addresses as [address]:port")]
    [InlineData("[::1]8080", "is not [IPv6]:port")]
    [InlineData("host:http", "has no valid port")]
    [InlineData("host:0", "outside 1-65535")]
    [InlineData("host:70000", "outside 1-65535")]
    [InlineData(":80", "is not host:port")]
    public void Rejects_an_address_without_a_usable_host_and_port(string text, string reason)
    {
        TcpEndpoint.TryParse(text, out var endpoint, out var problem).ShouldBeFalse();

        endpoint.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Takes_host_and_port_settings_when_there_is_no_address()
    {
        var endpoint = TcpEndpoint.From(Component("tcp", new JsonObject { ["host"] = "::1", ["port"] = 5432L }), out _);

        endpoint.ShouldBe(new TcpEndpoint("::1", 5432));
        endpoint!.ToString().ShouldBe("[::1]:5432");
    }

    [Fact]
    public void Names_what_is_missing_when_there_is_neither()
    {
        TcpEndpoint.From(Component("tcp", new JsonObject { ["host"] = "db" }), out var problem).ShouldBeNull();

        problem.ShouldBe("component 'target' needs 'address' (host:port) or both 'host' and 'port'");
    }
}
