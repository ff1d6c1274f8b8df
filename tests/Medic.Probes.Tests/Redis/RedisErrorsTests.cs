using System.Net.Sockets;
using System.Security.Authentication;
using Medic.Core.Model;
using Medic.Probes.Redis;
using Medic.Probes.Redis.Resp;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

public sealed class RedisErrorsTests
{
    private static readonly RedisTarget Target = RedisTarget.Parse("redis://:topsecret@10.1.2.3:6379");

    [Theory]
    [InlineData("NOAUTH Authentication required.", ErrorKinds.AuthFailed, "NOAUTH")]
    [InlineData("WRONGPASS invalid username-password pair or user is disabled.", ErrorKinds.AuthFailed, "WRONGPASS")]
    [InlineData("ERR invalid password", ErrorKinds.AuthFailed, "ERR")]
    [InlineData("ERR AUTH <password> called without any password configured for the default user.", ErrorKinds.AuthFailed, "ERR")]
    [InlineData("LOADING Redis is loading the dataset in memory", ErrorKinds.Loading, "LOADING")]
    [InlineData("OOM command not allowed when used memory > 'maxmemory'.", ErrorKinds.OutOfMemory, "OOM")]
    [InlineData("NOPERM this user has no permissions to run the 'config|get' command", ErrorKinds.PermissionDenied, "NOPERM")]
    [InlineData("BUSY Redis is busy running a script.", ErrorKinds.Busy, "BUSY")]
    [InlineData("ERR max number of clients reached", ErrorKinds.TooManyClients, "ERR")]
    [InlineData("ERR unknown command 'config', with args beginning with: 'get' ", ErrorKinds.Unsupported, "ERR")]
    [InlineData("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk.", ErrorKinds.ServerError, "MISCONF")]
    [InlineData("ERR something else", ErrorKinds.ServerError, "ERR")]
    [InlineData("weird lowercase", ErrorKinds.ServerError, "ERR")]
    public void Classifies_error_replies(string reply, string kind, string code)
    {
        var failure = RedisErrors.Classify(new RedisServerException(reply, "PING"), Target)!;
        failure.Kind.ShouldBe(kind);
        failure.Code.ShouldBe(code);
        failure.Message.ShouldContain("10.1.2.3:6379 answered PING");
    }

    [Fact]
    public void An_oom_reply_is_not_mistaken_for_a_refused_command()
    {
        RedisErrors.IsRefusedCommand("OOM command not allowed when used memory > 'maxmemory'.").ShouldBeFalse();
        RedisErrors.IsRefusedCommand("ERR DEBUG command not allowed.").ShouldBeTrue();
        RedisErrors.IsRefusedCommand("NOPERM no permissions").ShouldBeTrue();
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, ErrorKinds.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound, ErrorKinds.Dns)]
    [InlineData(SocketError.TimedOut, ErrorKinds.Timeout)]
    [InlineData(SocketError.NetworkUnreachable, ErrorKinds.Unreachable)]
    [InlineData(SocketError.ConnectionReset, ErrorKinds.ConnectionReset)]
    public void Classifies_socket_failures(SocketError error, string kind)
    {
        RedisErrors.Classify(new SocketException((int)error), Target)!.Kind.ShouldBe(kind);
        RedisErrors.Classify(new IOException("wrapped", new SocketException((int)error)), Target)!.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Classifies_tls_protocol_and_closed_connections()
    {
        RedisErrors.Classify(new AuthenticationException("bad cert"), Target)!.Kind.ShouldBe(ErrorKinds.Tls);
        RedisErrors.Classify(new RespProtocolException("junk"), Target)!.Kind.ShouldBe(ErrorKinds.Protocol);
        RedisErrors.Classify(new RedisConnectionClosedException("closed"), Target)!.Kind.ShouldBe(ErrorKinds.ConnectionReset);
    }

    [Fact]
    public void Leaves_our_own_bugs_unclassified()
    {
        RedisErrors.Classify(new InvalidOperationException("bug"), Target).ShouldBeNull();
        RedisErrors.Classify(new NullReferenceException(), Target).ShouldBeNull();
    }

    [Fact]
    public void Masks_the_password_if_a_message_ever_contains_it()
    {
        var failure = RedisErrors.Classify(new RedisServerException("ERR topsecret is wrong", "AUTH"), Target)!;
        failure.Message.ShouldNotContain("topsecret");
        failure.Message.ShouldContain(SecretSet.Mask);
    }
}
