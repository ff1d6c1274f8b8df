using System.Text.RegularExpressions;

namespace Medic.Knowledge.Guides.Commands;

public static partial class CommandClassifier
{
    /// <summary>SQL: what it changes, and which probe reads the same (sqlite.pragma/sqlite.schema, postgres.query).</summary>
    public static CommandClass Sql(string sql, string? engine)
    {
        var text = SqlComment().Replace(sql, " ").Trim();
        var upper = text.ToUpperInvariant();
        var sqlite = engine == "sqlite" || upper.Contains("SQLITE_", StringComparison.Ordinal) || upper.StartsWith("PRAGMA", StringComparison.Ordinal) || text.StartsWith('.');
        var family = sqlite ? "sqlite" : upper.Contains("PG_", StringComparison.Ordinal) || engine == "postgres" ? "postgres" : "sql";
        if (MutatingSql().Match(upper) is { Success: true } m)
        {
            return Mutates(family, $"{m.Value.Trim()} changes the database");
        }

        if (PragmaAssignment().IsMatch(upper))
        {
            return Mutates(family, "PRAGMA with a value changes the database or the connection");
        }

        if (sqlite)
        {
            return upper switch
            {
                _ when upper.Contains("INTEGRITY_CHECK", StringComparison.Ordinal) => Probe("sqlite", "sqlite.pragma", "sqlite", Args(("check", "full"))),
                _ when upper.Contains("QUICK_CHECK", StringComparison.Ordinal) => Probe("sqlite", "sqlite.pragma", "sqlite", Args(("check", "quick"))),
                _ when upper.StartsWith("PRAGMA", StringComparison.Ordinal) => Probe("sqlite", "sqlite.pragma", "sqlite", Args()),
                _ when upper.Contains("SQLITE_MASTER", StringComparison.Ordinal) || text.StartsWith(".schema", StringComparison.Ordinal) => Probe("sqlite", "sqlite.schema", "sqlite", Args()),
                _ => CommandClass.Unknown("sqlite"),
            };
        }

        var readOnly = upper.StartsWith("SELECT", StringComparison.Ordinal) || upper.StartsWith("WITH", StringComparison.Ordinal)
            || upper.StartsWith("SHOW", StringComparison.Ordinal) || (upper.StartsWith("EXPLAIN", StringComparison.Ordinal) && !upper.Contains("ANALYZE", StringComparison.Ordinal));
        return family == "postgres" && readOnly && !text.Contains('{', StringComparison.Ordinal) && !text.Contains('<', StringComparison.Ordinal)
            ? Probe("postgres", "postgres.query", "postgres", Args(("sql", text.TrimEnd(';').Trim())))
            : CommandClass.Unknown(family);
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex SqlComment();

    [GeneratedRegex(@"\b(DROP|ALTER|VACUUM|TRUNCATE|DELETE\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|CREATE|REINDEX|GRANT|REVOKE|PG_TERMINATE_BACKEND|PG_CANCEL_BACKEND|PG_RELOAD_CONF|ANALYZE\s*;|^ANALYZE)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MutatingSql();

    [GeneratedRegex(@"^PRAGMA\s+\w+\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex PragmaAssignment();
}
