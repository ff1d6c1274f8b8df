using Npgsql;

namespace Medic.Server.Store;

/// <summary>Opens the store named by <c>--store</c>: a <c>postgresql://</c> (or <c>postgres://</c>) URL, else a SQLite file path.</summary>
public static class HistoryStores
{
    public static bool IsPostgres(string store) =>
        store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    public static HistoryStore Open(string store) =>
        IsPostgres(store) ? new PostgresHistoryStore(ConnectionString(store)) : new SqliteHistoryStore(store);

    /// <summary>The store as it may be shown: a URL without its password.</summary>
    public static string Display(string store)
    {
        if (!IsPostgres(store) || !Uri.TryCreate(store, UriKind.Absolute, out var uri))
        {
            return store;
        }

        var user = uri.UserInfo.Split(':')[0];
        return $"{uri.Scheme}://{(user.Length > 0 ? user + "@" : "")}{uri.Authority}{uri.AbsolutePath}";
    }

    /// <summary>
    /// Turns <c>postgresql://user:password@host:port/database?sslmode=…</c> into an Npgsql connection string.
    /// Without a password in the URL, Npgsql falls back to <c>PGPASSWORD</c> and <c>~/.pgpass</c>.
    /// </summary>
    public static string ConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"'{Display(url)}' is not a PostgreSQL URL (postgresql://user@host:port/database)");
        }

        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            ApplicationName = "medic-serve",
        };
        var info = uri.UserInfo.Split(':', 2);
        if (info[0].Length > 0)
        {
            b.Username = Uri.UnescapeDataString(info[0]);
        }

        if (info.Length == 2)
        {
            b.Password = Uri.UnescapeDataString(info[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase) && kv.Length == 2)
            {
                b.SslMode = Enum.Parse<SslMode>(Uri.UnescapeDataString(kv[1]).Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            }
            else
            {
                throw new FormatException($"unsupported parameter '{kv[0]}' in the PostgreSQL URL (only sslmode)");
            }
        }

        return b.ConnectionString;
    }
}
