using Medic.Probes.Nats;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

public sealed class NatsTargetTests
{
    [Theory]
    [InlineData("nats://127.0.0.1:4333", "127.0.0.1", 4333, false)]
    [InlineData("nats://127.0.0.1", "127.0.0.1", 4222, false)]
    [InlineData("tls://nats.invalid:4443", "nats.invalid", 4443, true)]
    [InlineData("127.0.0.1:4333", "127.0.0.1", 4333, false)]
    [InlineData("nats://[::1]:4222", "::1", 4222, false)]
    public void Reads_host_port_and_tls_from_the_url(string url, string host, int port, bool tls)
    {
        var target = NatsTarget.Parse(url);

        target.Host.ShouldBe(host);
        target.Port.ShouldBe(port);
        target.Tls.ShouldBe(tls);
    }

    [Fact]
    public void A_user_and_password_or_a_token_come_from_the_url_and_never_show()
    {
        var withPassword = NatsTarget.Parse("nats://app:pa%40ss@127.0.0.1:4222");
        var withToken = NatsTarget.Parse("nats://s3cr3t-token@127.0.0.1:4222");

        withPassword.User.ShouldBe("app");
        withPassword.Password.ShouldBe("pa@ss");
        withPassword.AuthMethod.ShouldBe("user_password");
        withPassword.DisplayUrl.ShouldBe("nats://127.0.0.1:4222");
        withToken.Token.ShouldBe("s3cr3t-token");
        withToken.AuthMethod.ShouldBe("token");
        withToken.ToString().ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void The_components_credentials_win_over_the_urls()
    {
        var target = NatsTarget.FromComponent(Component("nats://old:old-pw@127.0.0.1:4222", user: "new", password: "new-pw"));

        target.User.ShouldBe("new");
        target.Password.ShouldBe("new-pw");
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6379")]
    [InlineData("nats://")]
    public void Rejects_what_is_not_a_nats_url(string url) => Should.Throw<FormatException>(() => NatsTarget.Parse(url));

    [Fact]
    public void A_monitor_url_must_be_http()
    {
        var component = Component("nats://127.0.0.1:4222", monitor: "ftp://127.0.0.1:8222");

        Should.Throw<FormatException>(() => NatsTarget.FromComponent(component));
    }

    [Fact]
    public void Scrub_masks_the_credentials_in_text()
    {
        var target = NatsTarget.FromComponent(Component("nats://127.0.0.1:4222", token: "tok-123456"));

        target.Scrub("server said tok-123456").ShouldBe("server said ***");
    }
}
