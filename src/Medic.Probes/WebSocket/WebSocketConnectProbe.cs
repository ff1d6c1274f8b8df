using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.WebSocket;

/// <summary>
/// <c>websocket.connect</c>: one WebSocket opening handshake, as a browser makes it, then optionally the server's first
/// message, a round trip and an idle hold. A server that answers HTTP but does not switch protocols is an
/// <c>upgrade_rejected</c> error whose data keeps the status, headers and body start, so runbooks can tell a proxy
/// that strips <c>Upgrade</c> (400, 426, or a plain 200) from a refused or timed-out backend (a connection error,
/// or a proxy's 502/504).
/// </summary>
public sealed partial class WebSocketConnectProbe : IProbe
{
    private const int MaxBodyChars = 512;
    private static readonly TimeSpan BodyWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CloseWait = TimeSpan.FromMilliseconds(300);

    public string Name => "websocket.connect";

    public string Description =>
        "open a WebSocket (upgrade with the component's headers, subprotocol and token): the handshake's status and headers, "
        + "connect and upgrade time, the first message and a round trip, and whether an idle connection is dropped and when";

    public IReadOnlyList<string> Kinds { get; } = ["websocket"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("path", ParameterType.String, Description: "path appended to the component's url"),
        new("headers", ParameterType.Map, Description: "headers to send on the upgrade, over the component's own"),
        new("subprotocol", ParameterType.String, Description: "subprotocol to request (default: the component's)"),
        new("send", ParameterType.String, Description: "a text message to send once open; its reply is timed (default: the component's)"),
        new("expect_first_message", ParameterType.Bool, Description: "wait for the server's first message and time it (default: the component's)"),
        new("idle", ParameterType.Duration, Description: "hold the open connection idle this long and report whether it is dropped (default: the component's)"),
        new("wait", ParameterType.Duration, Description: "how long to wait for a first message or a reply (default 3s)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = WebSocketTarget.Create(context, out var problem);
        var plan = target is null ? null : WebSocketPlan.Read(context, out problem);
        if (target is null || plan is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!, new JsonObject { ["url"] = target?.DisplayUrl ?? context.Component.GetString("url") });
        }

        var data = new JsonObject { ["url"] = target.DisplayUrl, ["upgraded"] = false, ["token_sent"] = target.TokenPlacement };
        context.ReportTarget(target.DisplayUrl, data);
        if (target.TlsInsecure && target.Secure)
        {
            data["tls_insecure"] = true;
        }

        var budget = ProbeDeadline.Budget(context.Timeout);
        using var deadline = new CancellationTokenSource(budget, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var trace = new HandshakeTrace(context.Time);
        try
        {
            await using var connection = await WebSocketConnection.OpenAsync(target, trace, linked.Token).ConfigureAwait(false);
            data["connect_ms"] = ProbeDeadline.Milliseconds(trace.ConnectTime ?? trace.Elapsed);
            if (connection.Tls is { } tls)
            {
                data["tls_protocol"] = Tls.TlsNames.Protocol(tls.SslProtocol);
            }

            var request = UpgradeRequest.For(target);
            await connection.WriteAsync(request.Bytes, linked.Token).ConfigureAwait(false);
            var head = await connection.ReadHeadAsync(linked.Token).ConfigureAwait(false);
            var upgradedAt = context.Time.GetTimestamp();
            data["upgrade_ms"] = ProbeDeadline.Milliseconds(trace.Elapsed);
            Describe(head, data);
            if (head.StatusCode != 101)
            {
                var body = await connection.ReadBodyAsync(head, MaxBodyChars, BodyWait, context.Time, linked.Token).ConfigureAwait(false);
                data["body"] = body.Length == 0 ? null : body;
                return ProbeResult.Fail(ErrorKinds.UpgradeRejected, Rejection(target, head), data);
            }

            if (Invalid(head, request, target) is { } invalid)
            {
                return ProbeResult.Fail(ErrorKinds.Protocol, $"{target.DisplayUrl}: {invalid}", data);
            }

            trace.Stage = HandshakeStage.Open;
            data["upgraded"] = true;
            data["subprotocol_requested"] = target.Subprotocol;
            data["subprotocol"] = head["Sec-WebSocket-Protocol"];
            using var receiving = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            var receiver = WebSocketReceiver.Start(connection, context.Time, receiving.Token);
            try
            {
                var exchange = new WebSocketExchange(connection, receiver, context.Time, () => Remaining(budget, trace.Elapsed));
                var closed = await exchange.RunAsync(plan, upgradedAt, data, linked.Token).ConfigureAwait(false);
                if (closed is null)
                {
                    await CloseAsync(receiver, linked.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                // The reader must be done with the connection before it is disposed.
                await receiving.CancelAsync().ConfigureAwait(false);
                await receiver.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return ProbeResult.Ok(data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, TimeoutMessage(target, trace.Stage, context.Timeout), data);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or WebSocketProtocolException)
        {
            var (kind, message) = Classify(e, target, trace.Stage);
            return ProbeResult.Fail(kind, message, data);
        }
    }

    /// <summary>What is left for the exchange: the budget less the time spent, less room to close politely.</summary>
    private static TimeSpan Remaining(TimeSpan budget, TimeSpan elapsed)
    {
        if (budget == Timeout.InfiniteTimeSpan)
        {
            return TimeSpan.MaxValue;
        }

        var reserve = TimeSpan.FromTicks(Math.Min(budget.Ticks / 10, CloseWait.Ticks));
        var left = budget - elapsed - reserve;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static async Task CloseAsync(WebSocketReceiver receiver, CancellationToken cancellationToken)
    {
        try
        {
            await receiver.CloseAsync(cancellationToken).ConfigureAwait(false);
            await receiver.Completion.WaitAsync(CloseWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or SocketException or ObjectDisposedException)
        {
            // Closing politely is a courtesy; the connection is disposed either way.
        }
    }
}
