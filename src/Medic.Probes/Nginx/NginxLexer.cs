using System.Text;

namespace Medic.Probes.Nginx;

/// <summary>
/// Splits one nginx configuration file into statements with the rules of nginx's own <c>ngx_conf_read_token</c>:
/// words end at whitespace, <c>;</c> or <c>{</c>; <c>#</c> starts a comment only where a word could start; quotes
/// open only at a word's start and must be followed by whitespace, <c>;</c> or <c>{</c>; a backslash keeps the next
/// character in the word; <c>${</c> does not open a block. Works on bytes, as nginx does.
/// </summary>
internal sealed class NginxLexer
{
    /// <summary>nginx reads a file through a 4 KiB buffer, so no word may be longer.</summary>
    public const int MaxWordBytes = 4096;

    private readonly string _file;
    private readonly byte[] _text;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public NginxLexer(string file, byte[] text)
    {
        _file = file;
        _text = text;
    }

    /// <summary>Where the next byte is, or the end of the file once everything is read.</summary>
    public NginxPosition Here => new(_file, _line, _column);

    /// <summary>The next statement; throws <see cref="NginxSyntaxException"/> where nginx would stop.</summary>
    public NginxStatement Next()
    {
        var words = new List<NginxWord>();
        bool needSpace = false, lastSpace = true, sharpComment = false, variable = false, escaped = false, sQuoted = false, dQuoted = false;
        var start = _pos;
        var startAt = Here;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                if (words.Count > 0 || !lastSpace)
                {
                    throw Error(Here, "unexpected end of file, expecting \";\" or \"}\"");
                }

                return new NginxStatement(words, NginxTerminator.EndOfFile, Here);
            }

            if (!lastSpace && _pos - start >= MaxWordBytes)
            {
                throw Error(startAt, dQuoted || sQuoted
                    ? $"too long parameter, probably missing terminating \"{(dQuoted ? '"' : '\'')}\" character"
                    : $"too long parameter \"{Encoding.UTF8.GetString(_text, start, 10)}...\" started");
            }

            var at = Here;
            var ch = Advance();
            if (ch == '\n' && sharpComment)
            {
                sharpComment = false;
            }

            if (sharpComment)
            {
                continue;
            }

            if (escaped)
            {
                escaped = false;
                continue;
            }

            if (needSpace)
            {
                if (IsSpace(ch))
                {
                    lastSpace = true;
                    needSpace = false;
                    continue;
                }

                if (ch is (byte)';' or (byte)'{')
                {
                    return new NginxStatement(words, ch == ';' ? NginxTerminator.Semicolon : NginxTerminator.BlockStart, at);
                }

                if (ch != ')')
                {
                    throw Unexpected(at);
                }

                lastSpace = true;
                needSpace = false;
            }

            if (lastSpace)
            {
                if (IsSpace(ch))
                {
                    continue;
                }

                start = _pos - 1;
                startAt = at;
                switch (ch)
                {
                    case (byte)';' or (byte)'{':
                        if (words.Count == 0)
                        {
                            throw Unexpected(at);
                        }

                        return new NginxStatement(words, ch == ';' ? NginxTerminator.Semicolon : NginxTerminator.BlockStart, at);
                    case (byte)'}':
                        if (words.Count != 0)
                        {
                            throw Unexpected(at);
                        }

                        return new NginxStatement(words, NginxTerminator.BlockEnd, at);
                    case (byte)'#':
                        sharpComment = true;
                        continue;
                    case (byte)'\\':
                        escaped = true;
                        lastSpace = false;
                        continue;
                    case (byte)'"':
                        start++;
                        dQuoted = true;
                        lastSpace = false;
                        continue;
                    case (byte)'\'':
                        start++;
                        sQuoted = true;
                        lastSpace = false;
                        continue;
                    default:
                        // nginx accepts "${var}" at the start of a word too.
                        variable = ch == '$';
                        lastSpace = false;
                        continue;
                }
            }

            if (ch == '{' && variable)
            {
                continue;
            }

            variable = false;
            if (ch == '\\')
            {
                escaped = true;
                continue;
            }

            if (ch == '$')
            {
                variable = true;
                continue;
            }

            var found = false;
            var quoted = dQuoted || sQuoted;
            if (dQuoted || sQuoted)
            {
                if (ch == (dQuoted ? '"' : '\''))
                {
                    dQuoted = sQuoted = false;
                    needSpace = true;
                    found = true;
                }
            }
            else if (IsSpace(ch) || ch == ';' || ch == '{')
            {
                lastSpace = true;
                found = true;
            }

            if (found)
            {
                words.Add(new NginxWord(Unescape(start, _pos - 1), startAt, quoted));
                if (ch is (byte)';' or (byte)'{')
                {
                    return new NginxStatement(words, ch == ';' ? NginxTerminator.Semicolon : NginxTerminator.BlockStart, at);
                }
            }
        }
    }

    private byte Advance()
    {
        var ch = _text[_pos++];
        if (ch == '\n')
        {
            _line++;
            _column = 1;
        }
        else if ((ch & 0xC0) != 0x80)
        {
            _column++;
        }

        return ch;
    }

    private static bool IsSpace(byte ch) => ch is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>nginx's unescaping: <c>\"</c>, <c>\'</c>, <c>\\</c>, <c>\t</c>, <c>\r</c>, <c>\n</c>; any other backslash stays.</summary>
    private string Unescape(int from, int to)
    {
        var bytes = new List<byte>(to - from);
        for (var i = from; i < to; i++)
        {
            var b = _text[i];
            if (b == (byte)'\\' && i + 1 < to)
            {
                switch (_text[i + 1])
                {
                    case (byte)'"' or (byte)'\'' or (byte)'\\':
                        bytes.Add(_text[++i]);
                        continue;
                    case (byte)'t':
                        bytes.Add((byte)'\t');
                        i++;
                        continue;
                    case (byte)'r':
                        bytes.Add((byte)'\r');
                        i++;
                        continue;
                    case (byte)'n':
                        bytes.Add((byte)'\n');
                        i++;
                        continue;
                }
            }

            bytes.Add(b);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private NginxSyntaxException Unexpected(NginxPosition at)
    {
        // The character as written, even when it is several bytes of UTF-8.
        var from = _pos - 1;
        var length = 1;
        while (from + length < _text.Length && (_text[from + length] & 0xC0) == 0x80 && length < 4)
        {
            length++;
        }

        return Error(at, $"unexpected \"{Encoding.UTF8.GetString(_text, from, length)}\"");
    }

    private static NginxSyntaxException Error(NginxPosition at, string message) => new(NginxSyntaxError.At(at, message));
}
