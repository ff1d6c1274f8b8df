using System.Text;

namespace Medic.Probes.Tests.Redis;

/// <summary>What the fake sends: these bytes (null: never answer), in chunks of <see cref="ChunkSize"/>, then maybe close.</summary>
internal sealed record FakeReply(byte[]? Bytes, bool Close = false, int ChunkSize = 0)
{
    public static FakeReply Hang { get; } = new((byte[]?)null);

    public static FakeReply Raw(string text, bool close = false, int chunkSize = 0) => new(Encoding.UTF8.GetBytes(text), close, chunkSize);

    public static FakeReply Bulk(string text) => Raw($"${Encoding.UTF8.GetByteCount(text)}\r\n{text}\r\n");
}
