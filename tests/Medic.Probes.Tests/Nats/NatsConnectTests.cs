using Medic.Core.Model;
using Medic.Probes.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

[Collection(NatsCollection.Name)]
public sealed class NatsConnectTests(NatsFixture nats)
{
    [Fact]
    public async Task Connects_and_reports_what_the_server_says_about_itself()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component(nats.JetStream));

        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["connected"]!.GetValue<bool>().ShouldBeTrue();
        data["url"]!.GetValue<string>().ShouldBe(nats.JetStream.Url);
        data["auth"]!.GetValue<string>().ShouldBe("none");
        data["server_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        data["version"]!.GetValue<string>().ShouldMatch(@"^\d+\.\d+\.\d+");
        data["jetstream"]!.GetValue<bool>().ShouldBeTrue();
        data["max_payload_bytes"]!.GetValue<long>().ShouldBe(1024 * 1024);
        data["tls_required"]!.GetValue<bool>().ShouldBeFalse();
        data["auth_required"]!.GetValue<bool>().ShouldBeFalse();
        data["latency_ms"]!.GetValue<double>().ShouldBeGreaterThan(0);
        data["latency_ms"]!.GetValue<double>().ShouldBeLessThan(10_000);
    }

    [Fact]
    public async Task Reports_jetstream_off_for_a_server_started_without_it()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component(nats.NoJetStream));

        result.Error.ShouldBeNull();
        result.Data!["jetstream"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Connects_with_the_right_user_and_password()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component(nats.Guarded, NatsFixture.User, NatsFixture.Password));

        result.Error.ShouldBeNull();
        result.Data!["auth"]!.GetValue<string>().ShouldBe("user_password");
        result.Data["auth_required"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_auth_failed_and_the_password_appears_nowhere()
    {
        const string Wrong = "not-the-right-pw";
        var result = await RunAsync(new NatsConnectProbe(), Component(nats.Guarded, NatsFixture.User, Wrong));

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.AuthFailed);
        error.Message.ShouldContain("Authorization Violation");
        error.Message.ShouldContain("alice");
        result.Data!["server_error"]!.GetValue<string>().ShouldBe("Authorization Violation");
        result.Data["stage"]!.GetValue<string>().ShouldBe("auth");
        result.Data["connected"]!.GetValue<bool>().ShouldBeFalse();
        result.Data.ToJsonString().ShouldNotContain(Wrong);
        error.Message.ShouldNotContain(Wrong);
    }

    [Fact]
    public async Task Password_in_the_url_is_used_and_never_shown()
    {
        var component = Component($"nats://{NatsFixture.User}:{NatsFixture.Password}@127.0.0.1:{nats.Guarded.Port}");

        var result = await RunAsync(new NatsConnectProbe(), component);

        result.Error.ShouldBeNull();
        result.Data!["url"]!.GetValue<string>().ShouldBe(nats.Guarded.Url);
        result.Data.ToJsonString().ShouldNotContain(NatsFixture.Password);
    }

    [Fact]
    public async Task No_credentials_for_a_server_that_requires_them_is_auth_failed_and_says_so()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component(nats.Guarded));

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.AuthFailed);
        error.Message.ShouldContain("configures no user, password or token");
    }

    [Fact]
    public async Task Connects_with_the_right_token_and_fails_with_a_wrong_one()
    {
        var right = await RunAsync(new NatsConnectProbe(), Component(nats.TokenGuarded, token: NatsFixture.Token));
        var wrong = await RunAsync(new NatsConnectProbe(), Component(nats.TokenGuarded, token: "wrong-token"));

        right.Error.ShouldBeNull();
        right.Data!["auth"]!.GetValue<string>().ShouldBe("token");
        wrong.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.AuthFailed);
        wrong.Error.Message.ShouldContain("token");
        wrong.Error.Message.ShouldNotContain("wrong-token");
    }

    [Fact]
    public async Task Nothing_listening_is_connection_refused()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component($"nats://127.0.0.1:{LoopbackPorts.Closed()}"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Data!["stage"]!.GetValue<string>().ShouldBe("connect");
    }

    [Fact]
    public async Task The_monitoring_port_is_not_the_client_port()
    {
        // An HTTP server says nothing until asked, so the probe waits for INFO in vain.
        var result = await new NatsConnectProbe().RunAsync(
            Context(Component($"nats://127.0.0.1:{nats.JetStream.MonitorPort}"), timeout: TimeSpan.FromSeconds(1)),
            TestContext.Current.CancellationToken);

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.Timeout);
        error.Message.ShouldContain("sent no INFO");
        result.Data!["stage"]!.GetValue<string>().ShouldBe("info");
    }

    [Fact]
    public async Task A_url_that_is_not_nats_is_an_invalid_argument()
    {
        var result = await RunAsync(new NatsConnectProbe(), Component("http://127.0.0.1:4222"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }
}
