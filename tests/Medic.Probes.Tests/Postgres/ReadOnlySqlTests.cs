using Medic.Probes.Postgres;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

public sealed class ReadOnlySqlTests
{
    [Theory]
    [InlineData("SELECT version_num FROM alembic_version", "SELECT version_num FROM alembic_version")]
    [InlineData("  select 1;  ", "  select 1")]
    [InlineData("SELECT 1;;\n-- done\n", "SELECT 1")]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", "WITH x AS (SELECT 1) SELECT * FROM x")]
    [InlineData("SHOW max_connections", "SHOW max_connections")]
    [InlineData("VALUES (1), (2)", "VALUES (1), (2)")]
    [InlineData("TABLE alembic_version", "TABLE alembic_version")]
    [InlineData("(SELECT 1) UNION (SELECT 2)", "(SELECT 1) UNION (SELECT 2)")]
    [InlineData("EXPLAIN SELECT * FROM companies WHERE npi = '1'", "EXPLAIN SELECT * FROM companies WHERE npi = '1'")]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT 1", "EXPLAIN (ANALYZE, BUFFERS) SELECT 1")]
    [InlineData("EXPLAIN ANALYZE VERBOSE SELECT 1", "EXPLAIN ANALYZE VERBOSE SELECT 1")]
    [InlineData("SELECT ';' AS semi, 'it''s; fine' AS t", "SELECT ';' AS semi, 'it''s; fine' AS t")]
    [InlineData("SELECT E'a\\'; b' AS t", "SELECT E'a\\'; b' AS t")]
    [InlineData("SELECT $$;$$ AS a, $tag$ ; $$ ; $tag$ AS b", "SELECT $$;$$ AS a, $tag$ ; $$ ; $tag$ AS b")]
    [InlineData("SELECT \"weird;name\" FROM t", "SELECT \"weird;name\" FROM t")]
    [InlineData("/* lead /* nested */ */ SELECT 1", "/* lead /* nested */ */ SELECT 1")]
    [InlineData("SELECT pg_sleep(1)", "SELECT pg_sleep(1)")]
    [InlineData("SELECT count(*) FROM pg_stat_activity WHERE query NOT LIKE '%x%'", "SELECT count(*) FROM pg_stat_activity WHERE query NOT LIKE '%x%'")]
    public void Admits_a_single_read_only_statement(string sql, string expected)
    {
        ReadOnlySql.Check(sql, out var refusal).ShouldBe(expected, refusal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  ;  ", "empty")]
    [InlineData("-- only a comment", "empty")]
    [InlineData("DELETE FROM t", "'DELETE' is not allowed")]
    [InlineData("insert into t values (1)", "'INSERT' is not allowed")]
    [InlineData("SELECT 1; DELETE FROM t", "only one statement")]
    [InlineData("SELECT 1; SELECT 2", "only one statement")]
    [InlineData("SELECT 'a\\'; DELETE FROM t; --'", "only one statement")]
    [InlineData("SELECT 1 --\n; DROP TABLE t", "only one statement")]
    [InlineData("SET default_transaction_read_only = off", "'SET' is not allowed")]
    [InlineData("BEGIN READ WRITE", "'BEGIN' is not allowed")]
    [InlineData("COPY t TO '/tmp/x'", "'COPY' is not allowed")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM t", "EXPLAIN may only explain")]
    [InlineData("EXPLAIN (ANALYZE) UPDATE t SET a = 1", "EXPLAIN may only explain")]
    [InlineData("SELECT pg_terminate_backend(42)", "'pg_terminate_backend' acts on the server")]
    [InlineData("SELECT PG_CANCEL_BACKEND (42)", "'PG_CANCEL_BACKEND' acts on the server")]
    [InlineData("SELECT pg_catalog.pg_reload_conf()", "'pg_reload_conf' acts on the server")]
    [InlineData("SELECT \"pg_terminate_backend\"(42)", "'pg_terminate_backend' acts on the server")]
    [InlineData("SELECT pg_terminate_backend/**/(42)", "'pg_terminate_backend' acts on the server")]
    [InlineData("SELECT set_config('statement_timeout', '0', false)", "'set_config' acts on the server")]
    [InlineData("SELECT pg_advisory_lock(1)", "'pg_advisory_lock' acts on the server")]
    [InlineData("SELECT pg_stat_reset()", "'pg_stat_reset' acts on the server")]
    [InlineData("SELECT lo_create(0)", "'lo_create' acts on the server")]
    [InlineData("SELECT pg_notify('c', 'x')", "'pg_notify' acts on the server")]
    [InlineData("SELECT txid_current()", "'txid_current' acts on the server")]
    [InlineData("SELECT query_to_xml('select 1', true, true, '')", "'query_to_xml' acts on the server")]
    [InlineData("SELECT * FROM dblink('x', 'select 1') AS t(a int)", "'dblink' acts on the server")]
    [InlineData("SELECT U&\"pg\\005fterminate_backend\"(1)", "Unicode-escaped")]
    [InlineData("SELECT 'unterminated", "not closed")]
    [InlineData("SELECT 1 /* open", "not closed")]
    [InlineData("SELECT $x$ open", "not closed")]
    public void Refuses_anything_else(string sql, string reason)
    {
        ReadOnlySql.Check(sql, out var refusal).ShouldBeNull();
        refusal.ShouldContain(reason);
    }
}
