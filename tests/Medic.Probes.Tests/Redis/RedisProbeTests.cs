using System.Text.Json.Nodes;
using Medic.Probes.Redis;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisProbeTests(RedisFixture redis)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ping_measures_latency_and_reads_the_server_version()
    {
        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(redis.Plain.Url), Token);

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["reply"]!.GetValue<string>().ShouldBe("PONG");
        data["samples"]!.GetValue<int>().ShouldBe(3);
        data["latency_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        data["latency_max_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(data["latency_min_ms"]!.GetValue<double>());
        data["redis_version"]!.GetValue<string>().ShouldMatch(@"^\d+\.\d+\.\d+");
        data["redis_mode"]!.GetValue<string>().ShouldBe("standalone");
        data["address"]!.GetValue<string>().ShouldBe($"127.0.0.1:{redis.Plain.Port}");
    }

    [Fact]
    public async Task Info_parses_every_section_into_typed_values()
    {
        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(redis.Plain.Url), Token);

        result.Error.ShouldBeNull();
        var data = result.Data!;
        var used = data["sections"]!["memory"]!["used_memory"]!.AsValue();
        used.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number);
        used.GetValue<long>().ShouldBeGreaterThan(0);
        data["sections"]!.AsObject().Select(s => s.Key).ShouldContain("commandstats");
        data["memory"]!["used_memory"]!.GetValue<long>().ShouldBeGreaterThan(0);
        data["memory"]!["maxmemory"]!.GetValue<long>().ShouldBe(0);
        data["memory"]!["used_ratio"].ShouldBeNull();
        data["memory"]!["policy"]!.GetValue<string>().ShouldBe("noeviction");
        data["persistence"]!["loading"]!.GetValue<bool>().ShouldBeFalse();
        data["persistence"]!["aof_enabled"]!.GetValue<bool>().ShouldBeFalse();
        data["replication"]!["role"]!.GetValue<string>().ShouldBe("master");
        data["clients"]!["maxclients"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Config_reads_the_default_settings()
    {
        var result = await new RedisConfigProbe().RunAsync(RedisTestContext.For(redis.Plain.Url), Token);

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["available"]!.GetValue<bool>().ShouldBeTrue();
        data["values"]!["maxmemory"]!.GetValue<long>().ShouldBe(0);
        data["values"]!["maxmemory-policy"]!.GetValue<string>().ShouldBe("noeviction");
        data["values"]!["appendonly"]!.GetValue<string>().ShouldBe("no");
        data["values"]!["save"]!.GetValue<string>().ShouldBe("");
        data["values"]!["maxclients"]!.GetValue<long>().ShouldBeGreaterThan(0);
        data["missing"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Config_names_settings_the_server_does_not_know()
    {
        var args = new JsonObject { ["keys"] = new JsonArray("maxmemory", "no-such-setting") };

        var result = await new RedisConfigProbe().RunAsync(RedisTestContext.For(redis.Plain.Url, args: args), Token);

        result.Data!["missing"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["no-such-setting"]);
    }

    [Fact]
    public async Task A_renamed_config_command_is_an_observation_not_a_failure()
    {
        var result = await new RedisConfigProbe().RunAsync(RedisTestContext.For(redis.ConfigDisabled.Url), Token);

        result.Error.ShouldBeNull();
        result.Data!["available"]!.GetValue<bool>().ShouldBeFalse();
        result.Data!["reason"]!.GetValue<string>().ShouldContain("disabled or renamed");
        result.Data!["values"]!.AsObject().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Slowlog_lists_commands_with_their_keys_but_not_their_values()
    {
        await using var admin = await RedisTestContext.AdminAsync(redis.Plain.Url);
        await admin.TextAsync("CONFIG", "SET", "slowlog-log-slower-than", "0");
        try
        {
            await admin.TextAsync("SLOWLOG", "RESET");
            await admin.TextAsync("SET", "medic:slow", "value-that-must-not-leak");
            await admin.TextAsync("GET", "medic:slow");

            var result = await new RedisSlowlogProbe().RunAsync(
                RedisTestContext.For(redis.Plain.Url, args: new JsonObject { ["count"] = 20 }), Token);

            result.Error.ShouldBeNull();
            var data = result.Data!;
            data["available"]!.GetValue<bool>().ShouldBeTrue();
            data["length"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(3);
            var set = data["entries"]!.AsArray().Single(e => e!["command"]!.GetValue<string>() == "SET")!;
            set["key"]!.GetValue<string>().ShouldBe("medic:slow");
            set["argc"]!.GetValue<int>().ShouldBe(3);
            set["client_name"]!.GetValue<string>().ShouldBe("medic-test");
            set["duration_us"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
            data.ToJsonString().ShouldNotContain("value-that-must-not-leak");
        }
        finally
        {
            await admin.TextAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000");
            await admin.TextAsync("DEL", "medic:slow");
        }
    }

    [Fact]
    public async Task Clients_summarises_other_connections_and_leaves_out_its_own()
    {
        var workers = new List<RedisConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var worker = await RedisTestContext.AdminAsync(redis.Plain.Url);
                await worker.TextAsync("CLIENT", "SETNAME", "worker");
                workers.Add(worker);
            }

            var result = await new RedisClientsProbe().RunAsync(RedisTestContext.For(redis.Plain.Url), Token);

            result.Error.ShouldBeNull();
            var data = result.Data!;
            data["by_name"]!["worker"]!.GetValue<int>().ShouldBe(3);
            data["by_name"]!.AsObject().ContainsKey("medic").ShouldBeFalse();
            data["by_ip"]!["127.0.0.1"]!.GetValue<int>().ShouldBe(data["total"]!.GetValue<int>());
            data["maxclients"]!.GetValue<long>().ShouldBeGreaterThan(0);
            data["rejected_connections"]!.GetValue<long>().ShouldBe(0);
            data["connected_clients"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(4);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Latency_reports_spikes_the_server_recorded()
    {
        await using var admin = await RedisTestContext.AdminAsync(redis.Plain.Url);
        await admin.TextAsync("CONFIG", "SET", "latency-monitor-threshold", "1");
        try
        {
            await admin.TextAsync("DEBUG", "SLEEP", "0.02");

            var result = await new RedisLatencyProbe().RunAsync(RedisTestContext.For(redis.Plain.Url), Token);

            result.Error.ShouldBeNull();
            var data = result.Data!;
            data["monitoring"]!.GetValue<bool>().ShouldBeTrue();
            data["threshold_ms"]!.GetValue<long>().ShouldBe(1);
            var command = data["events"]!.AsArray().Single(e => e!["event"]!.GetValue<string>() == "command")!;
            command["max_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(15);
            data["max_latency_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(15);
        }
        finally
        {
            await admin.TextAsync("CONFIG", "SET", "latency-monitor-threshold", "0");
            await admin.TextAsync("LATENCY", "RESET");
        }
    }
}
