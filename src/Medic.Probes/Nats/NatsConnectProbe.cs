using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Nats;

/// <summary>
/// <c>nats.connect</c>: what a client does to connect, and no more. Reads INFO, upgrades to TLS when the server
/// requires it, sends CONNECT (with the component's user/password or token, named <c>medic</c>) and PING, and expects
/// PONG. Subscribes to nothing and publishes nothing.
/// </summary>
public sealed class NatsConnectProbe : IProbe
{
    public string Name => "nats.connect";

    public string Description =>
        "connect to the NATS client port as a client does (INFO, TLS when required, CONNECT with the component's credentials, "
        + "PING/PONG): server id, version, JetStream, max payload, TLS/auth requirements, latency; refused, auth_failed, timeout";

    public IReadOnlyList<string> Kinds { get; } = ["nats"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        NatsTarget target;
        try
        {
            target = NatsTarget.FromComponent(context.Component);
        }
        catch (FormatException e)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, e.Message, new JsonObject { ["connected"] = false });
        }

        var data = new JsonObject
        {
            ["url"] = target.DisplayUrl,
            ["address"] = target.Address,
            ["auth"] = target.AuthMethod,
            ["connected"] = false,
        };
        if (target.TlsInsecure)
        {
            data["tls_insecure"] = true;
        }

        context.ReportTarget(target.DisplayUrl, data);
        var run = new Run(target, data, context.Time);
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await run.ExecuteAsync(linked.Token).ConfigureAwait(false);
            return ProbeResult.Ok(data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            data["stage"] = run.Stage;
            return ProbeResult.Fail(ErrorKinds.Timeout, TimeoutMessage(target, run.Stage, Quantities.FormatDuration(context.Timeout)), data);
        }
        catch (Exception e) when (Classify(e, target, data) is { } failure)
        {
            data["stage"] = run.Stage;
            return ProbeResult.Fail(failure.Kind, target.Scrub(failure.Message), data);
        }
    }

    private static NatsFailure? Classify(Exception e, NatsTarget target, JsonObject data)
    {
        switch (e)
        {
            case NatsServerErrorException error:
                data["server_error"] = error.Text;
                return NatsErrors.FromServerError(error.Text, target, data["nonce_auth"]?.GetValue<bool>() == true);
            case NatsProtocolException p:
                return new NatsFailure(ErrorKinds.Protocol, $"{target.Address} does not speak the NATS client protocol: {p.Message}");
            case NatsConnectionClosedException c:
                return new NatsFailure(ErrorKinds.ConnectionReset, $"{target.Address}: {c.Message}");
            case AuthenticationException a:
                return new NatsFailure(ErrorKinds.Tls, $"TLS handshake with {target.Address} failed: {a.Message}");
            case SocketException or IOException:
                var failure = NetErrors.Classify(e);
                var message = failure.Kind switch
                {
                    ErrorKinds.ConnectionRefused => $"connection to {target.Address} was refused: nothing listens there ({failure.Message})",
                    ErrorKinds.Dns => $"{target.Host}: name does not resolve ({failure.Message})",
                    _ => $"{target.Address}: {failure.Message}",
                };
                return new NatsFailure(failure.Kind, message);
            default:
                return null;
        }
    }

    private static string TimeoutMessage(NatsTarget target, string stage, string waited) => stage switch
    {
        "connect" => $"connecting to {target.Address} got no answer within {waited}",
        "info" => $"{target.Address} accepted the connection but sent no INFO within {waited}; "
            + "is this the NATS client port (not the monitoring or cluster port), and is the server overloaded?",
        "tls" => $"the TLS handshake with {target.Address} got no answer within {waited}",
        _ => $"{target.Address} sent INFO but did not answer CONNECT and PING within {waited}",
    };

    /// <summary>One conversation; <see cref="Stage"/> says how far it got, so a timeout can name the step that hung.</summary>
    private sealed class Run(NatsTarget target, JsonObject data, TimeProvider time)
    {
        public string Stage { get; private set; } = "connect";

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            var started = time.GetTimestamp();
            var connection = await NatsConnection.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                data["connect_ms"] = ProbeDeadline.Milliseconds(time.GetElapsedTime(started));
                Stage = "info";
                var first = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (first.StartsWith("-ERR", StringComparison.OrdinalIgnoreCase))
                {
                    throw NatsServerErrorException.FromLine(first);
                }

                if (!first.StartsWith("INFO ", StringComparison.OrdinalIgnoreCase))
                {
                    throw new NatsProtocolException($"its first line was '{Clip(first)}', not INFO");
                }

                var info = NatsInfo.Parse(first);
                NatsInfo.Fill(data, info);
                var tls = target.Tls || NatsJson.Bool(info, "tls_required") == true;
                data["tls"] = tls;
                if (tls)
                {
                    Stage = "tls";
                    await connection.UpgradeToTlsAsync(target, cancellationToken).ConfigureAwait(false);
                }

                Stage = "auth";
                var sent = time.GetTimestamp();
                await connection.WriteAsync($"CONNECT {ConnectOptions(tls).ToJsonString()}\r\nPING\r\n", cancellationToken).ConfigureAwait(false);
                await AwaitPongAsync(connection, cancellationToken).ConfigureAwait(false);
                data["rtt_ms"] = ProbeDeadline.Milliseconds(time.GetElapsedTime(sent));
                data["latency_ms"] = ProbeDeadline.Milliseconds(time.GetElapsedTime(started));
                data["connected"] = true;
            }
        }

        private static async Task AwaitPongAsync(NatsConnection connection, CancellationToken cancellationToken)
        {
            while (true)
            {
                var line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                var op = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (op)
                {
                    case "PONG":
                        return;
                    case "PING" or "+OK" or "INFO" or "":
                        // The server's own keep-alive, an acknowledgement, or a cluster update: none is the answer.
                        continue;
                    case "-ERR":
                        throw NatsServerErrorException.FromLine(line);
                    default:
                        throw new NatsProtocolException($"it answered PING with '{Clip(line)}'");
                }
            }
        }

        private JsonObject ConnectOptions(bool tls)
        {
            var options = new JsonObject
            {
                ["verbose"] = false,
                ["pedantic"] = false,
                ["tls_required"] = tls,
                ["name"] = "medic",
                ["lang"] = "medic",
                ["version"] = "0.1",
                ["protocol"] = 1,
                ["echo"] = false,
            };
            if (target.Token is { } token)
            {
                options["auth_token"] = token;
            }
            else
            {
                if (target.User is { } user)
                {
                    options["user"] = user;
                }

                if (target.Password is { } password)
                {
                    options["pass"] = password;
                }
            }

            return options;
        }

        private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
    }
}
