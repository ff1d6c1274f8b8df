using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Probes.Postgres;

/// <summary>
/// Admits one statement that can only read: SELECT, WITH, SHOW, VALUES, TABLE or EXPLAIN of those, and no call to
/// a built-in function that acts on the server even inside a READ ONLY transaction (pg_terminate_backend,
/// set_config, advisory locks, pg_stat_reset, large objects, …). The READ ONLY transaction remains the real guard
/// against writes; this check keeps the side effects PostgreSQL allows there out as well.
/// </summary>
internal static partial class ReadOnlySql
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "SHOW", "VALUES", "TABLE", "EXPLAIN" };
    private static readonly HashSet<string> Explainable = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "TABLE" };
    private static readonly HashSet<string> ExplainOptions = new(StringComparer.OrdinalIgnoreCase) { "ANALYZE", "ANALYSE", "VERBOSE" };

    /// <summary>Returns the statement to run (without trailing semicolons), or null and why it was refused.</summary>
    public static string? Check(string sql, out string refusal)
    {
        refusal = "";
        var code = new StringBuilder(sql.Length);
        var text = new StringBuilder(sql.Length);
        if (!Scan(sql, code, text, out refusal))
        {
            return null;
        }

        var masked = code.ToString();
        var end = masked.IndexOf(';', StringComparison.Ordinal);
        if (end >= 0 && masked.AsSpan(end).Trim().Trim(';').Trim().Length > 0)
        {
            refusal = "only one statement may run (found text after ';')";
            return null;
        }

        var statement = end >= 0 ? sql[..end] : sql;
        masked = end >= 0 ? masked[..end] : masked;
        var pos = 0;
        var first = Word(masked, ref pos);
        if (first.Length == 0)
        {
            refusal = "the statement is empty";
            return null;
        }

        if (!Allowed.Contains(first))
        {
            refusal = $"'{first.ToUpperInvariant()}' is not allowed: only SELECT, WITH, SHOW, VALUES, TABLE or EXPLAIN";
            return null;
        }

        if (first.Equals("EXPLAIN", StringComparison.OrdinalIgnoreCase) && !ExplainsReadOnly(masked, pos, out refusal))
        {
            return null;
        }

        if (Forbidden().Match(text.ToString()) is { Success: true } m)
        {
            refusal = $"'{m.Groups[1].Value}' acts on the server and is not allowed";
            return null;
        }

        return statement.TrimEnd();
    }

    private static bool ExplainsReadOnly(string masked, int pos, out string refusal)
    {
        refusal = "";
        SkipSpace(masked, ref pos);
        if (pos < masked.Length && masked[pos] == '(')
        {
            var close = masked.IndexOf(')', pos);
            pos = close < 0 ? masked.Length : close + 1;
        }

        string next;
        do
        {
            next = Word(masked, ref pos);
        }
        while (ExplainOptions.Contains(next));

        if (!Explainable.Contains(next))
        {
            refusal = "EXPLAIN may only explain SELECT, WITH, VALUES or TABLE";
            return false;
        }

        return true;
    }

    private static string Word(string s, ref int pos)
    {
        while (pos < s.Length && (char.IsWhiteSpace(s[pos]) || s[pos] == '('))
        {
            pos++;
        }

        var start = pos;
        while (pos < s.Length && char.IsAsciiLetter(s[pos]))
        {
            pos++;
        }

        return s[start..pos];
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }

    // Functions that change server state, take locks or run SQL text of their own; read-only transactions allow them.
    [GeneratedRegex("""
        (?<![\w$])"?(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile\w*|pg_switch_wal|pg_switch_xlog
        |pg_create_restore_point|pg_promote|pg_wal_replay_\w+|pg_xlog_replay_\w+|pg_start_backup|pg_stop_backup|pg_backup_start
        |pg_backup_stop|pg_log_backend_memory_contexts|pg_stat_reset\w*|pg_stat_statements_reset|pg_create_\w*replication_slot
        |pg_drop_replication_slot|pg_copy_\w*replication_slot|pg_replication_slot_advance|pg_replication_origin_\w+
        |pg_logical_slot_\w+|pg_logical_emit_message|pg_import_system_collations|pg_advisory_\w+|pg_try_advisory_\w+
        |pg_notify|set_config|lo_\w+|lowrite|dblink\w*|txid_current|pg_current_xact_id|nextval|setval|query_to_xml\w*
        |cursor_to_xml\w*|pg_file_\w+|pg_truncate_visibility_map|pg_prewarm)"?\s*\(
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Forbidden();
}
