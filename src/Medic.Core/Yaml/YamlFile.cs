using Medic.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medic.Core.Yaml;

/// <summary>A YAML file loaded with positions kept, so every later error can name file:line:column.</summary>
public sealed class YamlFile
{
    private readonly string[] _lines;

    private YamlFile(string path, string text, IReadOnlyList<YamlDocument> documents)
    {
        Path = path;
        Documents = documents;
        _lines = text.Split('\n');
    }

    public string Path { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>Loads YAML text; a syntax error becomes an <see cref="InputException"/> at its position.</summary>
    public static YamlFile Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            var colon = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && colon > 0)
            {
                message = message[(colon + 3)..];
            }

            throw new InputException(new SourcePosition(path, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax: {message}");
        }

        return new YamlFile(path, text, [.. stream.Documents]);
    }

    public static YamlFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourcePosition.Start(path), $"cannot read file: {e.Message}");
        }

        return Parse(path, text);
    }

    public SourcePosition PositionOf(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>
    /// Maps a 1-based line/column inside a scalar's value text back to the file, for errors inside
    /// conditions and templates. Block scalars keep their lines; folded and flow scalars are walked line by line.
    /// </summary>
    public SourcePosition PositionInScalar(YamlScalarNode node, int line, int column)
    {
        var value = node.Value ?? "";
        var offset = OffsetOf(value, line, column);
        var startLine = (int)node.Start.Line;
        var startColumn = (int)node.Start.Column;

        if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return WalkLines(startLine + 1, offset, firstColumn: null);
        }

        var quote = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return WalkLines(startLine, offset, firstColumn: startColumn + quote);
    }

    private SourcePosition WalkLines(int fileLine, int offset, int? firstColumn)
    {
        var current = fileLine;
        var remaining = offset;
        while (current <= _lines.Length)
        {
            var raw = _lines[current - 1].TrimEnd('\r');
            int startCol;
            if (current == fileLine && firstColumn is { } fc)
            {
                startCol = fc;
            }
            else
            {
                startCol = raw.Length - raw.TrimStart().Length + 1;
            }

            var contentLength = Math.Max(0, raw.Length - (startCol - 1));
            if (remaining <= contentLength || current == _lines.Length)
            {
                return new SourcePosition(Path, current, startCol + remaining);
            }

            remaining -= contentLength + 1;
            current++;
        }

        return new SourcePosition(Path, fileLine, firstColumn ?? 1);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            var nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                break;
            }

            offset = nl + 1;
        }

        return Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }
}
