using System.Text.Encodings.Web;
using System.Text.Json;

namespace Medic.Cli.Commands;

/// <summary>Writes the <c>--redact-hosts</c> map (original → stand-in) for the user; it never enters the bundle.</summary>
internal static class HostMapFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string path, IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken)
    {
        var sorted = new SortedDictionary<string, string>(map.ToDictionary(), StringComparer.Ordinal);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(sorted, Options) + "\n", cancellationToken).ConfigureAwait(false);
    }
}
