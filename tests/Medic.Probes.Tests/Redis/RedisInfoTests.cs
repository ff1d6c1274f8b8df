using System.Text.Json.Nodes;
using Medic.Probes.Redis;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

public sealed class RedisInfoTests
{
    private const string Sample = """
        # Server
        redis_version:7.0.15
        redis_git_sha1:00000000
        redis_mode:standalone
        uptime_in_seconds:120
        server_time_usec:1700000100000000
        executable:/usr/bin/redis-server

        # Clients
        connected_clients:8
        blocked_clients:1
        maxclients:10

        # Memory
        used_memory:2032592
        used_memory_human:1.94M
        used_memory_rss:6578176
        maxmemory:2097152
        maxmemory_human:2.00M
        maxmemory_policy:noeviction
        mem_fragmentation_ratio:3.24
        total_system_memory:65785344

        # Persistence
        loading:0
        rdb_bgsave_in_progress:0
        rdb_last_save_time:1700000000
        rdb_last_bgsave_status:err
        aof_enabled:1
        aof_last_write_status:ok

        # Stats
        keyspace_hits:30
        keyspace_misses:10
        evicted_keys:0
        rejected_connections:4

        # Replication
        role:master
        connected_slaves:1
        slave0:ip=10.0.0.2,port=6380,state=online,offset=42,lag=0
        master_replid:8371e1c3b7d4e1e6a4d4b0f43ae2c1c9b6f5a1d2

        # Errorstats
        errorstat_ERR:count=2
        errorstat_OOM:count=5

        # Keyspace
        db0:keys=3,expires=1,avg_ttl=0
        db2:keys=4,expires=0,avg_ttl=0
        """;

    private static readonly JsonObject Sections = RedisInfo.Parse(Sample.ReplaceLineEndings("\r\n"));

    [Fact]
    public void Parses_every_section_with_numbers_as_numbers()
    {
        Sections.Select(s => s.Key).ShouldBe(
            ["server", "clients", "memory", "persistence", "stats", "replication", "errorstats", "keyspace"]);
        Sections["memory"]!["used_memory"]!.GetValue<long>().ShouldBe(2032592);
        Sections["memory"]!["mem_fragmentation_ratio"]!.GetValue<double>().ShouldBe(3.24);
        Sections["memory"]!["used_memory_human"]!.GetValue<string>().ShouldBe("1.94M");
    }

    [Fact]
    public void Keeps_versions_and_hex_ids_as_text_even_when_all_digits()
    {
        Sections["server"]!["redis_version"]!.GetValue<string>().ShouldBe("7.0.15");
        Sections["server"]!["redis_git_sha1"]!.GetValue<string>().ShouldBe("00000000");
        Sections["server"]!["executable"]!.GetValue<string>().ShouldBe("/usr/bin/redis-server");
    }

    [Fact]
    public void Turns_comma_separated_pairs_into_objects()
    {
        Sections["keyspace"]!["db2"]!["keys"]!.GetValue<long>().ShouldBe(4);
        Sections["replication"]!["slave0"]!["ip"]!.GetValue<string>().ShouldBe("10.0.0.2");
        Sections["replication"]!["slave0"]!["state"]!.GetValue<string>().ShouldBe("online");
    }

    [Fact]
    public void Summarises_memory_against_maxmemory_with_the_oom_count()
    {
        var memory = RedisInfoSummary.Memory(new InfoView(Sections));
        memory["used_ratio"]!.GetValue<double>().ShouldBe(0.9692);
        memory["headroom_bytes"]!.GetValue<long>().ShouldBe(2097152 - 2032592);
        memory["policy"]!.GetValue<string>().ShouldBe("noeviction");
        memory["limited"]!.GetValue<bool>().ShouldBeTrue();
        memory["oom_errors"]!.GetValue<long>().ShouldBe(5);
        memory["rejected_connections"]!.GetValue<long>().ShouldBe(4);
    }

    [Fact]
    public void Reports_no_used_ratio_when_maxmemory_is_unlimited()
    {
        var sections = RedisInfo.Parse("# Memory\r\nused_memory:100\r\nmaxmemory:0\r\nmaxmemory_policy:noeviction\r\n");
        var memory = RedisInfoSummary.Memory(new InfoView(sections));
        memory["used_ratio"].ShouldBeNull();
        memory["headroom_bytes"].ShouldBeNull();
        memory["limited"]!.GetValue<bool>().ShouldBeFalse();
        memory["oom_errors"].ShouldBeNull();
    }

    [Fact]
    public void Summarises_persistence_replication_clients_and_keyspace()
    {
        var data = new JsonObject();
        RedisInfoSummary.AddAll(new InfoView(Sections), data);
        data["persistence"]!["rdb_last_bgsave_status"]!.GetValue<string>().ShouldBe("err");
        data["persistence"]!["aof_enabled"]!.GetValue<bool>().ShouldBeTrue();
        data["persistence"]!["loading"]!.GetValue<bool>().ShouldBeFalse();
        data["persistence"]!["rdb_last_save_age_s"]!.GetValue<long>().ShouldBe(100);
        data["replication"]!["role"]!.GetValue<string>().ShouldBe("master");
        data["replication"]!["master_link_status"].ShouldBeNull();
        data["replication"]!["replicas"]!.AsArray().Count.ShouldBe(1);
        data["clients"]!["clients_ratio"]!.GetValue<double>().ShouldBe(0.8);
        data["keyspace"]!["keys"]!.GetValue<long>().ShouldBe(7);
        data["stats"]!["hit_ratio"]!.GetValue<double>().ShouldBe(0.75);
        data["stats"]!["errors"]!["OOM"]!.GetValue<long>().ShouldBe(5);
    }

    [Fact]
    public void Reads_a_replica_link_status()
    {
        var sections = RedisInfo.Parse("# Replication\nrole:slave\nmaster_host:10.0.0.1\nmaster_port:6379\nmaster_link_status:down\nmaster_link_down_since_seconds:30\n");
        var replication = RedisInfoSummary.Replication(new InfoView(sections));
        replication["master_link_status"]!.GetValue<string>().ShouldBe("down");
        replication["master_link_down_since_seconds"]!.GetValue<long>().ShouldBe(30);
        replication["master_port"]!.GetValue<long>().ShouldBe(6379);
    }
}
