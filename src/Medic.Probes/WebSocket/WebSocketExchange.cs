using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Probes.Net;

namespace Medic.Probes.WebSocket;

/// <summary>
/// What happens on an upgraded connection, in order: the server's first message, a round trip, an idle hold. Every
/// wait ends before the probe's own deadline, so running out of time is data ("nothing came"), not a timeout.
/// </summary>
internal sealed class WebSocketExchange(WebSocketConnection connection, WebSocketReceiver receiver, TimeProvider time, Func<TimeSpan> remaining)
{
    /// <summary>With nothing else to do, listen this long for a server that accepts and then closes at once (auth often does).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private const int ShownChars = 200;

    /// <summary>Runs the plan, writing what it saw into <paramref name="data"/>; returns how the server ended the connection, if it did.</summary>
    public async Task<ClosedEvent?> RunAsync(WebSocketPlan plan, long upgradedAt, JsonObject data, CancellationToken cancellationToken)
    {
        ClosedEvent? closed = null;
        if (plan.ExpectFirstMessage)
        {
            var first = await NextAsync(Shorter(plan.Wait, remaining()), cancellationToken).ConfigureAwait(false);
            closed = first as ClosedEvent;
            var message = first as MessageEvent;
            data["first_message_received"] = message is not null;
            data["first_message_ms"] = message is null ? null : Ms(time.GetElapsedTime(upgradedAt, message.At));
            data["first_message"] = message is null ? null : Show(message.Text);
            data["first_message_bytes"] = message?.Length;
        }

        if (closed is null && plan.Send is { } text)
        {
            var sentAt = time.GetTimestamp();
            var reply = await SendAsync(text, cancellationToken).ConfigureAwait(false)
                ?? await NextAsync(Shorter(plan.Wait, remaining()), cancellationToken).ConfigureAwait(false);
            closed = reply as ClosedEvent;
            var message = reply as MessageEvent;
            data["reply_received"] = message is not null;
            data["round_trip_ms"] = message is null ? null : Ms(time.GetElapsedTime(sentAt, message.At));
            data["reply"] = message is null ? null : Show(message.Text);
        }

        var closedWhileIdle = false;
        if (closed is null && plan.Idle > TimeSpan.Zero)
        {
            closed = await HoldIdleAsync(plan.Idle, data, cancellationToken).ConfigureAwait(false);
            closedWhileIdle = closed is not null;
        }
        else if (closed is null && !plan.ExpectFirstMessage && plan.Send is null)
        {
            closed = await NextAsync(Shorter(Settle, remaining()), cancellationToken).ConfigureAwait(false) as ClosedEvent;
        }

        if (closed is not null && !closedWhileIdle)
        {
            data["closed"] = new JsonObject
            {
                ["after_ms"] = Ms(time.GetElapsedTime(upgradedAt, closed.At)),
                ["close_status"] = closed.Status,
                ["close_reason"] = closed.Reason,
                ["error"] = closed.Error,
            };
        }

        return closed;
    }

    /// <summary>Sends nothing for the window and reports whether the server or a proxy between ends the connection.</summary>
    private async Task<ClosedEvent?> HoldIdleAsync(TimeSpan window, JsonObject data, CancellationToken cancellationToken)
    {
        var hold = Shorter(window, remaining());
        var started = time.GetTimestamp();
        var messages = 0;
        ClosedEvent? closed = null;
        while (time.GetElapsedTime(started) < hold)
        {
            var next = await NextAsync(hold - time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            if (next is MessageEvent)
            {
                // The server spoke, so the connection was not idle for a proxy either; worth knowing when nothing drops.
                messages++;
                continue;
            }

            closed = next as ClosedEvent;
            break;
        }

        data["idle"] = new JsonObject
        {
            ["window_ms"] = Ms(window),
            ["held_ms"] = Ms(closed is null ? time.GetElapsedTime(started) : time.GetElapsedTime(started, closed.At)),
            ["cut_short"] = hold < window && closed is null,
            ["dropped"] = closed is not null,
            ["dropped_after_ms"] = closed is null ? null : Ms(time.GetElapsedTime(started, closed.At)),
            ["close_status"] = closed?.Status,
            ["close_reason"] = closed?.Reason,
            ["close_frame"] = closed is null ? null : closed.Error is null,
            ["error"] = closed?.Error,
            ["messages"] = messages,
        };
        return closed;
    }

    private async Task<WebSocketEvent?> SendAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The server already went away; its close (if it sent one) says more than the write error.
            return await NextAsync(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false) as ClosedEvent
                ?? new ClosedEvent(time.GetTimestamp(), null, null, NetErrors.Classify(e).Message);
        }
    }

    /// <summary>The next event within <paramref name="wait"/>, or null when none came (or the connection's events are over).</summary>
    private async Task<WebSocketEvent?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return receiver.Events.TryRead(out var ready) ? ready : null;
        }

        using var limit = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await receiver.Events.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return null;
        }
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static double Ms(TimeSpan span) => ProbeDeadline.Milliseconds(span);

    private static string Show(string text) => text.Length > ShownChars ? text[..ShownChars] + "…" : text;
}
