using System.Text;

namespace Medic.Core.Systems;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> (default when unset or empty) in a string; <c>$$</c> is a
/// literal <c>$</c>. Reports unset variables with the offset where the reference starts.
/// </summary>
public static class EnvInterpolator
{
    public sealed record Reference(string Name, string Value);

    public sealed record Failure(int Offset, string Message);

    public static string Expand(
        string text,
        Func<string, string?> lookup,
        ICollection<Reference> used,
        ICollection<Failure> failures)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            if (text[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                sb.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                failures.Add(new Failure(i, "unclosed '${' (write '$$' for a literal '$')"));
                sb.Append(text, i, text.Length - i);
                break;
            }

            var body = text[(i + 2)..close];
            var sep = body.IndexOf(":-", StringComparison.Ordinal);
            var name = sep >= 0 ? body[..sep] : body;
            if (!IsName(name))
            {
                failures.Add(new Failure(i, $"'${{{body}}}' is not a variable reference: names are letters, digits and '_'"));
            }
            else
            {
                var value = lookup(name);
                if (string.IsNullOrEmpty(value) && sep >= 0)
                {
                    value = body[(sep + 2)..];
                }
                else if (value is null)
                {
                    failures.Add(new Failure(i, $"environment variable '{name}' is not set (use '${{{name}:-default}}' for a default)"));
                    value = "";
                }
                else
                {
                    used.Add(new Reference(name, value));
                }

                sb.Append(value);
            }

            i = close;
        }

        return sb.ToString();
    }

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
