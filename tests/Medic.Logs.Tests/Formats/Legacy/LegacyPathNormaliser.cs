// The code as it was before its fast path: the oracle the equivalence tests compare with.
namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>Turns request paths into routes: the query string goes, and id-like segments (numbers, UUIDs, hashes) become <c>:id</c>.</summary>
internal static class LegacyPathNormaliser
{
    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var q = path.IndexOfAny(['?', '#']);
        var span = q >= 0 ? path.AsSpan(0, q) : path.AsSpan();
        if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var slash = span[8..].IndexOf('/');
            span = slash < 0 ? "/" : span[(8 + slash)..];
        }

        var parts = span.ToString().Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (IsId(parts[i]))
            {
                parts[i] = ":id";
            }
        }

        return string.Join('/', parts);
    }

    private static bool IsId(string segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        var digits = 0;
        var hex = 0;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiHexDigit(c))
            {
                hex++;
            }
        }

        if (digits == segment.Length)
        {
            return true;
        }

        // UUIDs, hashes and opaque ids: long, digits mixed in, mostly hex or with dashes/underscores
        var other = segment.Length - digits - hex;
        var dashes = segment.Count(c => c is '-' or '_');
        return digits > 0 && segment.Length >= 8 && (other - dashes == 0 || (double)digits / segment.Length >= 0.3);
    }
}
