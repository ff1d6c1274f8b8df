using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class SqliteLocksProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Names_the_process_holding_the_reserved_lock_in_rollback_mode()
    {
        var db = TestDatabases.Create(_folder.File("app.db"));
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('nightly');");
        var before = TestDatabases.Snapshot(db);

        var data = (await RunAsync(db)).OkData();

        data["visible"]!.GetValue<bool>().ShouldBeTrue();
        data["write_locked"]!.GetValue<bool>().ShouldBeTrue();
        data["writer_pid"]!.GetValue<int>().ShouldBe(writer.Pid);
        var holder = Holders(data).First(h => h.Lock != "shared");
        holder.ShouldBe(new Holder(writer.Pid, "sqlite3", "reserved", "db"));
        Holders(data).ShouldContain(new Holder(writer.Pid, "sqlite3", "shared", "db"));
        OpenBy(data).ShouldBe([(writer.Pid, "sqlite3")]);
        var after = TestDatabases.Snapshot(db);
        after.Bytes.ShouldBe(before.Bytes);
        after.Modified.ShouldBe(before.Modified);
    }

    [Fact]
    public async Task Names_an_exclusive_lock()
    {
        var db = TestDatabases.Create(_folder.File("excl.db"));
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN EXCLUSIVE;");

        var data = (await RunAsync(db)).OkData();

        data["write_locked"]!.GetValue<bool>().ShouldBeTrue();
        Holders(data).First().ShouldBe(new Holder(writer.Pid, "sqlite3", "exclusive", "db"));
    }

    [Fact]
    public async Task Names_the_wal_writer_on_the_shared_memory_file()
    {
        var db = TestDatabases.Create(_folder.File("wal.db"), wal: true);
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('nightly');");

        var data = (await RunAsync(db)).OkData();

        data["write_locked"]!.GetValue<bool>().ShouldBeTrue();
        data["writer_pid"]!.GetValue<int>().ShouldBe(writer.Pid);
        Holders(data).First().ShouldBe(new Holder(writer.Pid, "sqlite3", "wal_write", "shm"));
        Holders(data).ShouldContain(new Holder(writer.Pid, "sqlite3", "shared", "db"));
        OpenBy(data).ShouldBe([(writer.Pid, "sqlite3")]);
    }

    [Fact]
    public async Task Follows_a_symbolic_link_to_the_database_and_its_shared_memory_file()
    {
        var db = TestDatabases.Create(_folder.File("real.db"), wal: true);
        var link = _folder.File("link.db");
        File.CreateSymbolicLink(link, db);
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('nightly');");

        var data = (await RunAsync(link)).OkData();

        data["path"]!.GetValue<string>().ShouldBe(link);
        data["writer_pid"]!.GetValue<int>().ShouldBe(writer.Pid);
        Holders(data).First().Lock.ShouldBe("wal_write");
    }

    [Fact]
    public async Task A_reader_holds_a_shared_lock_that_does_not_lock_out_writers()
    {
        var db = TestDatabases.Create(_folder.File("read.db"));
        using var reader = await SqliteCli.HoldAsync(db, "BEGIN; SELECT count(*) FROM jobs;");

        var data = (await RunAsync(db)).OkData();

        data["write_locked"]!.GetValue<bool>().ShouldBeFalse();
        data["writer_pid"].ShouldBeNull();
        Holders(data).ShouldBe([new Holder(reader.Pid, "sqlite3", "shared", "db")]);
    }

    [Fact]
    public async Task Nobody_holding_the_database_is_not_write_locked()
    {
        var db = TestDatabases.Create(_folder.File("idle.db"));

        var data = (await RunAsync(db)).OkData();

        data["path"]!.GetValue<string>().ShouldBe(db);
        data["write_locked"]!.GetValue<bool>().ShouldBeFalse();
        data["writer_pid"].ShouldBeNull();
        data["holders"]!.AsArray().ShouldBeEmpty();
        data["open_by"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_file_is_not_found()
    {
        var result = await RunAsync(_folder.File("gone.db"));

        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
        result.Data!["exists"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static Task<ProbeResult> RunAsync(string path) =>
        new SqliteLocksProbe().RunAsync(ProbeHarness.Context("sqlite", new() { ["path"] = path }), TestContext.Current.CancellationToken);

    private static List<Holder> Holders(JsonObject data) =>
        [.. data["holders"]!.AsArray().Select(h => new Holder(
            h!["pid"]!.GetValue<int>(), h["process"]!.GetValue<string>(), h["lock"]!.GetValue<string>(), h["file"]!.GetValue<string>()))];

    private static List<(int, string)> OpenBy(JsonObject data) =>
        [.. data["open_by"]!.AsArray().Select(o => (o!["pid"]!.GetValue<int>(), o["process"]!.GetValue<string>()))];

    private sealed record Holder(int Pid, string Process, string Lock, string File);
}
