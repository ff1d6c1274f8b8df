using System.Globalization;
using System.Text;

namespace Medic.Probes.Redis.Resp;

/// <summary>
/// Parses one RESP2 reply from the front of a buffer. It never trusts a declared length: bulk strings, arrays,
/// nesting, element counts, line lengths and the reply's total size are all bounded by <see cref="RespLimits"/>,
/// and anything malformed throws <see cref="RespProtocolException"/>. An incomplete buffer is not an error:
/// the result says how many bytes to wait for, so a large reply is not re-parsed on every small read.
/// </summary>
internal static class RespParser
{
    public static RespParseResult Parse(ReadOnlySpan<byte> buffer, RespLimits limits)
    {
        var reader = new Reader(buffer, limits);
        if (reader.TryRead(1, out var value))
        {
            return new RespParseResult(value, reader.Position, 0);
        }

        if (reader.Needed > limits.MaxReplyBytes)
        {
            throw new RespProtocolException($"reply is larger than the {limits.MaxReplyBytes} bytes allowed");
        }

        return new RespParseResult(null, 0, reader.Needed);
    }

    private ref struct Reader(ReadOnlySpan<byte> buffer, RespLimits limits)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;
        private int _elements;

        public int Position { get; private set; }

        public int Needed { get; private set; }

        public bool TryRead(int depth, out RespValue? value)
        {
            value = null;
            if (depth > limits.MaxDepth)
            {
                throw new RespProtocolException($"reply nests deeper than {limits.MaxDepth} levels");
            }

            if (Position >= _buffer.Length)
            {
                Needed = Position + 1;
                return false;
            }

            var type = _buffer[Position];
            if (!TryLine(Position + 1, out var line, out var next))
            {
                return false;
            }

            switch (type)
            {
                case (byte)'+':
                    value = RespValue.Simple(Encoding.UTF8.GetString(line));
                    break;
                case (byte)'-':
                    value = RespValue.Error(Encoding.UTF8.GetString(line));
                    break;
                case (byte)':':
                    value = RespValue.Number(ParseInteger(line, "integer"));
                    break;
                case (byte)'$':
                    return TryBulk(line, next, out value);
                case (byte)'*':
                    return TryArray(line, next, depth, out value);
                default:
                    throw new RespProtocolException($"unexpected reply type {Describe(type)} at byte {Position}");
            }

            Position = next;
            return true;
        }

        private bool TryBulk(ReadOnlySpan<byte> line, int start, out RespValue? value)
        {
            value = null;
            var length = ParseLength(line, limits.MaxBulkLength, "bulk string");
            if (length < 0)
            {
                value = RespValue.Bulk(null);
                Position = start;
                return true;
            }

            var end = start + length;
            if (_buffer.Length < end + 2)
            {
                Needed = end + 2;
                return false;
            }

            if (_buffer[end] != '\r' || _buffer[end + 1] != '\n')
            {
                throw new RespProtocolException($"bulk string of {length} bytes is not followed by CRLF");
            }

            value = RespValue.Bulk(Encoding.UTF8.GetString(_buffer.Slice(start, length)));
            Position = end + 2;
            return true;
        }

        private bool TryArray(ReadOnlySpan<byte> line, int start, int depth, out RespValue? value)
        {
            value = null;
            var length = ParseLength(line, limits.MaxArrayLength, "array");
            Position = start;
            if (length < 0)
            {
                value = RespValue.Array(null);
                return true;
            }

            _elements += length;
            if (_elements > limits.MaxElements)
            {
                throw new RespProtocolException($"reply has more than {limits.MaxElements} elements");
            }

            var items = new List<RespValue>(Math.Min(length, 1024));
            for (var i = 0; i < length; i++)
            {
                if (!TryRead(depth + 1, out var item))
                {
                    return false;
                }

                items.Add(item!);
            }

            value = RespValue.Array(items);
            return true;
        }

        /// <summary>Finds the CRLF that ends the header line starting at <paramref name="start"/>.</summary>
        private bool TryLine(int start, out ReadOnlySpan<byte> line, out int next)
        {
            line = default;
            next = 0;
            var window = _buffer[start..];
            var searched = window.Length > limits.MaxLineLength + 1 ? window[..(limits.MaxLineLength + 1)] : window;
            var at = searched.IndexOfAny((byte)'\r', (byte)'\n');
            if (at < 0)
            {
                if (window.Length > limits.MaxLineLength)
                {
                    throw new RespProtocolException($"a reply line is longer than {limits.MaxLineLength} bytes");
                }

                Needed = _buffer.Length + 1;
                return false;
            }

            if (searched[at] == '\n')
            {
                throw new RespProtocolException($"line feed without carriage return at byte {start + at}");
            }

            if (at + 1 >= window.Length)
            {
                Needed = start + at + 2;
                return false;
            }

            if (window[at + 1] != '\n')
            {
                throw new RespProtocolException($"carriage return without line feed at byte {start + at}");
            }

            line = window[..at];
            next = start + at + 2;
            return true;
        }

        private static int ParseLength(ReadOnlySpan<byte> line, int max, string what)
        {
            var n = ParseInteger(line, what + " length");
            if (n == -1)
            {
                return -1;
            }

            if (n < 0)
            {
                throw new RespProtocolException($"negative {what} length {n}");
            }

            if (n > max)
            {
                throw new RespProtocolException($"{what} of {n} exceeds the limit of {max}");
            }

            return (int)n;
        }

        private static long ParseInteger(ReadOnlySpan<byte> line, string what)
        {
            var negative = line.Length > 0 && line[0] == '-';
            var digits = negative ? line[1..] : line;
            if (digits.IsEmpty || digits.Length > 19)
            {
                throw new RespProtocolException($"malformed {what} '{Printable(line)}'");
            }

            long n = 0;
            foreach (var b in digits)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    throw new RespProtocolException($"malformed {what} '{Printable(line)}'");
                }

                var digit = b - '0';
                if (n > (long.MaxValue - digit) / 10)
                {
                    throw new RespProtocolException($"{what} '{Printable(line)}' overflows");
                }

                n = (n * 10) + digit;
            }

            return negative ? -n : n;
        }

        private static string Describe(byte b) =>
            b is >= 0x21 and < 0x7f ? $"'{(char)b}'" : string.Create(CultureInfo.InvariantCulture, $"0x{b:x2}");

        private static string Printable(ReadOnlySpan<byte> line)
        {
            var text = Encoding.ASCII.GetString(line.Length > 40 ? line[..40] : line);
            return new string([.. text.Select(c => char.IsControl(c) || c > 0x7e ? '?' : c)]);
        }
    }
}
