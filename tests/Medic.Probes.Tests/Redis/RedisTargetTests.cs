using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Systems;
using Medic.Probes.Redis;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

public sealed class RedisTargetTests
{
    private static RedisTarget FromSettings(JsonObject settings) =>
        RedisTarget.FromComponent(new Component("cache", "redis", settings, "/", SourcePosition.Start("medic.yaml")));

    [Fact]
    public void Reads_host_port_and_database_from_the_url()
    {
        var target = RedisTarget.Parse("redis://cache.internal:6380/3");
        target.Host.ShouldBe("cache.internal");
        target.Port.ShouldBe(6380);
        target.Database.ShouldBe(3);
        target.Tls.ShouldBeFalse();
        target.Password.ShouldBeNull();
    }

    [Fact]
    public void Defaults_to_port_6379_and_database_0()
    {
        var target = RedisTarget.Parse("redis://127.0.0.1");
        target.Port.ShouldBe(6379);
        target.Database.ShouldBe(0);
        target.Address.ShouldBe("127.0.0.1:6379");
    }

    [Fact]
    public void Rediss_means_tls()
    {
        RedisTarget.Parse("rediss://h:6380").Tls.ShouldBeTrue();
    }

    [Fact]
    public void Reads_an_unescaped_password_with_or_without_a_user()
    {
        var plain = RedisTarget.Parse("redis://:p%40ss%3Aw0rd@h:1/0");
        plain.User.ShouldBeNull();
        plain.Password.ShouldBe("p@ss:w0rd");
        var acl = RedisTarget.Parse("redis://app:pw@h:1");
        acl.User.ShouldBe("app");
        acl.Password.ShouldBe("pw");
    }

    [Fact]
    public void Brackets_ipv6_hosts_in_the_address()
    {
        var target = RedisTarget.Parse("redis://[::1]:7000");
        target.Host.ShouldBe("::1");
        target.Address.ShouldBe("[::1]:7000");
    }

    [Fact]
    public void Settings_override_the_url_credentials_and_can_relax_tls()
    {
        var target = FromSettings(new JsonObject
        {
            ["url"] = "rediss://u:urlpw@h:1", ["user"] = "svc", ["password"] = "settingpw", ["tls_insecure"] = true,
        });
        target.User.ShouldBe("svc");
        target.Password.ShouldBe("settingpw");
        target.TlsInsecure.ShouldBeTrue();
    }

    [Theory]
    [InlineData("http://h:1", "redis:// or rediss://")]
    [InlineData("redis://h:1/zero", "database number")]
    [InlineData("not a url", "not a valid absolute URL")]
    public void Rejects_urls_it_cannot_use_without_echoing_them(string url, string reason)
    {
        Should.Throw<FormatException>(() => RedisTarget.Parse(url)).Message.ShouldContain(reason);
    }

    [Fact]
    public void Never_prints_the_password()
    {
        var target = RedisTarget.Parse("redis://:hunter22@h:1");
        target.ToString().ShouldNotContain("hunter22");
        target.ToString().ShouldBe("h:1");
    }
}
