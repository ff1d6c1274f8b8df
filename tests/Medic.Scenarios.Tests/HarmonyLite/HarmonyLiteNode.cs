using Medic.Probes.Tests.Support;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>
/// One HarmonyLite node's files on disk, built as the real binary leaves them: a WAL SQLite database with a
/// replicated table, its <c>__harmonylite__</c> change-log tables and triggers, and two nodes' config.toml files.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class HarmonyLiteNode : IDisposable
{
    private readonly TempFolder _folder = new();

    public string DataDir => Path.Combine(_folder.Path, "data");

    public string Db => Path.Combine(DataDir, "data.db");

    public string Config => _folder.File("node1.toml");

    public string Other => _folder.File("node2.toml");

    public static async Task<HarmonyLiteNode> CreateAsync(string natsUrl)
    {
        var node = new HarmonyLiteNode();
        File.SetUnixFileMode(node._folder.Path, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(node.DataDir);
        File.SetUnixFileMode(node.DataDir, (UnixFileMode)0b111_111_111);
        await SqliteCli.RunAsync(node.Db, Schema);
        File.Copy("/bin/true", node.Binary);
        File.SetUnixFileMode(node.Binary, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(node.Config, Toml(node, 1, natsUrl));
        await File.WriteAllTextAsync(node.Other, Toml(node, 2, natsUrl));
        return node;
    }

    public static string Toml(HarmonyLiteNode node, int nodeId, string natsUrl) => $"""
        db_path = "{node.Db}"
        node_id = {nodeId}
        seq_map_path = "{node.DataDir}/seq-map.cbor"
        publish = true
        replicate = true

        [replication_log]
        shards = 1
        max_entries = 1024
        compress = true

        [nats]
        urls = ["{natsUrl}"]
        """;

    /// <summary>The application's DSN busy timeout (the guide's 30000 unless a test lowers it).</summary>
    public int BusyTimeoutMs { get; set; } = 30000;

    public Dictionary<string, string> Env(string natsUrl, string natsMonitor, string standIn) => new()
    {
        ["HARMONYLITE_DB"] = Db,
        ["HARMONYLITE_DSN"] = $"file:{Db}?_timeout={BusyTimeoutMs}&_journal_mode=WAL",
        ["HARMONYLITE_CONFIG"] = Config,
        ["HARMONYLITE_NODE_CONFIGS"] = Path.Combine(_folder.Path, "node*.toml"),
        ["HARMONYLITE_NATS_URL"] = natsUrl,
        ["HARMONYLITE_NATS_MONITOR"] = natsMonitor,
        ["HARMONYLITE_METRICS_URL"] = standIn + "/metrics",
        ["HARMONYLITE_API_URL"] = standIn,
        ["HARMONYLITE_DATA_DIR"] = DataDir,
        ["HARMONYLITE_USER"] = "nobody",
        ["HARMONYLITE_BINARY"] = Binary,
    };

    /// <summary>The node's harmonylite executable: a copy of /bin/true, mode 0755, in the node's folder.</summary>
    public string Binary => _folder.File("harmonylite");

    public void Dispose() => _folder.Dispose();

    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
        CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT);
        CREATE TABLE __harmonylite___global_change_log(id INTEGER PRIMARY KEY AUTOINCREMENT, change_table_id INTEGER, table_name TEXT);
        CREATE TABLE __harmonylite__notes_change_log(id INTEGER PRIMARY KEY AUTOINCREMENT, val_id INTEGER, val_body TEXT, type TEXT, created_at INTEGER, state INTEGER);
        CREATE TABLE __harmonylite__tags_change_log(id INTEGER PRIMARY KEY AUTOINCREMENT, val_id INTEGER, val_name TEXT, type TEXT, created_at INTEGER, state INTEGER);
        CREATE TRIGGER __harmonylite__notes_change_log_on_insert AFTER INSERT ON notes BEGIN
          INSERT INTO __harmonylite__notes_change_log(val_id, val_body, type, created_at, state) VALUES(NEW.id, NEW.body, 'insert', 0, 0);
          INSERT INTO __harmonylite___global_change_log(change_table_id, table_name) VALUES(last_insert_rowid(), 'notes');
        END;
        CREATE TRIGGER __harmonylite__tags_change_log_on_insert AFTER INSERT ON tags BEGIN
          INSERT INTO __harmonylite__tags_change_log(val_id, val_name, type, created_at, state) VALUES(NEW.id, NEW.name, 'insert', 0, 0);
          INSERT INTO __harmonylite___global_change_log(change_table_id, table_name) VALUES(last_insert_rowid(), 'tags');
        END;
        INSERT INTO notes(body) VALUES('first');
        INSERT INTO tags(name) VALUES('red');
        """;
}
