using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

[Collection(NatsCollection.Name)]
public sealed class NatsMonitorTests(NatsFixture nats)
{
    [Fact]
    public async Task Varz_reports_the_server_and_jetstream_limits()
    {
        var result = await RunAsync(new NatsVarzProbe(), Component(nats.JetStream));

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["url"]!.GetValue<string>().ShouldBe($"{nats.JetStream.MonitorUrl}/varz");
        data["version"]!.GetValue<string>().ShouldMatch(@"^\d+\.\d+\.\d+");
        data["port"]!.GetValue<long>().ShouldBe(nats.JetStream.Port);
        data["max_connections"]!.GetValue<long>().ShouldBeGreaterThan(0);
        data["slow_consumers"]!.GetValue<long>().ShouldBe(0);
        data["mem_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
        data["uptime_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        var js = data["jetstream"]!;
        js["enabled"]!.GetValue<bool>().ShouldBeTrue();
        js["max_storage_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
        js["store_dir"]!.GetValue<string>().ShouldStartWith(nats.JetStream.Folder);
    }

    [Fact]
    public async Task Varz_shows_jetstream_disabled_on_a_server_without_it()
    {
        var result = await RunAsync(new NatsVarzProbe(), Component(nats.NoJetStream));

        result.Error.ShouldBeNull();
        result.Data!["jetstream"]!["enabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Jsz_reports_disabled_on_a_server_without_jetstream()
    {
        var result = await RunAsync(new NatsJszProbe(), Component(nats.NoJetStream));

        result.Error.ShouldBeNull();
        result.Data!["enabled"]!.GetValue<bool>().ShouldBeFalse();
        result.Data["streams"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Jsz_reports_each_stream_and_the_backlog_of_its_consumers()
    {
        await using (var client = await NatsTestClient.ConnectAsync(nats.JetStream.Port))
        {
            await client.CreateStreamAsync("orders", "orders.>", maxBytes: 1024 * 1024);
            await client.CreateConsumerAsync("orders", "billing");
            for (var i = 0; i < 7; i++)
            {
                await client.PublishAsync("orders.new", $"order {i}");
            }

            await client.FlushAsync();
        }

        var result = await RunAsync(new NatsJszProbe(), Component(nats.JetStream), new JsonObject { ["stream"] = "orders" });

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["enabled"]!.GetValue<bool>().ShouldBeTrue();
        data["reserved_storage_bytes"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(1024 * 1024);
        data["storage_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
        data["storage_ratio"]!.GetValue<double>().ShouldBeLessThan(0.01);
        var stream = data["streams"]!.AsArray().ShouldHaveSingleItem()!;
        stream["name"]!.GetValue<string>().ShouldBe("orders");
        stream["storage"]!.GetValue<string>().ShouldBe("file");
        stream["messages"]!.GetValue<long>().ShouldBe(7);
        stream["first_seq"]!.GetValue<long>().ShouldBe(1);
        stream["last_seq"]!.GetValue<long>().ShouldBe(7);
        stream["max_bytes"]!.GetValue<long>().ShouldBe(1024 * 1024);
        stream["bytes_ratio"]!.GetValue<double>().ShouldBeGreaterThan(0);
        stream["max_msgs"].ShouldBeNull();
        stream["consumer_count"]!.GetValue<long>().ShouldBe(1);
        var consumer = stream["consumers"]!.AsArray().ShouldHaveSingleItem()!;
        consumer["name"]!.GetValue<string>().ShouldBe("billing");
        consumer["durable"]!.GetValue<bool>().ShouldBeTrue();
        consumer["num_pending"]!.GetValue<long>().ShouldBe(7);
        consumer["num_ack_pending"]!.GetValue<long>().ShouldBe(0);
        consumer["last_active_ms"].ShouldBeNull();
        data["max_consumer_pending"]!.GetValue<long>().ShouldBe(7);
        data["top_consumers"]!.AsArray()[0]!["stream"]!.GetValue<string>().ShouldBe("orders");
    }

    [Fact]
    public async Task Healthz_is_healthy_on_a_running_server()
    {
        var result = await RunAsync(new NatsHealthzProbe(), Component(nats.JetStream));

        result.Error.ShouldBeNull();
        result.Data!["healthy"]!.GetValue<bool>().ShouldBeTrue();
        result.Data["status"]!.GetValue<string>().ShouldBe("ok");
        result.Data["status_code"]!.GetValue<int>().ShouldBe(200);
    }

    [Fact]
    public async Task Routez_reports_no_routes_for_a_server_outside_a_cluster()
    {
        var result = await RunAsync(new NatsRoutezProbe(), Component(nats.JetStream));

        result.Error.ShouldBeNull();
        result.Data!["num_routes"]!.GetValue<long>().ShouldBe(0);
        result.Data["routes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Connz_lists_a_connected_client_by_name()
    {
        await using var client = await NatsTestClient.ConnectAsync(nats.NoJetStream.Port, name: "order-service");

        var result = await RunAsync(new NatsConnzProbe(), Component(nats.NoJetStream));

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["num_connections"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(1);
        var mine = data["top_pending"]!.AsArray().Single(c => c!["name"]?.GetValue<string>() == "order-service")!;
        mine["subscriptions"]!.GetValue<long>().ShouldBe(1);
        mine["ip"]!.GetValue<string>().ShouldBe("127.0.0.1");
        data["closed_slow_consumers"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task A_component_without_a_monitor_url_is_an_invalid_argument()
    {
        var result = await RunAsync(new NatsVarzProbe(), Component(nats.JetStream.Url));

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        error.Message.ShouldContain("monitor");
    }

    [Fact]
    public async Task A_monitor_url_that_serves_something_else_is_named()
    {
        await using var notNats = ScriptedServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>");
        await using var missing = ScriptedServer.Answering("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

        var html = await RunAsync(new NatsJszProbe(), Component(nats.JetStream.Url, notNats.Url));
        var notFound = await RunAsync(new NatsJszProbe(), Component(nats.JetStream.Url, missing.Url));

        html.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Protocol);
        html.Error.Message.ShouldContain("monitoring");
        notFound.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.NotFound);
        notFound.Data!["status_code"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task A_stopped_monitor_is_connection_refused()
    {
        var result = await RunAsync(new NatsHealthzProbe(), Component(nats.JetStream.Url, $"http://127.0.0.1:{LoopbackPorts.Closed()}"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.ConnectionRefused);
    }
}
