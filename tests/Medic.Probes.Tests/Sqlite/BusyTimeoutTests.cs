using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class BusyTimeoutTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("file:pma.db?_busy_timeout=5000&_journal_mode=WAL", 5000)]
    [InlineData("file:pma.db?cache=shared&_timeout=250", 250)]
    [InlineData("file:pma.db?_pragma=busy_timeout(7000)&_pragma=journal_mode(WAL)", 7000)]
    [InlineData("file:pma.db?_pragma=busy_timeout%287000%29", 7000)]
    [InlineData("Data Source=pma.db;Default Timeout=30", 30000)]
    [InlineData("Data Source=pma.db;Command Timeout=5;Mode=ReadWrite", 5000)]
    [InlineData("sqlite:///pma.db?busy_timeout=1500", 1500)]
    [InlineData("file:pma.db?_busy_timeout=0", 0)]
    public void Parses_the_busy_timeout_from_a_dsn(string dsn, long expected)
    {
        BusyTimeoutParser.Parse(dsn).ShouldBe(expected);
    }

    [Theory]
    [InlineData("file:pma.db?_journal_mode=WAL")]
    [InlineData("Data Source=pma.db")]
    [InlineData("")]
    public void Finds_no_busy_timeout_in_a_dsn_that_does_not_set_one(string dsn)
    {
        BusyTimeoutParser.Parse(dsn).ShouldBeNull();
    }

    [Fact]
    public async Task Reports_the_busy_timeout_from_the_dsn()
    {
        var db = TestDatabases.Create(_folder.File("dsn.db"));

        var data = (await RunAsync(db, settings: new() { ["dsn"] = "file:dsn.db?_busy_timeout=0" })).OkData();

        data["busy_timeout_ms"]!.GetValue<long>().ShouldBe(0);
        data["busy_timeout_source"]!.GetValue<string>().ShouldBe("dsn");
    }

    [Fact]
    public async Task The_busy_timeout_setting_wins_over_the_dsn()
    {
        var db = TestDatabases.Create(_folder.File("setting.db"));

        var data = (await RunAsync(db, settings: new() { ["busy_timeout"] = 2500L, ["dsn"] = "file:x.db?_busy_timeout=10" })).OkData();

        data["busy_timeout_ms"]!.GetValue<long>().ShouldBe(2500);
        data["busy_timeout_source"]!.GetValue<string>().ShouldBe("setting");
    }

    [Fact]
    public async Task Without_a_dsn_or_setting_the_busy_timeout_is_unknown()
    {
        var db = TestDatabases.Create(_folder.File("plain.db"));

        var data = (await RunAsync(db)).OkData();

        data["busy_timeout_ms"].ShouldBeNull();
        data["busy_timeout_source"].ShouldBeNull();
    }

    private Task<ProbeResult> RunAsync(string path, JsonObject? settings = null)
    {
        settings ??= [];
        settings["path"] = path;
        return new SqlitePragmaProbe().RunAsync(ProbeHarness.Context("sqlite", settings), TestContext.Current.CancellationToken);
    }
}
