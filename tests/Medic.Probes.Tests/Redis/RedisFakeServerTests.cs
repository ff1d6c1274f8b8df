using System.Text;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Redis;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>Replies a real Redis cannot be made to send on demand, from <see cref="FakeRedisServer"/>.</summary>
public sealed class RedisFakeServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string InfoText(int padding = 0) =>
        "# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\n# Memory\r\nused_memory:1000\r\nmaxmemory:4000\r\n"
        + "maxmemory_policy:allkeys-lru\r\n# Persistence\r\nloading:0\r\n"
        + (padding > 0 ? "# Padding\r\n" + string.Concat(Enumerable.Range(0, padding).Select(i => $"pad_{i}:{i}\r\n")) : "");

    [Fact]
    public async Task Reads_replies_that_arrive_one_byte_at_a_time()
    {
        await using var fake = new FakeRedisServer(cmd => cmd[0] switch
        {
            "INFO" => FakeReply.Raw($"${Encoding.UTF8.GetByteCount(InfoText())}\r\n{InfoText()}\r\n", chunkSize: 1),
            _ => FakeReply.Raw("+OK\r\n", chunkSize: 1),
        });

        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error.ShouldBeNull();
        result.Data!["memory"]!["used_ratio"]!.GetValue<double>().ShouldBe(0.25);
        result.Data!["memory"]!["policy"]!.GetValue<string>().ShouldBe("allkeys-lru");
    }

    [Fact]
    public async Task Reads_a_reply_far_larger_than_its_first_buffer_in_many_pieces()
    {
        var big = InfoText(padding: 20_000);
        await using var fake = FakeRedisServer.Answering(_ => FakeReply.Raw($"${Encoding.UTF8.GetByteCount(big)}\r\n{big}\r\n", chunkSize: 32 * 1024));

        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error.ShouldBeNull();
        result.Data!["sections"]!["padding"]!["pad_19999"]!.GetValue<long>().ShouldBe(19_999);
    }

    [Fact]
    public async Task A_reply_cut_off_by_a_closed_connection_is_a_connection_reset()
    {
        await using var fake = FakeRedisServer.Answering(_ => FakeReply.Raw("$500\r\n# Server\r\nredis_ver", close: true));

        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionReset);
        result.Error.Message.ShouldContain("in the middle of a reply");
        result.Data!["stage"]!.GetValue<string>().ShouldBe("INFO");
    }

    [Theory]
    [InlineData("?garbage\r\n", "unexpected reply type")]
    [InlineData("$999999999\r\n", "exceeds the limit")]
    [InlineData("+PONG\n", "line feed without carriage return")]
    public async Task A_malformed_reply_is_a_protocol_error(string reply, string reason)
    {
        await using var fake = FakeRedisServer.Answering(_ => FakeReply.Raw(reply));

        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.Protocol);
        result.Error.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task A_server_loading_its_dataset_is_classified_as_loading()
    {
        await using var fake = new FakeRedisServer(cmd => cmd[0] == "PING"
            ? FakeReply.Raw("-LOADING Redis is loading the dataset in memory\r\n")
            : FakeReply.Raw("+OK\r\n"));

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.Loading);
        result.Data!["code"]!.GetValue<string>().ShouldBe("LOADING");
        result.Data!["stage"]!.GetValue<string>().ShouldBe("PING");
    }

    [Fact]
    public async Task An_oom_reply_is_classified_as_oom()
    {
        await using var fake = new FakeRedisServer(cmd => cmd[0] == "PING"
            ? FakeReply.Raw("-OOM command not allowed when used memory > 'maxmemory'.\r\n")
            : FakeReply.Raw("+OK\r\n"));

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.OutOfMemory);
        result.Data!["code"]!.GetValue<string>().ShouldBe("OOM");
    }

    [Fact]
    public async Task A_server_at_maxclients_is_classified_as_too_many_clients()
    {
        await using var fake = new FakeRedisServer(_ => FakeReply.Raw("-ERR max number of clients reached\r\n", close: true));

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.TooManyClients);
    }

    [Fact]
    public async Task Authenticates_names_itself_and_selects_the_database_before_probing()
    {
        await using var fake = FakeRedisServer.Answering(_ => FakeReply.Bulk(InfoText()));
        var context = RedisTestContext.For(fake.Url + "/2", new JsonObject { ["user"] = "svc", ["password"] = "pw" });

        var result = await new RedisPingProbe().RunAsync(context, Token);

        result.Error.ShouldBeNull();
        fake.Commands.Select(c => string.Join(' ', c)).ShouldBe(
            ["AUTH svc pw", "CLIENT SETNAME medic", "SELECT 2", "PING", "PING", "PING", "INFO server"]);
        result.Data!["redis_version"]!.GetValue<string>().ShouldBe("7.2.4");
    }

    [Fact]
    public async Task Probes_on_with_a_server_that_refuses_client_setname()
    {
        await using var fake = new FakeRedisServer(cmd => cmd[0] == "CLIENT"
            ? FakeReply.Raw("-NOPERM this user has no permissions to run the 'client|setname' command\r\n")
            : FakeRedisServer.Healthy(cmd) ?? FakeReply.Bulk(InfoText()));

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(fake.Url), Token);

        result.Error.ShouldBeNull();
    }

    [Fact]
    public async Task The_connection_refuses_to_send_a_command_that_writes()
    {
        await using var fake = FakeRedisServer.Answering(_ => FakeReply.Raw("+OK\r\n"));
        var connection = await RedisSession.OpenAsync(RedisTarget.Parse(fake.Url), new RedisTrace(), cancellationToken: Token);
        await using (connection)
        {
            await Should.ThrowAsync<InvalidOperationException>(() => connection.ExecuteAsync(["SET", "k", "v"], Token));
            await Should.ThrowAsync<InvalidOperationException>(() => connection.ExecuteAsync(["CONFIG", "SET", "maxmemory", "1"], Token));
            await Should.ThrowAsync<InvalidOperationException>(() => connection.ExecuteAsync(["FLUSHALL"], Token));
        }

        fake.Commands.ShouldNotContain(c => c[0] == "SET" || c[0] == "FLUSHALL" || c.Count > 1 && c[1] == "SET");
    }
}
