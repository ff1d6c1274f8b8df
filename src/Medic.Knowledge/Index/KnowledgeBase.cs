using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medic.Knowledge.Guides;
using Microsoft.Data.Sqlite;

namespace Medic.Knowledge.Index;

/// <summary>
/// The knowledge base: one SQLite file with an FTS5 index over entries (title, symptoms, codes, causes, fixes,
/// body), an exact table of error codes, and the links from runbooks to the guide sections they cite.
/// Importing a guide again replaces its entries in one transaction.
/// </summary>
public sealed partial class KnowledgeBase : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS guides(name TEXT PRIMARY KEY, path TEXT, title TEXT, imported TEXT, entries INTEGER);
        CREATE TABLE IF NOT EXISTS entries(id INTEGER PRIMARY KEY, guide TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, anchor TEXT, doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS entries_guide ON entries(guide);
        CREATE INDEX IF NOT EXISTS entries_code ON entries(code COLLATE NOCASE);
        CREATE TABLE IF NOT EXISTS links(guide TEXT NOT NULL, anchor TEXT NOT NULL, runbook TEXT NOT NULL, source TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS links_target ON links(guide, anchor);
        CREATE INDEX IF NOT EXISTS links_source ON links(source);
        CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(title, symptoms, codes, causes, fixes, body, product, tokenize = 'porter unicode61');
        """;

    private readonly SqliteConnection _connection;

    private KnowledgeBase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the knowledge base at <paramref name="path"/>.</summary>
    public static KnowledgeBase Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        return new KnowledgeBase(connection, path);
    }

    /// <summary>The default file: <c>$XDG_DATA_HOME/medic/kb.db</c>, else <c>~/.local/share/medic/kb.db</c>.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var data = environment("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
        {
            var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = System.IO.Path.Combine(home, ".local", "share");
        }

        return System.IO.Path.Combine(data, "medic", "kb.db");
    }

    public int Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM entries";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<(string Name, string Title, int Entries)> Guides()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, title, entries FROM guides ORDER BY name";
        using var reader = command.ExecuteReader();
        var guides = new List<(string, string, int)>();
        while (reader.Read())
        {
            guides.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return guides;
    }

    /// <summary>Stores a guide's entries, replacing whatever an earlier import of the same guide name stored.</summary>
    public void Replace(string name, string path, string title, IReadOnlyList<GuideEntry> entries, DateTimeOffset imported)
    {
        using var tx = _connection.BeginTransaction();
        Delete(tx, name);
        using (var g = _connection.CreateCommand())
        {
            g.Transaction = tx;
            g.CommandText = "INSERT INTO guides(name, path, title, imported, entries) VALUES ($n, $p, $t, $i, $c)";
            g.Parameters.AddWithValue("$n", name);
            g.Parameters.AddWithValue("$p", path);
            g.Parameters.AddWithValue("$t", title);
            g.Parameters.AddWithValue("$i", imported.ToString("O", CultureInfo.InvariantCulture));
            g.Parameters.AddWithValue("$c", entries.Count);
            g.ExecuteNonQuery();
        }

        new EntryWriter(_connection, tx, name, title + " " + name.Replace("pack:", "", StringComparison.Ordinal)).Write(entries);
        tx.Commit();
        Changed();
    }

    private void Delete(SqliteTransaction tx, string name)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE guide = $g);
            DELETE FROM entries WHERE guide = $g;
            DELETE FROM links WHERE source = $g;
            DELETE FROM guides WHERE name = $g;
            """;
        command.Parameters.AddWithValue("$g", name);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
