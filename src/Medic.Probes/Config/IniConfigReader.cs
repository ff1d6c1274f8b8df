using System.Text.RegularExpressions;

namespace Medic.Probes.Config;

/// <summary>
/// Parses an INI file: <c>[section]</c> headers (also git's <c>[section "sub"]</c>, read as <c>section.sub</c>),
/// <c>key = value</c> or <c>key: value</c>, comment lines and inline comments after whitespace starting with
/// <c>;</c> or <c>#</c>. Keys before the first header are top-level; <c>section.key</c> names the rest. Indented lines
/// are ordinary lines (git and many tools indent keys), not continuations. Repeated keys: the last one wins, and a
/// repeated section adds to the first.
/// </summary>
internal static partial class IniConfigReader
{
    public static ConfigParseResult Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var root = new OrderedDictionary<string, ConfigNode>(StringComparer.Ordinal);
        var section = root;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.Length == 0 || trimmed[0] is ';' or '#')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    return Error(i, line.TrimEnd().Length, "expected ']' to close the section header");
                }

                var rest = trimmed[(close + 1)..].TrimStart();
                if (rest.Length > 0 && rest[0] is not (';' or '#'))
                {
                    return Error(i, line.Length - rest.Length, "unexpected text after the section header");
                }

                var name = SectionName(trimmed[1..close].Trim());
                if (name.Length == 0)
                {
                    return Error(i, indent, "empty section name");
                }

                section = root.TryGetValue(name, out var existing) && existing.Children is { } children ? children : new(StringComparer.Ordinal);
                root[name] = ConfigNode.Map(section);
                continue;
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator < 0)
            {
                return Error(i, indent, "expected 'key = value' or 'key: value'");
            }

            var key = trimmed[..separator].Trim();
            if (key.Length == 0)
            {
                return Error(i, indent, $"a key is missing before '{trimmed[separator]}'");
            }

            var valueStart = indent + separator + 1;
            var (node, problem) = Value(line[valueStart..], i, valueStart);
            if (problem is not null)
            {
                return problem;
            }

            section[key] = node!;
        }

        return ConfigParseResult.Parsed(ConfigNode.Map(root));
    }

    private static (ConfigNode? Node, ConfigParseResult? Problem) Value(string raw, int line, int offset)
    {
        var value = raw.TrimStart();
        var at = offset + raw.Length - value.Length;
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var close = value.IndexOf(value[0], 1);
            if (close < 0)
            {
                return (null, Error(line, at, "unterminated quoted value"));
            }

            var after = value[(close + 1)..].TrimStart();
            return after.Length == 0 || after[0] is ';' or '#'
                ? (ConfigNode.String(value[1..close]), null)
                : (null, Error(line, at + value.Length - after.Length, "unexpected text after the closing quote"));
        }

        var comment = InlineComment().Match(value);
        return (PlainScalars.Infer((comment.Success ? value[..comment.Index] : value).Trim(), iniBooleans: true), null);
    }

    private static string SectionName(string header)
    {
        var git = GitSubsection().Match(header);
        return git.Success ? git.Groups[1].Value + "." + git.Groups[2].Value : header;
    }

    private static ConfigParseResult Error(int line, int column, string message) => ConfigParseResult.Failed(line + 1, column + 1, message);

    [GeneratedRegex(@"\s[;#]")]
    private static partial Regex InlineComment();

    [GeneratedRegex("""^(\S+)\s+"(.*)"$""")]
    private static partial Regex GitSubsection();
}
