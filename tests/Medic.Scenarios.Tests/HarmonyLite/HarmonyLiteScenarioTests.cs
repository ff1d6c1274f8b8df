using Medic.Probes.Tests.Nats;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>Faults built with real SQLite files, lock holders and nats-servers; medic diagnose runs on examples/harmonylite/medic.yaml.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HarmonyLiteScenarioTests(HarmonyLiteFixture fx) : IClassFixture<HarmonyLiteFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HarmonyLiteNode? _node;

    public void Dispose()
    {
        _node?.Dispose();
        fx.StandIn.Faults.ClearAll();
    }

    private async Task<HarmonyLiteNode> NodeAsync() => _node = await HarmonyLiteNode.CreateAsync(fx.Nats.Url);

    private async Task<Report> DiagnoseAsync(HarmonyLiteNode node, string? natsUrl = null, string? monitor = null, string? password = null)
    {
        var env = node.Env(natsUrl ?? fx.Nats.Url, monitor ?? fx.Nats.MonitorUrl, fx.StandIn.Url);
        if (password is not null)
        {
            env["HARMONYLITE_NATS_PASSWORD"] = password;
        }

        var run = await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/harmonylite/medic.yaml"), "--format", "json");
        run.Stderr.ShouldBeEmpty();
        return new Report(run);
    }

    [Fact]
    public async Task A_healthy_node_has_nothing_at_warning_or_above()
    {
        var node = await NodeAsync();

        var report = await DiagnoseAsync(node);

        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    [Fact]
    [Covers("harmonylite.changes-not-replicating/triggers-not-installed")]
    public async Task Dropped_triggers_stop_replication()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "DROP TRIGGER __harmonylite__notes_change_log_on_insert; DROP TRIGGER __harmonylite__tags_change_log_on_insert;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.changes-not-replicating/triggers-not-installed");
        report.Explanation(0).ShouldContain("notes, tags");
    }

    [Fact]
    [Covers("harmonylite.triggers-missing-or-corrupted/triggers-absent")]
    public async Task A_rebuilt_table_loses_its_trigger()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "CREATE TABLE tags_new(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO tags_new SELECT * FROM tags; DROP TABLE tags; ALTER TABLE tags_new RENAME TO tags;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.triggers-missing-or-corrupted/triggers-absent");
        report.Explanation(0).ShouldContain("tags has no __harmonylite__ trigger");
    }

    [Fact]
    [Covers("harmonylite.changes-not-replicating/change-logs-not-created")]
    public async Task A_dropped_change_log_is_named()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "DROP TABLE __harmonylite__notes_change_log;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.changes-not-replicating/change-logs-not-created");
        report.Explanation(0).ShouldContain("__harmonylite__notes_change_log");
    }

    [Fact]
    [Covers("harmonylite.changes-not-replicating/stream-missing")]
    public async Task JetStream_without_the_stream_is_named()
    {
        var node = await NodeAsync();
        await using var bare = await NatsServer.StartAsync();

        var report = await DiagnoseAsync(node, bare.Url, bare.MonitorUrl);

        report.First().ShouldBe("harmonylite.changes-not-replicating/stream-missing");
        report.Explanation(0).ShouldContain("lists 0 stream(s)");
    }

    [Fact]
    [Covers("harmonylite.jetstream-errors/jetstream-disabled")]
    public async Task A_server_without_JetStream_is_named()
    {
        var node = await NodeAsync();
        await using var plain = await NatsServer.StartAsync(jetStream: false);

        var report = await DiagnoseAsync(node, plain.Url, plain.MonitorUrl);

        report.First().ShouldBe("harmonylite.jetstream-errors/jetstream-disabled");
        report.Explanation(0).ShouldContain("enabled: false");
    }

    [Fact]
    [Covers("harmonylite.nats-connection-failures/server-down")]
    [Covers("harmonylite.changes-not-replicating/nats-connectivity")]
    public async Task A_stopped_NATS_server_is_named()
    {
        var node = await NodeAsync();
        var port = NatsServer.FreePort();

        var report = await DiagnoseAsync(node, $"nats://127.0.0.1:{port}", $"http://127.0.0.1:{NatsServer.FreePort()}");

        report.First().ShouldBe("harmonylite.nats-connection-failures/server-down");
        report.Explanation(0).ShouldContain($"127.0.0.1:{port}");
        // The broader "changes not replicating" cause and the generic nats.unreachable are folded under it.
        report.Related(0).ShouldContain("harmonylite.changes-not-replicating/nats-connectivity");
        report.Related(0).ShouldContain("nats.unreachable/refused");
    }

    [Fact]
    [Covers("harmonylite.database-locks/long-transactions")]
    public async Task A_transaction_holding_the_lock_is_named()
    {
        var node = await NodeAsync();
        using var holder = await SqliteCli.HoldAsync(node.Db, "BEGIN IMMEDIATE; INSERT INTO notes(body) VALUES('held');");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-locks/long-transactions");
        report.Explanation(0).ShouldContain($"PID {holder.Pid}");
    }

    [Fact]
    [Covers("harmonylite.database-locks/not-wal")]
    public async Task Rollback_journal_mode_is_named()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "PRAGMA journal_mode=DELETE;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-locks/not-wal");
        report.Explanation(0).ShouldContain("journal_mode=delete");
    }

    [Fact]
    [Covers("harmonylite.database-corruption/corruption")]
    public async Task Overwritten_pages_are_reported_as_corruption()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "PRAGMA journal_mode=DELETE;");
        await using (var file = new FileStream(node.Db, FileMode.Open, FileAccess.Write))
        {
            file.Seek(4096 * 2, SeekOrigin.Begin);
            await file.WriteAsync(new byte[2000].Select(_ => (byte)0x5A).ToArray(), Ct);
        }

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-corruption/corruption");
        report.Explanation(0).ShouldContain(node.Db);
    }

    [Fact]
    [Covers("harmonylite.config-validation-errors/duplicate-node-id")]
    public async Task Two_nodes_with_the_same_node_id_are_named()
    {
        var node = await NodeAsync();
        await File.WriteAllTextAsync(node.Other, HarmonyLiteNode.Toml(node, 1, fx.Nats.Url), Ct);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.config-validation-errors/duplicate-node-id");
        report.Explanation(0).ShouldContain("node_id 1 is set in");
    }

    [Fact]
    [Covers("harmonylite.fails-to-start/config-file")]
    [Covers("harmonylite.config-validation-errors/toml-syntax")]
    public async Task A_TOML_syntax_error_is_quoted_with_its_line()
    {
        var node = await NodeAsync();
        await File.WriteAllTextAsync(node.Config, HarmonyLiteNode.Toml(node, 1, fx.Nats.Url).Replace("[nats]", "[nats", StringComparison.Ordinal), Ct);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.fails-to-start/config-file");
        report.Explanation(0).ShouldContain("line 12, column 6");
        report.Related(0).ShouldContain("harmonylite.config-validation-errors/toml-syntax");
        report.Related(0).ShouldContain("config.invalid-syntax/syntax-error");
    }

    [Fact]
    [Covers("harmonylite.config-validation-errors/missing-fields")]
    public async Task A_missing_db_path_is_named()
    {
        var node = await NodeAsync();
        var text = HarmonyLiteNode.Toml(node, 1, fx.Nats.Url);
        await File.WriteAllTextAsync(node.Config, text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..], Ct);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.config-validation-errors/missing-fields");
        report.Explanation(0).ShouldContain("does not set db_path");
    }

    [Fact]
    [Covers("harmonylite.config-validation-errors/bad-paths")]
    public async Task A_data_directory_that_does_not_exist_is_named()
    {
        var node = await NodeAsync();
        Directory.Delete(node.DataDir, recursive: true);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.config-validation-errors/bad-paths");
        report.Explanation(0).ShouldContain($"{node.DataDir} does not exist");
    }

    [Fact]
    [Covers("harmonylite.fails-to-start/permissions")]
    public async Task A_data_directory_the_service_user_cannot_write_is_named()
    {
        var node = await NodeAsync();
        File.SetUnixFileMode(node.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.fails-to-start/permissions");
        report.Explanation(0).ShouldContain("mode 0700");
    }

    [Fact]
    [Covers("harmonylite.high-replication-latency/too-few-shards")]
    public async Task A_publish_backlog_is_quoted()
    {
        var node = await NodeAsync();
        fx.StandIn.Faults.Set("pending-publish", "5000");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.high-replication-latency/too-few-shards");
        report.Explanation(0).ShouldContain("pending_publish is 5000");
        report.Explanation(0).ShouldContain("shards = 1");
    }

    [Fact]
    [Covers("harmonylite.snapshot-creation-fails/storage-connectivity")]
    public async Task An_old_snapshot_is_quoted()
    {
        var node = await NodeAsync();
        fx.StandIn.Faults.Set("snapshot-age", "200000");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.snapshot-creation-fails/storage-connectivity");
        report.Explanation(0).ShouldContain("is 200000 seconds");
    }

    [Fact]
    [Covers("harmonylite.database-locks/other-processes")]
    public async Task Other_processes_with_the_file_open_are_named()
    {
        var node = await NodeAsync();
        using var first = await SqliteCli.HoldAsync(node.Db, "SELECT count(*) FROM notes;");
        using var second = await SqliteCli.HoldAsync(node.Db, "SELECT count(*) FROM tags;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-locks/other-processes");
        report.Explanation(0).ShouldContain($"(PID {first.Pid})");
        report.Explanation(0).ShouldContain($"(PID {second.Pid})");
    }

    [Fact]
    [Covers("harmonylite.database-locks/timeout-settings")]
    public async Task A_DSN_with_a_short_busy_timeout_is_named()
    {
        var node = await NodeAsync();
        node.BusyTimeoutMs = 100;

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-locks/timeout-settings");
        report.Explanation(0).ShouldContain("waits only 100 ms");
    }

    [Fact]
    [Covers("harmonylite.nats-connection-failures/auth-mismatch")]
    public async Task A_wrong_NATS_password_is_named()
    {
        var node = await NodeAsync();
        await using var guarded = await NatsServer.StartAsync(extraArgs: ["--user", "harmonylite", "--pass", "right"]);

        var report = await DiagnoseAsync(node, guarded.Url, guarded.MonitorUrl, password: "wrong");

        report.First().ShouldBe("harmonylite.nats-connection-failures/auth-mismatch");
        report.Explanation(0).ShouldContain("Authorization Violation");
    }

    [Fact]
    [Covers("harmonylite.changes-not-replicating/publishing-disabled")]
    public async Task A_node_with_publishing_off_is_named()
    {
        var node = await NodeAsync();
        await File.WriteAllTextAsync(node.Config, HarmonyLiteNode.Toml(node, 1, fx.Nats.Url).Replace("publish = true", "publish = false", StringComparison.Ordinal), Ct);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.changes-not-replicating/publishing-disabled");
        report.Explanation(0).ShouldContain("sets publish = false");
    }

    [Fact]
    [Covers("harmonylite.high-replication-latency/no-compression")]
    public async Task A_backlog_with_compression_off_is_named()
    {
        var node = await NodeAsync();
        var toml = HarmonyLiteNode.Toml(node, 1, fx.Nats.Url)
            .Replace("shards = 1", "shards = 4", StringComparison.Ordinal).Replace("compress = true", "compress = false", StringComparison.Ordinal);
        await File.WriteAllTextAsync(node.Config, toml, Ct);
        fx.StandIn.Faults.Set("pending-publish", "5000");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.high-replication-latency/no-compression");
        report.Explanation(0).ShouldContain("compress = false");
        report.Causes.ShouldNotContain("harmonylite.high-replication-latency/too-few-shards");
    }

    private const string SmallStore = "jetstream { store_dir: \"{folder}/js\", max_file_store: 1MB }";

    [Fact]
    [Covers("harmonylite.jetstream-errors/storage-limits")]
    public async Task A_full_JetStream_store_is_quoted()
    {
        var node = await NodeAsync();
        await using var small = await NatsServer.StartAsync(jetStream: false, config: SmallStore);
        await using (var client = await NatsTestClient.ConnectAsync(small.Port))
        {
            await client.CreateStreamAsync("harmonylite-changes-1", "harmonylite-changes-1.>");
            var change = new string('x', 1000);
            for (var i = 0; i < 960; i++)
            {
                await client.PublishAsync("harmonylite-changes-1.notes", change);
            }

            await client.FlushAsync();
        }

        var report = await DiagnoseAsync(node, small.Url, small.MonitorUrl);

        report.First().ShouldBe("harmonylite.jetstream-errors/storage-limits");
        report.Explanation(0).ShouldContain("of 1048576 bytes of JetStream file storage are used");
    }

    [Fact]
    [Covers("harmonylite.jetstream-errors/stream-settings")]
    public async Task A_stream_reserving_the_whole_store_is_named()
    {
        var node = await NodeAsync();
        await using var small = await NatsServer.StartAsync(jetStream: false, config: SmallStore);
        await using (var client = await NatsTestClient.ConnectAsync(small.Port))
        {
            await client.CreateStreamAsync("harmonylite-changes-1", "harmonylite-changes-1.>", maxBytes: 1024 * 1024);
        }

        var report = await DiagnoseAsync(node, small.Url, small.MonitorUrl);

        report.First().ShouldBe("harmonylite.jetstream-errors/stream-settings");
        report.Explanation(0).ShouldContain("reserve 1048576 of 1048576 bytes");
    }

    [Fact]
    [Covers("harmonylite.fails-to-start/not-executable")]
    public async Task A_binary_installed_without_its_execute_bit_is_named()
    {
        var node = await NodeAsync();
        File.SetUnixFileMode(node.Binary, (UnixFileMode)0b110_100_100);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.fails-to-start/not-executable");
        report.Explanation(0).ShouldContain($"{node.Binary} has mode 0644 (owner root): no execute bit for nobody");
    }

    [Fact]
    [Covers("harmonylite.schema-changes-break-replication/triggers-not-reset")]
    public async Task A_column_added_without_resetting_the_triggers_is_named()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, "ALTER TABLE notes ADD COLUMN author TEXT;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.schema-changes-break-replication/triggers-not-reset");
        report.Explanation(0).ShouldContain("trigger __harmonylite__notes_change_log_on_insert on notes reads columns the table no longer has [] and never captures [author]");
    }

    [Fact]
    [Covers("harmonylite.schema-changes-break-replication/foreign-keys")]
    public async Task Orphan_rows_are_listed_from_foreign_key_check()
    {
        var node = await NodeAsync();
        await SqliteCli.RunAsync(node.Db, """
            CREATE TABLE comments(id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES notes(id), body TEXT);
            CREATE TABLE __harmonylite__comments_change_log(id INTEGER PRIMARY KEY AUTOINCREMENT, val_id INTEGER, val_note_id INTEGER, val_body TEXT, type TEXT, created_at INTEGER, state INTEGER);
            CREATE TRIGGER __harmonylite__comments_change_log_on_insert AFTER INSERT ON comments BEGIN
              INSERT INTO __harmonylite__comments_change_log(val_id, val_note_id, val_body, type, created_at, state) VALUES(NEW.id, NEW.note_id, NEW.body, 'insert', 0, 0);
            END;
            PRAGMA foreign_keys=OFF;
            INSERT INTO comments VALUES (7, 4242, 'orphan');
            """);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.schema-changes-break-replication/foreign-keys");
        report.Explanation(0).ShouldContain("comments rowid 7 -> missing notes");
    }

    internal sealed class Report(MedicRun run)
    {
        private readonly IReadOnlyList<ReportedFinding> _findings = run.Findings();

        public IReadOnlyList<string> Causes => [.. _findings.Select(f => f.Cause)];

        public string First() => _findings.Count > 0 ? _findings[0].Cause : "(no findings)";

        public string Explanation(int i) => _findings[i].Explanation;

        public IReadOnlyList<string> Related(int i) => _findings[i].Related;

        public IReadOnlyList<string> AtWarningOrAbove() => run.AtWarningOrAbove();
    }
}
