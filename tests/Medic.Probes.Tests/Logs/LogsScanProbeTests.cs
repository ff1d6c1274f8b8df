using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Logs;
using Medic.Probes.Tests.Jwt;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Logs;

public sealed class LogsScanProbeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 1, 15, 11, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-logs-scan-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>A PMA-style journal: "database is locked" errors at 10:10 (old) and 10:50-10:54 (recent), info lines every minute.</summary>
    private static IEnumerable<string> Journal()
    {
        for (var m = 0; m < 60; m++)
        {
            var t = new DateTime(2024, 1, 15, 10, m, 0, DateTimeKind.Utc);
            yield return $"{t:MMM dd HH:mm:ss} pma-host pma-backend[901]: time={t:yyyy-MM-ddTHH:mm:ss}Z level=info msg=\"entity state synced\" duration={m}ms";
            if (m == 10 || (m >= 50 && m < 55))
            {
                yield return $"{t:MMM dd HH:mm:ss} pma-host pma-backend[901]: time={t:yyyy-MM-ddTHH:mm:ss}Z level=error msg=\"database is locked\" table=entities";
            }

            if (m == 52)
            {
                yield return $"{t:MMM dd HH:mm:ss} pma-host pma-backend[901]: time={t:yyyy-MM-ddTHH:mm:ss}Z level=warn msg=\"websocket client too slow, dropping\"";
            }
        }
    }

    private static async Task<ProbeResult> Scan(Medic.Core.Systems.Component component, JsonObject args) =>
        await new LogsScanProbe().RunAsync(new ProbeContext(component, args, TimeSpan.FromSeconds(10), new FixedClock(Now)), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Counts_errors_matching_a_pattern_in_the_last_15_minutes_by_record_timestamps()
    {
        var log = Write("pma.journal", Journal());
        var result = await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }),
            new JsonObject { ["pattern"] = "database is locked", ["level"] = "error", ["window"] = "15m" });
        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["matches"]!.GetValue<long>().ShouldBe(5);
        data["errors"]!.GetValue<long>().ShouldBe(5);
        data["warnings"]!.GetValue<long>().ShouldBe(1);
        data["records"]!.GetValue<long>().ShouldBe(15 + 5 + 1);
        data["last_match"]!.GetValue<string>().ShouldBe("2024-01-15T10:54:00.000Z");
        data["top_errors"]![0]!["template"]!.GetValue<string>().ShouldBe("database is locked");
        data["top_errors"]![0]!["count"]!.GetValue<long>().ShouldBe(5);
        data["files"]![0]!["format"]!.GetValue<string>().ShouldBe("syslog");
    }

    [Fact]
    public async Task Without_a_window_every_record_counts_and_level_alone_counts_records_at_that_level()
    {
        var log = Write("pma.journal", Journal());
        var data = (await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }), new JsonObject { ["level"] = "warning" })).Data!;
        data["errors"]!.GetValue<long>().ShouldBe(6);
        data["matches"]!.GetValue<long>().ShouldBe(7);
        data["since"].ShouldBeNull();
    }

    [Fact]
    public async Task Reads_globs_and_gzip_and_records_without_timestamps_use_the_file_time()
    {
        Write("app.log", Journal());
        var gz = Path.Combine(_dir, "app.log.1.gz");
        using (var stream = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', Journal()) + "\n"));
        }

        var plain = Write("plain.txt", ["ERROR: database is locked", "all good"]);
        File.SetLastWriteTimeUtc(plain, Now.UtcDateTime.AddMinutes(-1));
        var component = Component("logs", new JsonObject { ["paths"] = new JsonArray(Path.Combine(_dir, "app.log*"), plain) });
        var data = (await Scan(component, new JsonObject { ["pattern"] = "DATABASE IS LOCKED", ["window"] = "15m" })).Data!;
        data["files"]!.AsArray().Count.ShouldBe(3);
        data["matches"]!.GetValue<long>().ShouldBe(5 + 5 + 1);
    }

    [Fact]
    public async Task Reads_only_the_tail_of_a_file_larger_than_max_bytes()
    {
        var lines = Journal().ToList();
        var log = Write("big.journal", lines);
        var size = new FileInfo(log).Length;
        var data = (await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }), new JsonObject { ["max_bytes"] = 4096 })).Data!;
        var file = data["files"]![0]!;
        file["tail_only"]!.GetValue<bool>().ShouldBeTrue();
        file["read_bytes"]!.GetValue<long>().ShouldBe(4096);
        file["size_bytes"]!.GetValue<long>().ShouldBe(size);
        file["lines"]!.GetValue<long>().ShouldBeLessThan(lines.Count);
        data["records"]!.GetValue<long>().ShouldBe(file["lines"]!.GetValue<long>());
    }

    [Fact]
    public async Task Never_changes_the_files_it_reads()
    {
        var log = Write("pma.journal", Journal());
        var before = File.ReadAllBytes(log);
        var stamp = File.GetLastWriteTimeUtc(log);
        await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }), new JsonObject { ["window"] = "15m" });
        File.ReadAllBytes(log).ShouldBe(before);
        File.GetLastWriteTimeUtc(log).ShouldBe(stamp);
    }

    [Theory]
    [InlineData("pattern", "([a-z")]
    [InlineData("level", "loud")]
    [InlineData("window", "soon")]
    [InlineData("format", "<Date> <Time")]
    public async Task Bad_arguments_are_invalid_argument_naming_them(string name, string value)
    {
        var log = Write("a.log", ["x"]);
        var result = await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }), new JsonObject { [name] = value });
        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain(name);
    }

    [Fact]
    public async Task A_glob_that_matches_nothing_is_not_found()
    {
        var result = await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(Path.Combine(_dir, "*.nothing")) }), []);
        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
    }

    [Fact]
    public async Task A_truncated_gzip_is_reported_in_the_file_entry()
    {
        var gz = Path.Combine(_dir, "cut.log.gz");
        using (var ms = new MemoryStream())
        {
            using (var stream = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            {
                stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', Journal())));
            }

            File.WriteAllBytes(gz, ms.ToArray()[..(int)(ms.Length / 2)]);
        }

        var ok = Write("ok.log", Journal());
        var data = (await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(gz, ok) }), [])).Data!;
        data["files"]![0]!["error"]!.GetValue<string>().ShouldContain("cut.log.gz");
        data["files"]![1]!["error"].ShouldBeNull();
    }

    [Fact]
    public async Task Matched_lines_and_templates_in_the_observation_hold_no_secret_the_log_repeats()
    {
        const string password = "hunter2secret";
        const string key = "AKfixedKey998877";
        const string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
        var lines = new List<string>();
        for (var m = 0; m < 30; m++)
        {
            var t = new DateTime(2024, 1, 15, 10, 30 + m, 0, DateTimeKind.Utc);
            lines.Add($"{t:yyyy-MM-dd HH:mm:ss},000 ERROR app.db: login failed for user svc{m} password={password} from 10.0.0.{m}");
            lines.Add($"{t:yyyy-MM-dd HH:mm:ss},500 ERROR app.http: upstream {m} refused Authorization: Bearer {jwt}");
            lines.Add($"{t:yyyy-MM-dd HH:mm:ss},700 ERROR app.api: GET /v1/items?api_key={key}&page={m} failed");
        }

        var log = Write("secret.log", lines);
        var result = await Scan(Component("logs", new JsonObject { ["paths"] = new JsonArray(log) }),
            new JsonObject { ["pattern"] = "failed|refused", ["level"] = "error", ["top"] = 10 });
        result.Error.ShouldBeNull();
        var data = result.Data!;
        data["matches"]!.GetValue<long>().ShouldBe(90);
        var text = data.ToJsonString();
        foreach (var secret in new[] { password, key, jwt, jwt[..20] })
        {
            text.ShouldNotContain(secret);
        }

        data["last_match_line"]!.GetValue<string>().ShouldContain("api_key=***");
        var templates = data["top_errors"]!.AsArray().Select(t => t!["template"]!.GetValue<string>()).ToList();
        templates.ShouldContain("login failed for user <*> password=*** from <*>");
        data["top_errors"]!.AsArray().Sum(t => t!["count"]!.GetValue<long>()).ShouldBe(90);
    }
}
