using System.Text.Json.Nodes;
using Medic.Probes.Http;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Http;

public sealed class HealthReaderTests
{
    private static JsonObject? Read(string json, int statusCode = 200) => HealthReader.Read(JsonNode.Parse(json), null, statusCode);

    private static string[] Statuses(JsonObject health) =>
        [.. health["checks"]!.AsArray().Select(c => $"{c!["name"]}={c["status"]}")];

    [Theory]
    [InlineData("ok", "healthy")]
    [InlineData("UP", "healthy")]
    [InlineData("Healthy", "healthy")]
    [InlineData("pass", "healthy")]
    [InlineData("passing", "healthy")]
    [InlineData("green", "healthy")]
    [InlineData("warn", "degraded")]
    [InlineData("Degraded", "degraded")]
    [InlineData("yellow", "degraded")]
    [InlineData("partially available", "degraded")]
    [InlineData("DOWN", "unhealthy")]
    [InlineData("fail", "unhealthy")]
    [InlineData("critical", "unhealthy")]
    [InlineData("OUT_OF_SERVICE", "unhealthy")]
    [InlineData("disconnected", "unhealthy")]
    [InlineData("UNKNOWN", "unknown")]
    [InlineData("banana", "unknown")]
    public void Normalises_status_words_ignoring_case_and_separators(string raw, string expected)
    {
        HealthStatus.Normalise(raw).ShouldBe(expected);
        Read($$"""{"status": "{{raw}}"}""")!["raw_status"]!.GetValue<string>().ShouldBe(raw);
    }

    [Fact]
    public void Reads_status_keys_in_any_case_as_go_services_emit_them()
    {
        var health = Read("""{"Status": "DOWN", "Checks": {"db": {"Status": "down", "Error": "dial tcp: connection refused"}}}""")!;

        health["status"]!.GetValue<string>().ShouldBe("unhealthy");
        health["checks"]![0]!["message"]!.GetValue<string>().ShouldBe("dial tcp: connection refused");
    }

    [Fact]
    public void Flattens_nested_spring_components_with_slash_names()
    {
        var health = Read("""
            {"status": "DOWN", "components": {"db": {"status": "DOWN", "components": {
              "primary": {"status": "UP"}, "replica": {"status": "DOWN", "details": {"error": "timeout"}}}}}}
            """)!;

        Statuses(health).ShouldBe(["db=unhealthy", "db/primary=healthy", "db/replica=unhealthy"]);
        health["checks"]![2]!["message"]!.GetValue<string>().ShouldBe("timeout");
    }

    [Fact]
    public void Reads_spring_boot_1_indicators_beside_the_status()
    {
        var health = Read("""{"status": "DOWN", "diskSpace": {"status": "UP", "free": 1}, "db": {"status": "DOWN", "error": "refused"}}""")!;

        Statuses(health).ShouldBe(["diskSpace=healthy", "db=unhealthy"]);
    }

    [Fact]
    public void A_failures_map_names_failing_checks()
    {
        var health = Read("""{"status": "Unavailable", "failures": {"mysql": "dial tcp 127.0.0.1:3306: connect: connection refused"}}""", 503)!;

        health["status"]!.GetValue<string>().ShouldBe("unhealthy");
        Statuses(health).ShouldBe(["mysql=unhealthy"]);
    }

    [Fact]
    public void Pool_statistics_under_details_are_not_checks()
    {
        var health = Read("""{"status": "healthy", "details": {"max_connections": 25, "open_connections": 10, "in_use": 5}}""")!;

        health["status"]!.GetValue<string>().ShouldBe("healthy");
        health["checks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void A_check_without_a_status_but_with_an_error_is_unhealthy()
    {
        var health = Read("""{"dependencies": {"queue": {"error": "channel closed"}, "db": {"latency_ms": 2}}}""")!;

        Statuses(health).ShouldBe(["queue=unhealthy", "db=unknown"]);
        health["status"]!.GetValue<string>().ShouldBe("unhealthy");
    }

    [Fact]
    public void Boolean_checks_and_a_list_body_are_read()
    {
        Statuses(Read("""{"database": true, "checks": {"database": true, "cache": false}}""")!).ShouldBe(["database=healthy", "cache=unhealthy"]);
        Statuses(Read("""[{"name": "db", "status": "ok"}, {"name": "cache", "status": "down"}]""")!).ShouldBe(["db=healthy", "cache=unhealthy"]);
    }

    [Fact]
    public void An_enveloped_document_is_read()
    {
        Read("""{"data": {"status": "ok", "checks": {"db": "ok"}}}""")!["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Theory]
    [InlineData("""{"timestamp": "2024-01-01", "status": 500, "error": "Internal Server Error", "path": "/health"}""")]
    [InlineData("""{"detail": "Not Found"}""")]
    [InlineData("""{"version": "1.2.3", "uptime": "24h"}""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("42")]
    public void Json_that_is_not_a_health_document_reads_as_null(string json)
    {
        Read(json, 500).ShouldBeNull();
    }

    [Theory]
    [InlineData("OK", "healthy")]
    [InlineData("healthy\n", "healthy")]
    [InlineData("Degraded", "degraded")]
    public void A_bare_status_word_is_a_health_document(string text, string expected)
    {
        HealthReader.Read(null, text, 200)!["status"]!.GetValue<string>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("boom")]
    [InlineData("<html><body>Internal Server Error</body></html>")]
    [InlineData("")]
    public void Other_text_is_not_a_health_document(string text)
    {
        HealthReader.Read(null, text, 500).ShouldBeNull();
    }
}
