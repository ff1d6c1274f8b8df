using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Http;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Http;

public sealed class HttpGetProbeTests(HealthShapesServer server) : IClassFixture<HealthShapesServer>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly HttpGetProbe _probe = new();

    private async Task<JsonObject> GetOkAsync(string path, Medic.Core.Systems.Component? component = null, JsonObject? args = null)
    {
        args ??= new JsonObject { ["path"] = path };
        var result = await _probe.RunAsync(Context(component ?? HttpComponent(server.Url), args), Ct);
        result.Error.ShouldBeNull();
        return result.Data.ShouldBeOfType<JsonObject>();
    }

    private static JsonObject Check(JsonObject data, string name) =>
        data["health"]!["checks"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["name"] == name);

    [Fact]
    public async Task Names_the_failing_check_of_a_status_and_checks_map()
    {
        var data = await GetOkAsync("/shapes/checks-map");

        data["url"]!.GetValue<string>().ShouldBe(server.Url + "/shapes/checks-map");
        data["status_code"]!.GetValue<int>().ShouldBe(503);
        data["reason"]!.GetValue<string>().ShouldBe("Service Unavailable");
        data["content_type"]!.GetValue<string>().ShouldBe("application/json");
        data["latency_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        data["json"]!["version"]!.GetValue<string>().ShouldBe("1.0.0");
        data["text"].ShouldBeNull();
        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"]!.GetValue<string>().ShouldBe("unhealthy");
        var database = Check(data, "database");
        database["status"]!.GetValue<string>().ShouldBe("unhealthy");
        database["message"]!.GetValue<string>().ShouldBe("database ping failed: connection refused");
        database["duration"]!.GetValue<string>().ShouldBe("2001ms");
        Check(data, "cache")["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Reads_checks_given_as_a_list()
    {
        var data = await GetOkAsync("/shapes/checks-list");

        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"]!.GetValue<string>().ShouldBe("fail");
        Check(data, "rabbitmq")["message"]!.GetValue<string>().ShouldBe("channel closed");
        Check(data, "postgres")["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Reads_checks_given_as_plain_strings_and_derives_the_status_from_them()
    {
        var data = await GetOkAsync("/shapes/strings");

        data["status_code"]!.GetValue<int>().ShouldBe(200);
        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"].ShouldBeNull();
        Check(data, "database")["status"]!.GetValue<string>().ShouldBe("healthy");
        var cache = Check(data, "cache");
        cache["status"]!.GetValue<string>().ShouldBe("unhealthy");
        cache["message"]!.GetValue<string>().ShouldBe("connection refused");
    }

    [Fact]
    public async Task Reads_asp_net_health_check_entries_from_a_real_health_report()
    {
        var data = await GetOkAsync("/aspnet/json");

        data["status_code"]!.GetValue<int>().ShouldBe(503);
        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"]!.GetValue<string>().ShouldBe("Unhealthy");
        var database = Check(data, "database");
        database["status"]!.GetValue<string>().ShouldBe("unhealthy");
        database["message"]!.GetValue<string>().ShouldBe("connection refused");
        database["duration"]!.GetValue<string>().ShouldStartWith("00:00:");
        Check(data, "cache")["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Reads_the_bare_status_word_asp_net_writes_by_default()
    {
        var data = await GetOkAsync("/aspnet/text");

        data["json"].ShouldBeNull();
        data["text"]!.GetValue<string>().ShouldBe("Unhealthy");
        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["checks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Reads_spring_actuator_components_and_their_error_details()
    {
        var data = await GetOkAsync("/shapes/spring");

        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"]!.GetValue<string>().ShouldBe("DOWN");
        var db = Check(data, "db");
        db["status"]!.GetValue<string>().ShouldBe("unhealthy");
        db["raw_status"]!.GetValue<string>().ShouldBe("DOWN");
        db["message"]!.GetValue<string>().ShouldEndWith("Connection refused");
        Check(data, "diskSpace")["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Reads_a_healthy_flag()
    {
        var data = await GetOkAsync("/shapes/flag");

        data["health"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        data["health"]!["raw_status"]!.GetValue<string>().ShouldBe("true");
    }

    [Fact]
    public async Task Reads_a_services_map_with_a_degraded_service()
    {
        var data = await GetOkAsync("/shapes/services");

        data["health"]!["status"]!.GetValue<string>().ShouldBe("degraded");
        var redis = Check(data, "redis");
        redis["status"]!.GetValue<string>().ShouldBe("degraded");
        redis["message"]!.GetValue<string>().ShouldBe("latency 250ms");
        Check(data, "postgres")["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Reads_the_ietf_health_json_draft()
    {
        var data = await GetOkAsync("/shapes/ietf");

        data["content_type"]!.GetValue<string>().ShouldBe("application/health+json");
        data["health"]!["status"]!.GetValue<string>().ShouldBe("degraded");
        var redis = Check(data, "redis:responseTime");
        redis["status"]!.GetValue<string>().ShouldBe("degraded");
        redis["message"]!.GetValue<string>().ShouldBe("slow replies");
    }

    [Fact]
    public async Task A_5xx_health_document_without_a_status_is_unhealthy()
    {
        var data = await GetOkAsync("/shapes/no-status-5xx");

        data["health"]!["status"]!.GetValue<string>().ShouldBe("unhealthy");
        data["health"]!["raw_status"].ShouldBeNull();
    }

    [Fact]
    public async Task A_plain_500_is_data_with_its_text_and_no_health()
    {
        var data = await GetOkAsync("/boom");

        data["status_code"]!.GetValue<int>().ShouldBe(500);
        data["reason"]!.GetValue<string>().ShouldBe("Internal Server Error");
        data["text"]!.GetValue<string>().ShouldBe("boom: database is locked");
        data["json"].ShouldBeNull();
        data["health"].ShouldBeNull();
    }

    [Fact]
    public async Task A_404_is_data_and_a_json_error_body_is_not_a_health_document()
    {
        var missing = await GetOkAsync("/no/such/path");
        var jsonError = await GetOkAsync("/shapes/json-error");

        missing["status_code"]!.GetValue<int>().ShouldBe(404);
        missing["reason"]!.GetValue<string>().ShouldBe("Not Found");
        missing["health"].ShouldBeNull();
        jsonError["status_code"]!.GetValue<int>().ShouldBe(404);
        jsonError["json"]!["detail"]!.GetValue<string>().ShouldBe("Not Found");
        jsonError["health"].ShouldBeNull();
    }
}
