using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>
/// The part of a HarmonyLite node that holds its NATS connection, played over the real client protocol against a
/// real nats-server: connect (INFO, CONNECT, PING/PONG), answer the server's PINGs, and when the connection drops,
/// reconnect the way HarmonyLite configures nats.go (<c>MaxReconnects(connect_retries)</c>,
/// <c>ReconnectWait(reconnect_wait_seconds)</c>). It writes the log lines HarmonyLite's handlers write
/// (stream/nats.go: "NATS client disconnected", "NATS client reconnected", "NATS client exiting"), as zerolog JSON.
/// The log file is therefore written by the test, but only when the real server really dropped the connection and
/// really stayed away for the whole retry budget.
/// </summary>
internal sealed class ReplicatorConnection : IAsyncDisposable
{
    private readonly int _port;
    private readonly int _retries;
    private readonly TimeSpan _wait;
    private readonly string _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    private ReplicatorConnection(int port, int retries, TimeSpan wait, string log)
    {
        _port = port;
        _retries = retries;
        _wait = wait;
        _log = log;
    }

    /// <summary>Completes when the client has given up ("NATS client exiting").</summary>
    public Task Exited => _loop;

    public Task Disconnected => _disconnected.Task;

    public Task Reconnected => _reconnected.Task;

    public static async Task<ReplicatorConnection> StartAsync(int port, int retries, TimeSpan wait, string log)
    {
        var replicator = new ReplicatorConnection(port, retries, wait, log);
        var first = await replicator.TryConnectAsync() ?? throw new InvalidOperationException($"nats-server on port {port} did not accept the replicator");
        replicator.Write("info", "Connected to NATS", null);
        replicator._loop = Task.Run(() => replicator.RunAsync(first));
        return replicator;
    }

    private async Task RunAsync(TcpClient connection)
    {
        while (true)
        {
            var error = await HoldAsync(connection);
            connection.Dispose();
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            Write("error", "NATS client disconnected", error);
            _disconnected.TrySetResult();
            TcpClient? again = null;
            for (var attempt = 0; attempt < _retries && again is null; attempt++)
            {
                await Task.Delay(_wait, _stop.Token);
                again = await TryConnectAsync();
            }

            if (again is null)
            {
                Write("error", "NATS client exiting", "nats: no servers available for connection");
                return;
            }

            Write("info", "NATS client reconnected", null, $"nats://127.0.0.1:{_port}");
            _reconnected.TrySetResult();
            connection = again;
        }
    }

    /// <summary>Reads until the connection drops, answering PING; returns the error text nats.go would log.</summary>
    private async Task<string> HoldAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line == "PING")
                {
                    await stream.WriteAsync("PONG\r\n"u8.ToArray(), _stop.Token);
                }
            }

            return "EOF";
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return e.Message;
        }
    }

    private async Task<TcpClient?> TryConnectAsync()
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await tcp.ConnectAsync("127.0.0.1", _port, timeout.Token);
            var stream = tcp.GetStream();
            var info = await ReadLineAsync(stream, timeout.Token);
            if (!info.StartsWith("INFO ", StringComparison.Ordinal))
            {
                throw new IOException($"expected INFO, got {info}");
            }

            var connect = new JsonObject { ["verbose"] = false, ["pedantic"] = false, ["name"] = "harmonylite-node-1", ["lang"] = "go" };
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {connect.ToJsonString()}\r\nPING\r\n"), timeout.Token);
            while (await ReadLineAsync(stream, timeout.Token) is var line && line != "PONG")
            {
                if (line.StartsWith("-ERR", StringComparison.Ordinal))
                {
                    throw new IOException(line);
                }
            }

            return tcp;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            tcp.Dispose();
            return null;
        }
    }

    /// <summary>One line, read byte by byte so nothing after it is buffered away from the next reader.</summary>
    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }

        throw new IOException("the server closed the connection");
    }

    private void Write(string level, string message, string? error, string? url = null)
    {
        var record = new JsonObject { ["level"] = level };
        if (error is not null)
        {
            record["error"] = error;
        }

        if (url is not null)
        {
            record["url"] = url;
        }

        record["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        record["message"] = message;
        lock (_stop)
        {
            File.AppendAllText(_log, record.ToJsonString() + "\n");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
