using System.Globalization;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Net;

namespace Medic.Probes.WebSocket;

public sealed partial class WebSocketConnectProbe
{
    /// <summary>The parts of the answer a runbook reasons about; the rest of the headers say nothing about the upgrade.</summary>
    private static void Describe(ResponseHead head, JsonObject data)
    {
        data["status_code"] = head.StatusCode;
        data["reason"] = head.Reason;
        data["upgrade_header_echoed"] = head.HasToken("Upgrade", "websocket");
        data["server"] = head["Server"];
        data["via"] = head["Via"];
        if (head.StatusCode == 101)
        {
            return;
        }

        data["content_type"] = head["Content-Type"];
        data["www_authenticate"] = head["WWW-Authenticate"];
        data["location"] = head["Location"];
    }

    private static string Rejection(WebSocketTarget target, ResponseHead head)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {head.StatusCode} {head.Reason}").TrimEnd();
        return $"{target.DisplayUrl} answered {status} instead of 101 Switching Protocols";
    }

    /// <summary>Why a 101 is not a WebSocket after all, or null when it is one.</summary>
    private static string? Invalid(ResponseHead head, UpgradeRequest request, WebSocketTarget target)
    {
        if (!head.HasToken("Upgrade", "websocket"))
        {
            return $"answered 101 but upgraded to '{head["Upgrade"] ?? "nothing"}', not websocket";
        }

        if (head["Sec-WebSocket-Accept"] != request.ExpectedAccept)
        {
            return "answered 101 without the Sec-WebSocket-Accept value the key calls for (something in between answered for the server?)";
        }

        var chosen = head["Sec-WebSocket-Protocol"];
        var offered = target.Subprotocol?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (chosen is not null && !offered.Contains(chosen, StringComparer.Ordinal))
        {
            return $"chose subprotocol '{chosen}', which the probe did not offer";
        }

        return null;
    }

    private static string TimeoutMessage(WebSocketTarget target, HandshakeStage stage, TimeSpan timeout)
    {
        var within = Quantities.FormatDuration(timeout);
        return stage switch
        {
            HandshakeStage.Connect => $"no answer from {target.DisplayUrl} within {within}",
            HandshakeStage.Tls => $"{target.DisplayUrl}: the TLS handshake did not finish within {within}",
            HandshakeStage.Upgrade => $"{target.DisplayUrl} accepted the connection but did not answer the upgrade within {within}",
            _ => $"{target.DisplayUrl}: the probe ran out of time ({within})",
        };
    }

    private static (string Kind, string Message) Classify(Exception e, WebSocketTarget target, HandshakeStage stage)
    {
        if (e is WebSocketProtocolException)
        {
            return (ErrorKinds.Protocol, $"{target.DisplayUrl}: {e.Message}");
        }

        var failure = NetErrors.Classify(e);
        if (failure.Kind == ErrorKinds.Dns)
        {
            return (ErrorKinds.Dns, $"{target.Host}: name does not resolve ({failure.Message})");
        }

        // A plain-text server on a wss:// port answers the ClientHello with garbage or a reset: a TLS failure, not a network one.
        if (stage == HandshakeStage.Tls && (e is AuthenticationException || failure.Kind is ErrorKinds.ConnectionReset or ErrorKinds.Protocol))
        {
            return (ErrorKinds.Tls, $"{target.DisplayUrl}: TLS handshake failed: {failure.Message}");
        }

        if (stage == HandshakeStage.Upgrade && e is EndOfStreamException)
        {
            return (ErrorKinds.ConnectionReset, $"{target.DisplayUrl}: {e.Message}");
        }

        return (failure.Kind, $"{target.DisplayUrl}: {failure.Message}");
    }
}
