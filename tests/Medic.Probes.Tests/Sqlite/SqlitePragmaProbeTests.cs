using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class SqlitePragmaProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqlitePragmaProbe _probe = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reports_delete_journal_mode_from_the_pragma_for_a_rollback_database()
    {
        var db = TestDatabases.Create(_folder.File("app.db"));

        var data = (await RunAsync(db)).OkData();

        data["path"]!.GetValue<string>().ShouldBe(db);
        data["exists"]!.GetValue<bool>().ShouldBeTrue();
        data["journal_mode"]!.GetValue<string>().ShouldBe("delete");
        data["journal_mode_source"]!.GetValue<string>().ShouldBe("pragma");
        data["open_mode"]!.GetValue<string>().ShouldBe("read_only");
        data["locked"]!.GetValue<bool>().ShouldBeFalse();
        data["page_size"]!.GetValue<long>().ShouldBe(4096);
        data["page_count"]!.GetValue<long>().ShouldBe(new FileInfo(db).Length / 4096);
        data["freelist_count"]!.GetValue<long>().ShouldBe(0);
        data["integrity"].ShouldBeNull();
        data["wal"]!["exists"]!.GetValue<bool>().ShouldBeFalse();
        data["journal"]!["exists"]!.GetValue<bool>().ShouldBeFalse();
        data["sqlite_version"]!.GetValue<string>().ShouldStartWith("3.");
    }

    [Fact]
    public async Task Reports_wal_from_the_header_of_a_closed_wal_database_without_creating_its_wal_files()
    {
        var db = TestDatabases.Create(_folder.File("wal.db"), wal: true);
        File.Exists(db + "-wal").ShouldBeFalse();
        var before = TestDatabases.Snapshot(db);

        var data = (await RunAsync(db, check: "quick")).OkData();

        data["journal_mode"]!.GetValue<string>().ShouldBe("wal");
        data["journal_mode_source"]!.GetValue<string>().ShouldBe("header");
        data["open_mode"]!.GetValue<string>().ShouldBe("immutable");
        data["header"]!["file_format_read"]!.GetValue<int>().ShouldBe(2);
        data["integrity"]!["ok"]!.GetValue<bool>().ShouldBeTrue();
        File.Exists(db + "-wal").ShouldBeFalse();
        File.Exists(db + "-shm").ShouldBeFalse();
        TestDatabases.Snapshot(db).Bytes.ShouldBe(before.Bytes);
    }

    [Fact]
    public async Task Reports_wal_from_the_pragma_while_a_writer_in_another_process_has_it_open()
    {
        var db = TestDatabases.Create(_folder.File("live.db"), wal: true);
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('held');");

        var data = (await RunAsync(db, check: "quick")).OkData();

        data["journal_mode"]!.GetValue<string>().ShouldBe("wal");
        data["journal_mode_source"]!.GetValue<string>().ShouldBe("pragma");
        data["open_mode"]!.GetValue<string>().ShouldBe("read_only");
        data["wal"]!["exists"]!.GetValue<bool>().ShouldBeTrue();
        data["integrity"]!["ok"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Falls_back_to_the_header_when_another_process_holds_an_exclusive_lock()
    {
        var db = TestDatabases.Create(_folder.File("locked.db"));
        using var holder = await SqliteCli.HoldAsync(db, "BEGIN EXCLUSIVE;");

        var data = (await RunAsync(db)).OkData();
        var checkedResult = await RunAsync(db, check: "quick");

        data["locked"]!.GetValue<bool>().ShouldBeTrue();
        data["journal_mode"]!.GetValue<string>().ShouldBe("delete");
        data["journal_mode_source"]!.GetValue<string>().ShouldBe("header");
        data["page_size"]!.GetValue<int>().ShouldBe(4096);
        data["header"]!["page_size"]!.GetValue<int>().ShouldBe(4096);
        checkedResult.Error!.Kind.ShouldBe(ErrorKinds.Busy);
        checkedResult.Data!["integrity"].ShouldBeNull();
    }

    [Fact]
    public async Task Reports_a_hot_journal_left_by_a_writer_that_died_and_leaves_it_for_the_next_writer()
    {
        var db = TestDatabases.Create(_folder.File("crashed.db"), rows: 300);
        using (await SqliteCli.HoldAsync(db, "PRAGMA cache_size = 1; BEGIN; UPDATE jobs SET payload = payload || 'changed';"))
        {
            // Disposing kills the writer mid-transaction, as a crash would.
        }

        var journal = db + "-journal";
        File.Exists(journal).ShouldBeTrue();
        var before = (TestDatabases.Snapshot(db), TestDatabases.Snapshot(journal));

        var data = (await RunAsync(db)).OkData();

        data["hot_journal"]!.GetValue<bool>().ShouldBeTrue();
        data["locked"]!.GetValue<bool>().ShouldBeFalse();
        data["journal"]!["exists"]!.GetValue<bool>().ShouldBeTrue();
        data["journal_mode_source"]!.GetValue<string>().ShouldBe("header");
        TestDatabases.Snapshot(db).Bytes.ShouldBe(before.Item1.Bytes);
        TestDatabases.Snapshot(journal).Bytes.ShouldBe(before.Item2.Bytes);
    }

    [Fact]
    public async Task Quick_check_of_a_sound_database_is_ok()
    {
        var db = TestDatabases.Create(_folder.File("sound.db"), rows: 500);

        var integrity = (await RunAsync(db, check: "quick")).OkData()["integrity"]!;

        integrity["mode"]!.GetValue<string>().ShouldBe("quick");
        integrity["ok"]!.GetValue<bool>().ShouldBeTrue();
        integrity["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["ok"]);
    }

    [Theory]
    [InlineData("quick")]
    [InlineData("full")]
    public async Task A_damaged_page_fails_the_check(string check)
    {
        var db = TestDatabases.Create(_folder.File("damaged.db"), rows: 500);
        using (var stream = new FileStream(db, FileMode.Open, FileAccess.ReadWrite))
        {
            // Page 4 is a leaf of the jobs table; wreck its b-tree page header.
            stream.Position = 3 * 4096;
            stream.Write([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var result = await RunAsync(db, check: check);

        var integrity = result.Data!["integrity"]!;
        integrity["mode"]!.GetValue<string>().ShouldBe(check);
        integrity["ok"]!.GetValue<bool>().ShouldBeFalse();
        integrity["messages"]!.AsArray().Count.ShouldBeGreaterThan(0);
        integrity["messages"]!.AsArray()[0]!.GetValue<string>().ShouldNotBe("ok");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_corrupt()
    {
        var path = _folder.File("notes.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), TestContext.Current.CancellationToken);

        var result = await RunAsync(path);

        result.Error!.Kind.ShouldBe(ErrorKinds.Corrupt);
        result.Error.Message.ShouldContain("file is not a database");
        result.Data!["size_bytes"]!.GetValue<long>().ShouldBe(4096);
        result.Data["header"].ShouldBeNull();
    }

    [Fact]
    public async Task A_missing_file_is_not_found()
    {
        var path = _folder.File("missing.db");

        var result = await RunAsync(path);

        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
        result.Data!["path"]!.GetValue<string>().ShouldBe(path);
        result.Data["exists"]!.GetValue<bool>().ShouldBeFalse();
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_folder_is_not_a_database()
    {
        var result = await RunAsync(_folder.Path);

        result.Error!.Kind.ShouldBe(ErrorKinds.Corrupt);
    }

    [Fact]
    public async Task Reads_the_header_fields_written_by_the_library()
    {
        var db = TestDatabases.Create(_folder.File("header.db"), extra: "PRAGMA user_version = 7; PRAGMA application_id = 1234;");

        var data = (await RunAsync(db)).OkData();
        var header = data["header"]!;

        header["page_size"]!.GetValue<int>().ShouldBe(4096);
        header["file_format_write"]!.GetValue<int>().ShouldBe(1);
        header["file_format_read"]!.GetValue<int>().ShouldBe(1);
        header["schema_format"]!.GetValue<int>().ShouldBe(4);
        header["text_encoding"]!.GetValue<string>().ShouldBe("utf-8");
        header["user_version"]!.GetValue<int>().ShouldBe(7);
        header["application_id"]!.GetValue<int>().ShouldBe(1234);
        header["page_count"]!.GetValue<long>().ShouldBe(data["page_count"]!.GetValue<long>());
        header["written_by_version"]!.GetValue<string>().ShouldBe(data["sqlite_version"]!.GetValue<string>());
        var parts = data["sqlite_version"]!.GetValue<string>().Split('.').Select(int.Parse).ToArray();
        header["written_by_version_number"]!.GetValue<int>().ShouldBe(parts[0] * 1_000_000 + parts[1] * 1000 + parts[2]);
    }

    [Fact]
    public async Task Names_the_version_of_another_library_that_wrote_the_file()
    {
        var db = _folder.File("cli.db");
        await SqliteCli.RunAsync(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        var cliVersion = await SqliteCli.RunAsync(":memory:", "SELECT sqlite_version();");

        var header = (await RunAsync(db)).OkData()["header"]!;

        header["written_by_version"]!.GetValue<string>().ShouldBe(cliVersion);
    }

    [Fact]
    public async Task Leaves_the_database_file_unchanged()
    {
        var db = TestDatabases.Create(_folder.File("same.db"), rows: 200);
        File.SetLastWriteTimeUtc(db, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var before = TestDatabases.Snapshot(db);

        (await RunAsync(db, check: "full")).OkData();
        (await new SqliteSchemaProbe().RunAsync(ProbeHarness.Context("sqlite", new() { ["path"] = db }, new() { ["tables"] = new JsonArray("jobs") }), TestContext.Current.CancellationToken)).OkData();
        (await new SqliteLocksProbe().RunAsync(ProbeHarness.Context("sqlite", new() { ["path"] = db }), TestContext.Current.CancellationToken)).OkData();

        var after = TestDatabases.Snapshot(db);
        after.Modified.ShouldBe(before.Modified);
        after.Bytes.ShouldBe(before.Bytes);
        Directory.GetFiles(_folder.Path).ShouldBe([db]);
    }

    [Fact]
    public async Task Rejects_an_unknown_check()
    {
        var db = TestDatabases.Create(_folder.File("arg.db"));

        var result = await RunAsync(db, check: "deep");

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    private Task<Core.Probing.ProbeResult> RunAsync(string path, string check = "none", JsonObject? settings = null)
    {
        settings ??= [];
        settings["path"] = path;
        return _probe.RunAsync(ProbeHarness.Context("sqlite", settings, new JsonObject { ["check"] = check }), TestContext.Current.CancellationToken);
    }
}
