using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

public sealed class PortOwnerProbeTests
{
    [Fact]
    public async Task Names_the_child_process_listening_on_a_port()
    {
        var port = FreePort.Next();
        using var server = ChildProcess.Start(Tools.Python3, "-m", "http.server", "--bind", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture));
        await FreePort.WaitUntilListeningAsync(port);

        var entry = Single(await RunAsync(new() { ["ports"] = new JsonArray(port) }));

        entry["port"]!.GetValue<int>().ShouldBe(port);
        entry["listening"]!.GetValue<bool>().ShouldBeTrue();
        entry["pid"]!.GetValue<int>().ShouldBe(server.Pid);
        entry["process"]!.GetValue<string>().ShouldStartWith("python");
        entry["owner_known"]!.GetValue<bool>().ShouldBeTrue();
        entry["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([$"127.0.0.1:{port}"]);
    }

    [Fact]
    public async Task A_free_port_is_not_listening()
    {
        var port = FreePort.Next();

        var entry = Single(await RunAsync(new() { ["ports"] = new JsonArray(port) }));

        entry["listening"]!.GetValue<bool>().ShouldBeFalse();
        entry["pid"].ShouldBeNull();
        entry["process"].ShouldBeNull();
        entry["addresses"]!.AsArray().ShouldBeEmpty();
        entry["owner_known"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Names_this_process_for_its_own_dual_stack_listener()
    {
        var listener = new TcpListener(IPAddress.IPv6Any, 0);
        listener.Server.DualMode = true;
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var entry = Single(await RunAsync(new() { ["ports"] = new JsonArray(port) }));

            entry["pid"]!.GetValue<int>().ShouldBe(Environment.ProcessId);
            entry["process"]!.GetValue<string>().ShouldBe((await File.ReadAllTextAsync("/proc/self/comm", TestContext.Current.CancellationToken)).TrimEnd('\n'));
            entry["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([$"[::]:{port}"]);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Takes_the_ports_from_the_component_when_the_check_names_none()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var free = FreePort.Next();

            var result = await new PortOwnerProbe().RunAsync(
                ProbeHarness.Context("host", new() { ["ports"] = new JsonArray(port, free) }), TestContext.Current.CancellationToken);

            var ports = result.OkData()["ports"]!.AsArray();
            ports.Select(p => (p!["port"]!.GetValue<int>(), p["listening"]!.GetValue<bool>())).ShouldBe([(port, true), (free, false)]);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Without_ports_the_probe_says_so_rather_than_throwing()
    {
        var result = await RunAsync([]);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task Rejects_a_port_out_of_range()
    {
        var result = await RunAsync(new() { ["ports"] = new JsonArray(70000) });

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Theory]
    [InlineData("   0: 0100007F:0BB9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0", "127.0.0.1:3001", 4242UL)]
    [InlineData("   1: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 17 1 0 100 0 0 10 0", "0.0.0.0:80", 17UL)]
    [InlineData("   0: 00000000000000000000000000000000:0BB9 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0 100 0 0 10 0", "[::]:3001", 99UL)]
    [InlineData("   0: 00000000000000000000000001000000:0BB9 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 98 1 0 100 0 0 10 0", "[::1]:3001", 98UL)]
    [InlineData("   0: 0000000000000000FFFF00000100007F:0BB9 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 97 1 0 100 0 0 10 0", "127.0.0.1:3001", 97UL)]
    public void Decodes_listening_sockets_from_proc_net_tcp(string line, string endpoint, ulong inode)
    {
        var socket = ProcNetTcp.Parse(line)!;

        socket.Endpoint.ShouldBe(endpoint);
        socket.Inode.ShouldBe(inode);
    }

    [Fact]
    public void Skips_sockets_that_are_not_listening()
    {
        ProcNetTcp.Parse("   2: 0100007F:0BB9 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 555 1 0 20 4 30 10 -1").ShouldBeNull();
    }

    private static Task<ProbeResult> RunAsync(JsonObject args) =>
        new PortOwnerProbe().RunAsync(ProbeHarness.Context("host", [], args), TestContext.Current.CancellationToken);

    private static JsonObject Single(ProbeResult result) => result.OkData()["ports"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
}
