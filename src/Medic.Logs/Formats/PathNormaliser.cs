namespace Medic.Logs.Formats;

/// <summary>Turns request paths into routes: the query string goes, and id-like segments (numbers, UUIDs, hashes) become <c>:id</c>.</summary>
public static class PathNormaliser
{
    private const string Id = ":id";

    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var q = path.AsSpan().IndexOfAny('?', '#');
        var span = q >= 0 ? path.AsSpan(0, q) : path.AsSpan();
        if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var slash = span[8..].IndexOf('/');
            span = slash < 0 ? "/" : span[(8 + slash)..];
        }

        // segments are written as they are or as ":id" (at most 3 chars for an id of at least 1): one string at the end
        var room = span.Length * 3;
        var buffer = room <= 1024 ? stackalloc char[room] : new char[room];
        var n = 0;
        var changed = span.Length != path.Length;
        var start = 0;
        while (true)
        {
            var end = span[start..].IndexOf('/');
            var segment = end < 0 ? span[start..] : span.Slice(start, end);
            if (IsId(segment))
            {
                Id.CopyTo(buffer[n..]);
                n += Id.Length;
                changed = true;
            }
            else
            {
                segment.CopyTo(buffer[n..]);
                n += segment.Length;
            }

            if (end < 0)
            {
                break;
            }

            buffer[n++] = '/';
            start += end + 1;
        }

        return changed ? new string(buffer[..n]) : path;
    }

    private static bool IsId(ReadOnlySpan<char> segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        var digits = 0;
        var hex = 0;
        var dashes = 0;
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
            else if (c is '-' or '_')
            {
                dashes++;
            }
        }

        if (digits == segment.Length)
        {
            return true;
        }

        // UUIDs, hashes and opaque ids: long, digits mixed in, mostly hex or with dashes/underscores
        var other = segment.Length - digits - hex;
        return digits > 0 && segment.Length >= 8 && (other - dashes == 0 || (double)digits / segment.Length >= 0.3);
    }
}
