using Medic.Knowledge.Guides;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class GuideLintTests
{
    private static IReadOnlyList<LintWarning> Lint(string command, string lang = "bash", string intro = "Fix it:") =>
        GuideImporter.Parse("g.md", "g.md", $"# G\n\n## Problem: something fails\n\n{intro}\n\n```{lang}\n{command}\n```\n").Warnings;

    [Theory]
    [InlineData("jwt-base64", "echo \"$JWT\" | cut -d . -f1 | base64 --decode")]
    [InlineData("jwt-base64", "echo $ACCESS_TOKEN | cut -d. -f3 | base64 -d")]
    [InlineData("date-r-epoch", "date -r 1700000000")]
    [InlineData("date-r-epoch", "sudo date -u -r $EXP")]
    [InlineData("unquoted-ampersand", "curl -X DELETE http://api/v1/cache?scope=tmp&age=7d")]
    [InlineData("unquoted-ampersand", "wget https://host/export?from=1&to=2 -O out.csv")]
    [InlineData("like-underscore", "SELECT * FROM t WHERE name LIKE 'tmp_%';", "sql")]
    [InlineData("like-underscore", "psql -c \"SELECT relname FROM pg_class WHERE relname ILIKE 'pg_toast%'\"")]
    [InlineData("sqlite-creates", "sqlite3 /srv/app/state.db 'PRAGMA quick_check'")]
    [InlineData("sqlite-creates", "echo .tables | sqlite3 ./data/app.sqlite")]
    [InlineData("pprof-binary", "curl -s localhost:6060/debug/pprof/heap?debug=0 | grep inuse")]
    [InlineData("pprof-binary", "curl -s http://127.0.0.1:6060/debug/pprof/goroutine | head -5")]
    [InlineData("secret-on-command-line", "mysql -uroot -phunter2 -e 'SHOW PROCESSLIST'")]
    [InlineData("secret-on-command-line", "PGPASSWORD=s3cret psql -h db -U app -c 'SELECT 1'")]
    [InlineData("secret-on-command-line", "curl -H 'Authorization: Bearer eyJhbGciOi.x.y' https://api/me")]
    [InlineData("secret-on-command-line", "redis-cli -h cache -a topsecret info memory")]
    public void Each_class_warns_on_the_command_line_with_a_safe_form(string rule, string command, string lang = "bash")
    {
        var warnings = Lint(command, lang);
        var w = warnings.ShouldHaveSingleItem();
        w.Rule.ShouldBe(rule);
        w.Line.ShouldBe(8);
        w.SafeForm.ShouldNotBeNullOrWhiteSpace();
        w.Command.ShouldBe(command);
    }

    [Theory]
    [InlineData("echo \"$JWT\" | cut -d. -f2 | tr '_-' '/+' | base64 -d")]
    [InlineData("base64 -d backup.b64 > backup.tar")]
    [InlineData("date -u -d @1700000000")]
    [InlineData("date -r /var/log/syslog")]
    [InlineData("curl -X DELETE 'http://api/v1/cache?scope=tmp&age=7d'")]
    [InlineData("curl http://api/health & wait")]
    [InlineData("SELECT * FROM t WHERE name LIKE 'tmp\\_%' ESCAPE '\\';", "sql")]
    [InlineData("SELECT * FROM t WHERE name GLOB 'tmp_*';", "sql")]
    [InlineData("sqlite3 -readonly /srv/app/state.db 'PRAGMA quick_check'")]
    [InlineData("sqlite3 'file:/srv/app/state.db?mode=ro' .tables")]
    [InlineData("sqlite3 --version")]
    [InlineData("curl -s localhost:6060/debug/pprof/heap?debug=1 | grep inuse")]
    [InlineData("go tool pprof http://localhost:6060/debug/pprof/heap")]
    [InlineData("mysql -uroot -p -e 'SHOW PROCESSLIST'")]
    [InlineData("PGPASSFILE=~/.pgpass psql -h db -U app -c 'SELECT 1'")]
    [InlineData("curl -H \"Authorization: Bearer $TOKEN\" https://api/me")]
    [InlineData("REDISCLI_AUTH=\"$(cat /run/secret)\" redis-cli -h cache info memory")]
    public void The_safe_form_does_not_warn(string command, string lang = "bash") =>
        Lint(command, lang).ShouldBeEmpty();

    [Fact]
    public void A_mutating_command_under_a_diagnostic_heading_warns_but_not_under_a_fix()
    {
        Lint("redis-cli flushall", intro: "Check the cache state:").ShouldContain(w => w.Rule == "mutating-diagnostic" && w.Line == 8);
        Lint("redis-cli flushall", intro: "Fix: clear the cache").ShouldBeEmpty();
        Lint("redis-cli info memory", intro: "Check the cache state:").ShouldBeEmpty();
    }
}
