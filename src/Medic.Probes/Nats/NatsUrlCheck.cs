using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Net;

namespace Medic.Probes.Nats;

/// <summary>
/// One configured NATS URL: TCP connect and read the INFO line, nothing written. The result names the URL without
/// its credentials, and on failure the kind (connection_refused, dns, timeout, unreachable, protocol) and a summary
/// line a report can quote.
/// </summary>
internal static class NatsUrlCheck
{
    public static async Task<JsonObject> RunAsync(string entry, int position, TimeProvider time, CancellationToken cancellationToken)
    {
        NatsTarget target;
        try
        {
            target = NatsTarget.Parse(entry);
        }
        catch (FormatException e)
        {
            // The entry itself is not shown: a malformed URL may still hold a password.
            var text = string.Create(CultureInfo.InvariantCulture, $"entry {position}");
            return Failed(new JsonObject { ["url"] = text, ["position"] = position }, ErrorKinds.InvalidArgument, $"{text}: {e.Message}");
        }

        var result = new JsonObject { ["url"] = target.DisplayUrl, ["address"] = target.Address, ["position"] = position, ["reachable"] = false };
        var started = time.GetTimestamp();
        var stage = "connect";
        try
        {
            var connection = await NatsConnection.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                stage = "info";
                var first = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (!first.StartsWith("INFO ", StringComparison.OrdinalIgnoreCase))
                {
                    throw new NatsProtocolException($"its first line was '{(first.Length <= 60 ? first : first[..60] + "…")}', not INFO");
                }

                var info = NatsInfo.Parse(first);
                result["reachable"] = true;
                result["server_id"] = NatsJson.String(info, "server_id");
                result["server_name"] = NatsJson.String(info, "server_name");
                result["version"] = NatsJson.String(info, "version");
                result["jetstream"] = NatsJson.Bool(info, "jetstream") ?? false;
                result["latency_ms"] = ProbeDeadline.Milliseconds(time.GetElapsedTime(started));
                return result;
            }
        }
        catch (OperationCanceledException)
        {
            var waited = Quantities.FormatDuration(time.GetElapsedTime(started));
            var message = stage == "connect"
                ? $"connecting to {target.Address} got no answer within {waited}"
                : $"{target.Address} accepted the connection but sent no INFO within {waited} (not a NATS client port?)";
            return Failed(result, ErrorKinds.Timeout, message);
        }
        catch (Exception e) when (e is SocketException or IOException or NatsProtocolException or NatsConnectionClosedException)
        {
            var (kind, message) = e switch
            {
                NatsProtocolException p => (ErrorKinds.Protocol, $"{target.Address} is not a NATS server: {p.Message}"),
                NatsConnectionClosedException c => (ErrorKinds.ConnectionReset, $"{target.Address}: {c.Message} before INFO"),
                _ => Describe(NetErrors.Classify(e), target),
            };
            return Failed(result, kind, message);
        }
    }

    private static (string Kind, string Message) Describe(NetFailure failure, NatsTarget target) => failure.Kind switch
    {
        ErrorKinds.ConnectionRefused => (failure.Kind, $"connection to {target.Address} was refused: nothing listens there"),
        ErrorKinds.Dns => (failure.Kind, $"{target.Host} does not resolve ({failure.Message})"),
        _ => (failure.Kind, $"{target.Address}: {failure.Message}"),
    };

    private static JsonObject Failed(JsonObject result, string kind, string message)
    {
        result["reachable"] = false;
        result["error"] = new JsonObject { ["kind"] = kind, ["message"] = message };
        result["summary"] = $"{result["url"]?.GetValue<string>()} ({kind}: {message})";
        return result;
    }
}
