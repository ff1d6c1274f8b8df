using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Redis;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisAuthTests(RedisFixture redis)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_password_a_protected_server_answers_noauth()
    {
        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(redis.Protected.Url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.AuthFailed);
        result.Data!["code"]!.GetValue<string>().ShouldBe("NOAUTH");
        result.Error.Message.ShouldContain("requires a password");
    }

    [Fact]
    public async Task A_wrong_password_is_wrongpass_and_never_shown()
    {
        var url = redis.Protected.Url.Replace("redis://", "redis://:not-the-password@", StringComparison.Ordinal);

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.AuthFailed);
        result.Data!["code"]!.GetValue<string>().ShouldBe("WRONGPASS");
        result.Data!["stage"]!.GetValue<string>().ShouldBe("AUTH");
        (result.Error.Message + result.Data.ToJsonString()).ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task The_right_password_from_the_password_setting_gets_in()
    {
        var settings = new JsonObject { ["password"] = RedisFixture.Password };

        var result = await new RedisInfoProbe().RunAsync(RedisTestContext.For(redis.Protected.Url, settings), Token);

        result.Error.ShouldBeNull();
        result.Data!.ToJsonString().ShouldNotContain(RedisFixture.Password);
    }

    [Fact]
    public async Task An_acl_user_gets_in_and_a_forbidden_config_is_an_observation()
    {
        var url = redis.Protected.Url.Replace("redis://", $"redis://{RedisFixture.Reader}:{RedisFixture.ReaderPassword}@", StringComparison.Ordinal);

        var ping = await new RedisPingProbe().RunAsync(RedisTestContext.For(url), Token);
        var config = await new RedisConfigProbe().RunAsync(RedisTestContext.For(url), Token);
        var latency = await new RedisLatencyProbe().RunAsync(RedisTestContext.For(url), Token);

        ping.Error.ShouldBeNull();
        config.Error.ShouldBeNull();
        config.Data!["available"]!.GetValue<bool>().ShouldBeFalse();
        config.Data!["code"]!.GetValue<string>().ShouldBe("NOPERM");
        config.Data!["reason"]!.GetValue<string>().ShouldContain("may not run CONFIG GET");
        latency.Error.ShouldBeNull();
        latency.Data!["threshold_ms"].ShouldBeNull();
    }

    [Fact]
    public async Task A_wrong_acl_user_is_wrongpass()
    {
        var url = redis.Protected.Url.Replace("redis://", $"redis://nobody:{RedisFixture.ReaderPassword}@", StringComparison.Ordinal);

        var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(url), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.AuthFailed);
        result.Data!["code"]!.GetValue<string>().ShouldBe("WRONGPASS");
    }

    [Fact]
    public async Task A_stopped_server_is_connection_refused()
    {
        var server = await RedisServer.StartAsync();
        await using (server)
        {
            await server.StopAsync();

            var result = await new RedisPingProbe().RunAsync(RedisTestContext.For(server.Url), Token);

            result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        }
    }
}
