using System.Text.Json.Nodes;
using Medic.Probes.Redis;
using Medic.Probes.Redis.Resp;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>How array replies (SLOWLOG GET, LATENCY LATEST, CONFIG GET) become observation data, across server versions.</summary>
public sealed class RedisReplyShapeTests
{
    private static RespValue Args(params string[] args) => RespValue.Array([.. args.Select(RespValue.Bulk)]);

    private static RespValue SlowEntry(RespValue args, params RespValue[] tail) =>
        RespValue.Array([RespValue.Number(7), RespValue.Number(1_700_000_000), RespValue.Number(12_500), args, .. tail]);

    [Fact]
    public void A_slowlog_entry_shows_command_key_and_argument_count_but_no_values()
    {
        var entry = RedisSlowlogProbe.Entry(SlowEntry(Args("set", "user:1", "secret-value"),
            RespValue.Bulk("10.0.0.5:5000"), RespValue.Bulk("api")))!;

        entry["command"]!.GetValue<string>().ShouldBe("SET");
        entry["key"]!.GetValue<string>().ShouldBe("user:1");
        entry["argc"]!.GetValue<int>().ShouldBe(3);
        entry["duration_ms"]!.GetValue<double>().ShouldBe(12.5);
        entry["time"]!.GetValue<string>().ShouldBe("2023-11-14T22:13:20Z");
        entry["client_addr"]!.GetValue<string>().ShouldBe("10.0.0.5:5000");
        entry.ToJsonString().ShouldNotContain("secret-value");
    }

    [Fact]
    public void A_slowlog_entry_names_subcommands_and_hides_auth_arguments()
    {
        RedisSlowlogProbe.Entry(SlowEntry(Args("config", "get", "maxmemory")))!["command"]!.GetValue<string>().ShouldBe("CONFIG GET");
        var auth = RedisSlowlogProbe.Entry(SlowEntry(Args("AUTH", "hunter2")))!;
        auth["key"].ShouldBeNull();
        auth.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public void A_slowlog_entry_from_a_server_before_4_has_no_client_fields()
    {
        var entry = RedisSlowlogProbe.Entry(SlowEntry(Args("KEYS", "*")))!;
        entry["client_addr"].ShouldBeNull();
        entry["key"]!.GetValue<string>().ShouldBe("*");
    }

    [Fact]
    public void A_malformed_slowlog_entry_is_skipped()
    {
        RedisSlowlogProbe.Entry(RespValue.Array([RespValue.Number(1)])).ShouldBeNull();
        RedisSlowlogProbe.Entry(RespValue.Bulk("x")).ShouldBeNull();
    }

    [Fact]
    public void A_latency_event_keeps_latest_and_max_spike()
    {
        var e = RedisLatencyProbe.Event(RespValue.Array(
            [RespValue.Bulk("command"), RespValue.Number(1_700_000_000), RespValue.Number(25), RespValue.Number(250)]))!;
        e["event"]!.GetValue<string>().ShouldBe("command");
        e["latest_ms"]!.GetValue<long>().ShouldBe(25);
        e["max_ms"]!.GetValue<long>().ShouldBe(250);
    }

    [Fact]
    public void Config_pairs_become_typed_values()
    {
        var values = new JsonObject();
        RedisConfigProbe.AddPairs(Args("maxmemory", "1048576", "maxmemory-policy", "allkeys-lru", "save", "3600 1 300 100"), values)
            .ShouldBeTrue();
        values["maxmemory"]!.GetValue<long>().ShouldBe(1_048_576);
        values["maxmemory-policy"]!.GetValue<string>().ShouldBe("allkeys-lru");
        values["save"]!.GetValue<string>().ShouldBe("3600 1 300 100");
        RedisConfigProbe.AddPairs(RespValue.Array([]), values).ShouldBeFalse();
    }
}
