using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Medic.Logs;

/// <summary>
/// .NET's DeflateStream reports a stream that ends inside compressed data (a truncated .gz, also inside a later
/// member of a multi-member file) only with the AppContext switch System.IO.Compression.UseStrictValidation,
/// read once when DeflateStream is first used. The switch is set when this assembly loads; <see cref="Active"/>
/// checks that it took effect on a tiny truncated stream.
/// </summary>
internal static class StrictGzip
{
    private static readonly Lazy<bool> Check = new(Probe);

    public static bool Active => Check.Value;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Must run before any DeflateStream is created to enable truncation detection.")]
    internal static void Enable() => AppContext.SetSwitch("System.IO.Compression.UseStrictValidation", true);

    private static bool Probe()
    {
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, true))
        {
            gz.Write(new byte[4096]);
        }
        var cut = compressed.ToArray()[..^12];
        try
        {
            using var gz = new GZipStream(new MemoryStream(cut), CompressionMode.Decompress);
            gz.CopyTo(Stream.Null);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
