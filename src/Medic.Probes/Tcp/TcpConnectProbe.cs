using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Tcp;

/// <summary>
/// <c>tcp.connect</c>: resolves the component's host and opens (then closes) a TCP connection to each of its addresses
/// in turn until one accepts. Sends nothing. On an <c>http</c> component it connects to its url's host and port, which
/// tells a refused connection, a dropped one (timeout) and an unroutable address apart before any HTTP is spoken.
/// </summary>
public sealed class TcpConnectProbe : IProbe
{
    public string Name => "tcp.connect";

    public string Description => "open a TCP connection to the component's address, or an http component's url host and port (trying each resolved address): connected, the address, latency; refused, timeout (dropped) and unreachable (no route) told apart";

    public IReadOnlyList<string> Kinds { get; } = ["tcp", "http"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.Component.Kind == "http"
            ? TcpEndpoint.FromUrl(context.Component, out var problem)
            : TcpEndpoint.From(context.Component, out problem);
        if (endpoint is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!, new JsonObject { ["connected"] = false });
        }

        var data = new JsonObject { ["host"] = endpoint.Host, ["port"] = endpoint.Port, ["connected"] = false };
        context.ReportTarget(endpoint.ToString(), data);
        var budget = ProbeDeadline.Budget(context.Timeout);
        using var deadline = new CancellationTokenSource(budget, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = context.Time.GetTimestamp();
        try
        {
            IPAddress[] addresses;
            try
            {
                addresses = await ResolveAsync(endpoint.Host, linked.Token).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                return ProbeResult.Fail(ErrorKinds.Dns, $"{endpoint.Host}: name does not resolve ({e.Message})", data);
            }

            data["addresses"] = new JsonArray([.. addresses.Select(a => JsonValue.Create(a.ToString()))]);
            context.ReportTarget(endpoint.ToString(), data);
            if (addresses.Length == 0)
            {
                return ProbeResult.Fail(ErrorKinds.Dns, $"{endpoint.Host}: name has no addresses", data);
            }

            var attempts = new JsonArray();
            data["attempts"] = attempts;
            NetFailure? last = null;
            for (var i = 0; i < addresses.Length; i++)
            {
                // Each remaining address gets an equal share of the remaining time, so one black hole cannot use it all.
                var share = budget == Timeout.InfiniteTimeSpan ? budget : (budget - context.Time.GetElapsedTime(started)) / (addresses.Length - i);
                var attempt = await ConnectAsync(addresses[i], endpoint.Port, share, context.Time, linked.Token).ConfigureAwait(false);
                if (attempt.Failure is null)
                {
                    data["address"] = addresses[i].ToString();
                    data["connected"] = true;
                    data["latency_ms"] = ProbeDeadline.Milliseconds(attempt.Elapsed);
                    data.Remove("attempts");
                    return ProbeResult.Ok(data);
                }

                last = attempt.Failure;
                attempts.Add(new JsonObject { ["address"] = addresses[i].ToString(), ["kind"] = last.Kind, ["message"] = last.Message });
            }

            return ProbeResult.Fail(last!.Kind, last.Message, data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, $"no answer from {endpoint} within {Quantities.FormatDuration(context.Timeout)}", data);
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

    private static async Task<(NetFailure? Failure, TimeSpan Elapsed)> ConnectAsync(
        IPAddress address, int port, TimeSpan share, TimeProvider time, CancellationToken cancellationToken)
    {
        using var attempt = new CancellationTokenSource(share < TimeSpan.Zero ? TimeSpan.Zero : share, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        var endpoint = new IPEndPoint(address, port);
        var started = time.GetTimestamp();
        try
        {
            // Created inside the try: a host without IPv6 refuses the socket itself, which is a failure of this address only.
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, linked.Token).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            Close(socket);
            return (null, elapsed);
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (new NetFailure(ErrorKinds.Timeout, $"no answer from {endpoint} within {Quantities.FormatDuration(share)}"), time.GetElapsedTime(started));
        }
        catch (SocketException e)
        {
            return (new NetFailure(NetErrors.KindOf(e.SocketErrorCode) ?? ErrorKinds.Unreachable, $"{e.Message} ({endpoint})"), time.GetElapsedTime(started));
        }
    }

    private static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The peer may already have closed; closing is all that is left to do.
        }
    }
}
