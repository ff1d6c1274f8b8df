using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

public sealed class ConfigValuesTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reports_the_values_asked_for_and_masks_secret_keys()
    {
        _folder.Write("config.toml", """
            publish = false
            node_id = 3

            [replication_log]
            shards = 4

            [nats]
            urls = ["nats://a:4222"]
            user_password = "hunter2"
            """);
        var args = new JsonObject { ["values"] = new JsonArray("publish", "replication_log.shards", "nats.urls", "nats.user_password", "snapshot.store") };

        var result = await _folder.ParseAsync("config.toml", args: args);

        var values = result.Data!["values"]!.AsObject();
        values["publish"]!.GetValue<string>().ShouldBe("false");
        values["replication_log.shards"]!.GetValue<string>().ShouldBe("4");
        values["nats.urls"]!.GetValue<string>().ShouldContain("nats://a:4222");
        values["nats.user_password"]!.GetValue<string>().ShouldBe("***");
        values["snapshot.store"].ShouldBeNull();
        result.Data.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Without_values_nothing_is_reported()
    {
        _folder.Write("config.toml", "publish = true\n");

        var result = await _folder.ParseAsync("config.toml");

        result.Data!["values"]!.AsObject().Count.ShouldBe(0);
    }
}
