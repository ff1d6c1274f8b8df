using System.Globalization;
using System.Text;

namespace Medic.Probes.Redis.Resp;

/// <summary>Encodes a command as a RESP array of bulk strings, the only form a client sends.</summary>
internal static class RespWriter
{
    public static byte[] Command(IReadOnlyList<string> args)
    {
        ArgumentOutOfRangeException.ThrowIfZero(args.Count);
        using var ms = new MemoryStream();
        Ascii(ms, string.Create(CultureInfo.InvariantCulture, $"*{args.Count}\r\n"));
        foreach (var arg in args)
        {
            var bytes = Encoding.UTF8.GetBytes(arg);
            Ascii(ms, string.Create(CultureInfo.InvariantCulture, $"${bytes.Length}\r\n"));
            ms.Write(bytes);
            Ascii(ms, "\r\n");
        }

        return ms.ToArray();
    }

    private static void Ascii(MemoryStream ms, string text) => ms.Write(Encoding.ASCII.GetBytes(text));
}
