using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Medic.Core.Model;
using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

public sealed class HttpFailureTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, ErrorKinds.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound, ErrorKinds.Dns)]
    [InlineData(SocketError.TryAgain, ErrorKinds.Dns)]
    [InlineData(SocketError.TimedOut, ErrorKinds.Timeout)]
    [InlineData(SocketError.NetworkUnreachable, ErrorKinds.Unreachable)]
    [InlineData(SocketError.HostUnreachable, ErrorKinds.Unreachable)]
    [InlineData(SocketError.ConnectionReset, ErrorKinds.ConnectionReset)]
    public void Classifies_socket_errors(SocketError code, string kind)
    {
        var e = new HttpRequestException(HttpRequestError.ConnectionError, "failed", new SocketException((int)code));
        HttpFailure.Classify(e).ShouldBe(kind);
    }

    [Fact]
    public void Classifies_request_errors_without_a_socket_error()
    {
        HttpFailure.Classify(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")).ShouldBe(ErrorKinds.Dns);
        HttpFailure.Classify(new HttpRequestException(HttpRequestError.SecureConnectionError, "tls")).ShouldBe(ErrorKinds.Tls);
        HttpFailure.Classify(new HttpRequestException("x", new AuthenticationException("bad cert"))).ShouldBe(ErrorKinds.Tls);
        HttpFailure.Classify(new HttpRequestException(HttpRequestError.InvalidResponse, "garbage")).ShouldBe(ErrorKinds.Protocol);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.NotFound, ErrorKinds.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized, ErrorKinds.AuthFailed)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ErrorKinds.Busy)]
    [InlineData(HttpStatusCode.InternalServerError, ErrorKinds.Protocol)]
    public void Classifies_http_statuses(HttpStatusCode status, string? kind)
    {
        HttpFailure.FromStatus(status).ShouldBe(kind);
    }
}
