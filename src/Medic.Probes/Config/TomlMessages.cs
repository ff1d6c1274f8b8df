using System.Text.RegularExpressions;

namespace Medic.Probes.Config;

/// <summary>
/// The TOML parser quotes the text it stumbled on ("invalid value 'sk-live-…' (strings need quotes)"), which is
/// exactly where an unquoted secret sits. Words of the message that also stand in the failing line's value are
/// replaced, so a syntax error keeps its position and its reason but never shows what the value was.
/// </summary>
internal static partial class TomlMessages
{
    private const string Hidden = "…";

    public static string Redact(string message, string text, int line)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return message;
        }

        var source = lines[line - 1];
        var equals = source.IndexOf('=', StringComparison.Ordinal);
        var value = equals >= 0 ? source[(equals + 1)..] : source;
        return Word().Replace(message, m => value.Contains(m.Value, StringComparison.Ordinal) ? Hidden : m.Value);
    }

    [GeneratedRegex("""[^\s'"(),]{3,}""")]
    private static partial Regex Word();
}
