using System.Globalization;
using System.Net;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>Listening TCP sockets of this network namespace, from /proc/net/tcp and /proc/net/tcp6.</summary>
internal static class ProcNetTcp
{
    private const string ListenState = "0A";

    /// <summary>Listening sockets, or null when neither table can be read.</summary>
    public static IReadOnlyList<TcpListenSocket>? Listeners()
    {
        var v4 = ProcFs.TryReadAllLines("/proc/net/tcp");
        var v6 = ProcFs.TryReadAllLines("/proc/net/tcp6");
        if (v4 is null && v6 is null)
        {
            return null;
        }

        return (v4 ?? []).Skip(1).Concat((v6 ?? []).Skip(1)).Select(Parse).OfType<TcpListenSocket>().ToList();
    }

    /// <summary>
    /// Parses <c>0: 0100007F:0BB9 00000000:0000 0A … inode</c>. Addresses are the kernel's 32-bit words printed in
    /// host byte order, so each word's bytes are turned back into network order; the port is a plain hex number.
    /// </summary>
    internal static TcpListenSocket? Parse(string line)
    {
        var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 10 || f[3] != ListenState)
        {
            return null;
        }

        var local = f[1].Split(':');
        if (local.Length != 2
            || DecodeAddress(local[0]) is not { } address
            || !int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port)
            || !ulong.TryParse(f[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
        {
            return null;
        }

        return new TcpListenSocket(address, port, inode);
    }

    internal static IPAddress? DecodeAddress(string hex)
    {
        if (hex.Length is not (8 or 32))
        {
            return null;
        }

        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            if (BitConverter.IsLittleEndian)
            {
                value = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
            }

            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(word * 4), value);
        }

        return new IPAddress(bytes);
    }
}
