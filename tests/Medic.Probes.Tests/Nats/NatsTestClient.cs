using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Medic.Probes.Tests.Nats;

/// <summary>
/// The tests' own small NATS client, for setting up what the probes then observe: publish, and JetStream API requests
/// (<c>$JS.API.STREAM.CREATE.&lt;name&gt;</c>, consumer creation) answered on a private inbox. The probes never write;
/// this does, on purpose.
/// </summary>
internal sealed class NatsTestClient : IAsyncDisposable
{
    private const string Inbox = "_INBOX.medic-tests";
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private NatsTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NatsTestClient> ConnectAsync(int port, string name = "medic-tests", string? user = null, string? password = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port, Ct);
        var client = new NatsTestClient(tcp);
        var info = await client.ReadLineAsync();
        if (!info.StartsWith("INFO", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"expected INFO, got {info}");
        }

        var connect = new JsonObject { ["verbose"] = false, ["pedantic"] = false, ["headers"] = true, ["no_responders"] = true, ["name"] = name };
        if (user is not null)
        {
            connect["user"] = user;
            connect["pass"] = password;
        }

        await client.WriteAsync($"CONNECT {connect.ToJsonString()}\r\nSUB {Inbox} 1\r\n");
        await client.FlushAsync();
        return client;
    }

    public async Task PublishAsync(string subject, string payload)
    {
        var bytes = Encoding.UTF8.GetByteCount(payload);
        await WriteAsync(string.Create(CultureInfo.InvariantCulture, $"PUB {subject} {bytes}\r\n{payload}\r\n"));
    }

    /// <summary>PING, and waits for PONG: everything sent before has been processed.</summary>
    public async Task FlushAsync()
    {
        await WriteAsync("PING\r\n");
        while (true)
        {
            var line = await ReadLineAsync();
            if (line == "PONG")
            {
                return;
            }

            if (line.StartsWith("-ERR", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(line);
            }
        }
    }

    /// <summary>Sends a request and returns the JSON reply; throws when the API answers with an error.</summary>
    public async Task<JsonObject> RequestAsync(string subject, JsonObject body)
    {
        var payload = body.ToJsonString();
        await WriteAsync(string.Create(CultureInfo.InvariantCulture, $"PUB {subject} {Inbox} {Encoding.UTF8.GetByteCount(payload)}\r\n{payload}\r\n"));
        while (true)
        {
            var line = await ReadLineAsync();
            if (line.StartsWith("-ERR", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(line);
            }

            if (line.StartsWith("HMSG", StringComparison.Ordinal))
            {
                // A status-only reply, e.g. 503 no responders when JetStream is off.
                var size = int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
                throw new InvalidOperationException($"no JSON reply: {await ReadBytesAsync(size)}");
            }

            if (line.StartsWith("MSG", StringComparison.Ordinal))
            {
                var size = int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
                var reply = JsonNode.Parse(await ReadBytesAsync(size))!.AsObject();
                return reply["error"] is { } error ? throw new InvalidOperationException($"{subject}: {error.ToJsonString()}") : reply;
            }
        }
    }

    public Task<JsonObject> CreateStreamAsync(string name, string subjects, long maxBytes = -1, string storage = "file") =>
        RequestAsync($"$JS.API.STREAM.CREATE.{name}", new JsonObject
        {
            ["name"] = name,
            ["subjects"] = new JsonArray(subjects),
            ["storage"] = storage,
            ["max_bytes"] = maxBytes,
        });

    /// <summary>A durable pull consumer with explicit acks: nothing consumes it, so every published message stays pending.</summary>
    public Task<JsonObject> CreateConsumerAsync(string stream, string durable) =>
        RequestAsync($"$JS.API.CONSUMER.DURABLE.CREATE.{stream}.{durable}", new JsonObject
        {
            ["stream_name"] = stream,
            ["config"] = new JsonObject { ["durable_name"] = durable, ["ack_policy"] = "explicit" },
        });

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task WriteAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), Ct);
        await _stream.FlushAsync(Ct);
    }

    private async Task<string> ReadLineAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the server closed the connection");
    }

    private async Task<string> ReadBytesAsync(int size)
    {
        // Payload plus its CRLF; the reader decodes UTF-8, and the API's JSON is ASCII, so chars equal bytes.
        var buffer = new char[size + 2];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _reader.ReadAsync(buffer.AsMemory(read), Ct);
            if (n == 0)
            {
                throw new InvalidOperationException("the server closed the connection");
            }

            read += n;
        }

        return new string(buffer, 0, size);
    }
}
