using System.Text;

namespace Medic.Probes.Config;

/// <summary>
/// Parses a .env file the way dotenv libraries and Docker Compose read one: <c>KEY=VALUE</c> lines, an optional
/// <c>export</c> prefix, <c># comments</c> (inline ones after whitespace), single quotes taken literally, double quotes
/// with backslash escapes; quoted values may span lines. A repeated key: the last one wins.
/// </summary>
internal static class EnvConfigReader
{
    public static ConfigParseResult Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var children = new OrderedDictionary<string, ConfigNode>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = Skip(line, 0);
            if (at == line.Length || line[at] == '#')
            {
                continue;
            }

            if (line.AsSpan(at).StartsWith("export") && at + 6 < line.Length && line[at + 6] is ' ' or '\t')
            {
                at = Skip(line, at + 6);
            }

            var keyStart = at;
            if (at == line.Length || !(char.IsAsciiLetter(line[at]) || line[at] == '_'))
            {
                return Error(i, at, at == line.Length ? "expected a variable name" : $"a variable name cannot start with '{line[at]}'");
            }

            while (at < line.Length && (char.IsAsciiLetterOrDigit(line[at]) || line[at] is '_' or '.' or '-'))
            {
                at++;
            }

            var key = line[keyStart..at];
            at = Skip(line, at);
            if (at == line.Length || line[at] != '=')
            {
                return Error(i, at, at == line.Length ? $"expected '=' after {key}" : $"unexpected '{line[at]}' in the name {key}; expected '='");
            }

            at = Skip(line, at + 1);
            var (node, endLine, problem) = at < line.Length && line[at] is '"' or '\'' ? Quoted(lines, i, at) : (Unquoted(line[at..]), i, null);
            if (problem is not null)
            {
                return problem;
            }

            children[key] = node!;
            i = endLine;
        }

        return ConfigParseResult.Parsed(ConfigNode.Map(children));
    }

    private static ConfigNode Unquoted(string rest)
    {
        var comment = rest.IndexOf(" #", StringComparison.Ordinal) is var s and >= 0 ? s : rest.IndexOf("\t#", StringComparison.Ordinal);
        return PlainScalars.Infer((comment >= 0 ? rest[..comment] : rest).Trim(), iniBooleans: false);
    }

    /// <summary>A quoted value from <paramref name="start"/>, which may run over several lines; ends at its closing quote.</summary>
    private static (ConfigNode? Node, int EndLine, ConfigParseResult? Problem) Quoted(string[] lines, int startLine, int start)
    {
        var quote = lines[startLine][start];
        var value = new StringBuilder();
        var (i, at) = (startLine, start + 1);
        while (i < lines.Length)
        {
            var line = lines[i];
            while (at < line.Length)
            {
                var c = line[at];
                if (c == quote)
                {
                    var after = Skip(line, at + 1);
                    return after == line.Length || line[after] == '#'
                        ? (ConfigNode.String(value.ToString()), i, null)
                        : (null, i, Error(i, after, "unexpected text after the closing quote"));
                }

                if (c == '\\' && quote == '"' && at + 1 < line.Length)
                {
                    at++;
                    value.Append(line[at] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                }
                else
                {
                    value.Append(c);
                }

                at++;
            }

            value.Append('\n');
            (i, at) = (i + 1, 0);
        }

        return (null, startLine, Error(startLine, start, quote == '"' ? "unterminated double-quoted value" : "unterminated single-quoted value"));
    }

    private static int Skip(string line, int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    private static ConfigParseResult Error(int line, int column, string message) => ConfigParseResult.Failed(line + 1, column + 1, message);
}
