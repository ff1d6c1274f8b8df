using System.Text;

namespace Medic.Probes.Postgres;

internal static partial class ReadOnlySql
{
    /// <summary>
    /// Lexes just enough SQL to see statement boundaries: <paramref name="code"/> gets the text with comments and the
    /// insides of literals and quoted identifiers blanked (so a ';' or keyword there does not count);
    /// <paramref name="text"/> keeps literals and drops only comments (so a function named inside a string is seen).
    /// </summary>
    private static bool Scan(string sql, StringBuilder code, StringBuilder text, out string refusal)
    {
        refusal = "";
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            var afterWord = i > 0 && IsWordChar(sql[i - 1]);
            int end;
            if (c == '-' && next == '-')
            {
                end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                Blank(code, text, end - i);
            }
            else if (c == '/' && next == '*')
            {
                end = BlockCommentEnd(sql, i);
                if (end < 0)
                {
                    refusal = "a /* comment */ is not closed";
                    return false;
                }

                Blank(code, text, end - i);
            }
            else if ((c is 'u' or 'U') && next == '&' && i + 2 < sql.Length && sql[i + 2] == '"' && !afterWord)
            {
                refusal = "Unicode-escaped identifiers (U&\"...\") are not allowed";
                return false;
            }
            else if (c == '\'')
            {
                var escapes = i > 0 && sql[i - 1] is 'e' or 'E' && (i < 2 || !IsWordChar(sql[i - 2]));
                end = QuotedEnd(sql, i, '\'', escapes);
                if (end < 0)
                {
                    refusal = "a string literal is not closed";
                    return false;
                }

                Keep(sql, code, text, i, end);
            }
            else if (c == '"')
            {
                end = QuotedEnd(sql, i, '"', backslashEscapes: false);
                if (end < 0)
                {
                    refusal = "a quoted identifier is not closed";
                    return false;
                }

                Keep(sql, code, text, i, end);
            }
            else if (c == '$' && !afterWord && DollarTag(sql, i) is { } tag)
            {
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                if (close < 0)
                {
                    refusal = $"a {tag} quoted string is not closed";
                    return false;
                }

                end = close + tag.Length;
                Keep(sql, code, text, i, end);
            }
            else
            {
                end = i + 1;
                code.Append(c);
                text.Append(c);
            }

            i = end;
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static void Blank(StringBuilder code, StringBuilder text, int length)
    {
        code.Append(' ', length);
        text.Append(' ', length);
    }

    private static void Keep(string sql, StringBuilder code, StringBuilder text, int start, int end)
    {
        text.Append(sql, start, end - start);
        code.Append(sql[start]);
        code.Append('x', Math.Max(0, end - start - 2));
        code.Append(sql[end - 1]);
    }

    /// <summary>The index just past the comment that starts at <paramref name="start"/>; block comments nest in PostgreSQL.</summary>
    private static int BlockCommentEnd(string sql, int start)
    {
        var depth = 0;
        for (var i = start; i + 1 < sql.Length; i++)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i++;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return -1;
    }

    /// <summary>The index just past the closing quote; a doubled quote is an escaped one.</summary>
    private static int QuotedEnd(string sql, int start, char quote, bool backslashEscapes)
    {
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i++;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The opening <c>$tag$</c> at <paramref name="start"/>, or null when the '$' starts something else ($1).</summary>
    private static string? DollarTag(string sql, int start)
    {
        var i = start + 1;
        if (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_'))
        {
            while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }
        }

        return i < sql.Length && sql[i] == '$' ? sql[start..(i + 1)] : null;
    }
}
