using System.Text;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Config;

/// <summary>Reads a configuration file's text for a probe: a missing, unreadable or oversized file is a classified failure.</summary>
internal static class ConfigFile
{
    private const long MaxFileBytes = 16 * 1024 * 1024;

    public static async Task<(string? Text, long Size, ProbeResult? Failure)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["path"] = path };
        try
        {
            if (Directory.Exists(path))
            {
                data["exists"] = true;
                return (null, 0, ProbeResult.Fail(ErrorKinds.InvalidArgument, $"{path} is a directory, not a file", data));
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                data["exists"] = false;
                return (null, 0, ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", data));
            }

            data["exists"] = true;
            data["size_bytes"] = info.Length;
            if (info.Length > MaxFileBytes)
            {
                return (null, info.Length, ProbeResult.Fail(ErrorKinds.Unsupported, $"{path} is {info.Length} bytes, more than a configuration file should be", data));
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return (Decode(bytes), bytes.Length, null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            data["exists"] = false;
            return (null, 0, ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", data));
        }
        catch (UnauthorizedAccessException)
        {
            return (null, 0, ProbeResult.Fail(ErrorKinds.PermissionDenied, $"access denied reading {path}", data));
        }
        catch (IOException e)
        {
            return (null, 0, ProbeResult.Fail(ErrorKinds.Internal, $"cannot read {path}: {e.Message}", data));
        }
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
