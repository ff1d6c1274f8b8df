using Medic.Knowledge.Guides;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class GuideImporterTests
{
    [Fact]
    public void Pma_problem_headings_with_numbered_steps_become_problems_with_their_commands()
    {
        var guide = Seeds.Load(Seeds.Pma);
        var start = guide.Entry("Service fails to start");
        start.Kind.ShouldBe(EntryKind.Problem);
        start.SectionPath.ShouldBe(["PMA Backend Go - Troubleshooting Guide", "Startup Issues", "Service fails to start"]);
        start.Anchor.ShouldBe("problem-service-fails-to-start");
        start.Line.ShouldBe(40);
        start.Causes.Count.ShouldBe(4);
        start.Causes[3].ShouldStartWith("Port Conflicts");
        start.Diagnostics.Select(d => d.Command).ShouldContain("sudo netstat -tlnp | grep 3001");
        start.Diagnostics.Select(d => d.Command).ShouldContain("sudo chown -R pma:pma /opt/pma-backend");
        guide.Entry("Database is locked").Causes.ShouldContain(c => c.Contains("busy_timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Pma_error_code_table_rows_become_error_code_entries()
    {
        var codes = Seeds.Load(Seeds.Pma).Entries.Where(e => e.Kind == EntryKind.ErrorCode).ToList();
        codes.Select(c => c.Code).ShouldBe(["1001", "1002", "1003", "1004", "1005"]);
        var ha = codes.Single(c => c.Code == "1003");
        ha.Message.ShouldBe("Home Assistant unreachable");
        ha.Resolution.ShouldBe("Check URL and token");
        ha.SectionPath[^1].ShouldBe("Common Error Codes");
        ha.Line.ShouldBe(182);
    }

    [Fact]
    public void Codeai_questions_symptoms_and_resolution_labels_fill_their_parts()
    {
        var guide = Seeds.Load(Seeds.CodeAi);
        var db = guide.Entry("Database Connection Failures");
        db.Symptoms.ShouldContain("Logs show database ping failed errors");
        db.Symptoms.ShouldContain("Why am I seeing \"database ping failed\" errors?");
        db.Causes.ShouldBe(["Database not running", "Connection pool exhausted", "Network issues"]);
        db.Fixes.ShouldContain(f => f.Contains("MaxOpenConns", StringComparison.Ordinal));
        var steps = db.Diagnostics.Where(d => d.Language == "shell").ToList();
        steps.Select(s => s.Command).ShouldContain("curl -s http://localhost:8080/health | jq '.checks.database'");
        steps.Single(s => s.Command.StartsWith("pg_isready", StringComparison.Ordinal)).Comment.ShouldBe("Check if PostgreSQL is running");
        db.Diagnostics.ShouldContain(d => d.Language == "json");
    }

    [Fact]
    public void Codeai_error_tables_give_codes_messages_and_resolutions()
    {
        var guide = Seeds.Load(Seeds.CodeAi);
        var auth7 = guide.Entries.Single(e => e.Code == "AUTH007");
        auth7.Message.ShouldBe("unsupported signing algorithm");
        auth7.Resolution.ShouldBe("Use HS256 or RS256");
        auth7.SectionPath.ShouldBe(["CodeAI Troubleshooting Guide", "Error Messages Reference", "Authentication Errors (internal/auth/errors.go)"]);
        var open = guide.Entries.Single(e => e.Code == "ErrCircuitOpen");
        open.Message.ShouldBe("circuit breaker is open");
        guide.Entries.Single(e => e.Code == "ErrExpiredToken").Meaning.ShouldBe("Token has expired");
        guide.Entries.Count(e => e.Code == "ScopeError").ShouldBe(4);
        var slow = guide.Entry("Slow Database Queries");
        slow.Causes.ShouldContain("Lock contention (waiting in pg_stat_activity)");
        slow.Diagnostics.ShouldContain(d => d.Language == "sql" && d.Command.StartsWith("ALTER SYSTEM SET log_min_duration_statement", StringComparison.Ordinal));
    }

    [Fact]
    public void Ariesone_numbered_headings_with_symptom_and_solution_subheadings_are_one_problem()
    {
        var guide = Seeds.Load(Seeds.AriesOne);
        var db = guide.Entry("Database Connection Issues");
        db.Anchor.ShouldBe("1-database-connection-issues");
        db.Symptoms.ShouldBe(["API returns 500 error with database connection message", "Alembic migrations fail", "Slow query performance"]);
        db.Fixes.ShouldBe(["Check Database Connection", "Connection Pool Issues", "Migration Issues"]);
        db.Diagnostics.Select(d => d.Command).ShouldContain("alembic downgrade base");
        db.Diagnostics.Single(d => d.Language == "python").Command.ShouldContain("DATABASE_POOL_SIZE = 20");
        guide.Entries.ShouldNotContain(e => e.Title == "Symptoms" || e.Title == "Solutions");
        guide.Entry("Cache Issues").Diagnostics.Select(d => d.Command).ShouldContain("redis-cli flushall");
    }

    [Fact]
    public void Webmacs_symptom_labels_and_cause_fix_tables_become_causes_and_fixes()
    {
        var guide = Seeds.Load(Seeds.WebMacs);
        var pool = guide.Entry("Connection Pool Exhaustion");
        pool.Symptoms.ShouldBe(["TimeoutError or QueuePool limit of X overflow Y reached in backend logs."]);
        pool.Causes.ShouldBe(["Too many concurrent requests", "Slow queries holding connections", "Connection leak"]);
        pool.Fixes[0].ShouldBe("Increase pool_size in database config");
        pool.Diagnostics.Where(d => d.Language == "sql").Select(d => d.Command)
            .ShouldContain("SELECT count(*) FROM pg_stat_activity WHERE datname = 'webmacs';");
        var upload = guide.Entry("Upload Fails (413 Entity Too Large)");
        upload.Fixes.ShouldContain("Increase nginx upload limit:");
        upload.Diagnostics.ShouldContain(d => d.Language == "nginx");
    }

    [Fact]
    public void Harmonylite_problem_sections_with_potential_causes_and_solutions_lists()
    {
        var guide = Seeds.Load(Seeds.HarmonyLite);
        var start = guide.Entry("HarmonyLite Fails to Start");
        start.SectionPath.ShouldBe(["Troubleshooting Guide", "Common Issues and Solutions", "Installation and Setup", "HarmonyLite Fails to Start"]);
        start.Symptoms.ShouldBe(["Service fails to start", "\"command not found\" errors", "Permission denied errors"]);
        start.Causes.ShouldBe(["Binary not executable", "Missing dependencies", "Permission issues", "Config file problems"]);
        start.Diagnostics.Select(d => d.Command).ShouldContain("chmod +x /path/to/harmonylite");
        var locks = guide.Entry("Database Locks");
        locks.Symptoms.ShouldContain("\"database is locked\" errors");
        locks.Diagnostics.ShouldContain(d => d.Language == "sql" && d.Command == "PRAGMA journal_mode = WAL;");
        guide.Entries.Count(e => e.Kind == EntryKind.Problem).ShouldBeGreaterThanOrEqualTo(14);
    }

    [Fact]
    public void Every_seed_imports_with_problems_and_no_empty_titles()
    {
        foreach (var name in Seeds.All)
        {
            var guide = Seeds.Load(name);
            guide.Entries.Count(e => e.Kind == EntryKind.Problem).ShouldBeGreaterThanOrEqualTo(5, name);
            guide.Entries.ShouldAllBe(e => e.Title.Length > 0 && e.Line > 0);
            guide.Entries.Select(e => e.Key).ShouldBeUnique();
        }
    }

    [Fact]
    public void A_binary_file_is_refused_with_its_position()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0x23, 0x20, 0x41, 0x0A, 0x00, 0x01]);
        try
        {
            var e = Should.Throw<Medic.Core.Model.InputException>(() => GuideImporter.Load(path));
            e.Errors[0].Position.Line.ShouldBe(2);
            e.Errors[0].Message.ShouldContain("binary");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
