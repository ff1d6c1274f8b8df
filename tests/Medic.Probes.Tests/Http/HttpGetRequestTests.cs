using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Http;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Http;

public sealed class HttpGetRequestTests(HealthShapesServer server) : IClassFixture<HealthShapesServer>
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

    [Fact]
    public async Task Defaults_to_the_component_health_path_and_else_to_the_root()
    {
        var withHealth = await GetOkAsync("", HttpComponent(server.Url, health: "/shapes/flag"), args: []);
        var without = await GetOkAsync("", HttpComponent(server.Url + "/"), args: []);

        withHealth["url"]!.GetValue<string>().ShouldBe(server.Url + "/shapes/flag");
        withHealth["health"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        without["url"]!.GetValue<string>().ShouldBe(server.Url + "/");
        without["text"]!.GetValue<string>().ShouldBe("root");
    }

    [Fact]
    public async Task Follows_a_redirect_and_counts_it()
    {
        var data = await GetOkAsync("/moved");

        data["redirects"]!.GetValue<int>().ShouldBe(1);
        data["final_url"]!.GetValue<string>().ShouldBe(server.Url + "/shapes/flag");
        data["health"]!["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Stops_following_a_redirect_loop_and_reports_the_redirect()
    {
        var data = await GetOkAsync("/loop");

        data["status_code"]!.GetValue<int>().ShouldBe(302);
        data["redirects"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Sends_the_component_headers_merged_with_the_argument_headers()
    {
        var component = HttpComponent(server.Url, headers: new JsonObject { ["X-Token"] = "from-component", ["X-Tenant"] = "acme" });

        var data = await GetOkAsync("", component, new JsonObject { ["path"] = "/whoami", ["headers"] = new JsonObject { ["x-token"] = "from-args" } });

        data["json"]!["token"]!.GetValue<string>().ShouldBe("from-args");
        data["json"]!["tenant"]!.GetValue<string>().ShouldBe("acme");
    }

    [Fact]
    public async Task Sends_url_credentials_as_basic_auth_and_never_reports_the_password()
    {
        var component = HttpComponent(server.Url.Replace("http://", "http://ops:hunter2@", StringComparison.Ordinal));

        var data = await GetOkAsync("/whoami", component);

        data["json"]!["authorization"]!.GetValue<string>().ShouldBe("Basic " + Convert.ToBase64String("ops:hunter2"u8.ToArray()));
        data["url"]!.GetValue<string>().ShouldBe(server.Url.Replace("http://", "http://ops:***@", StringComparison.Ordinal) + "/whoami");
        data.Remove("json");
        data.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Masks_credentials_in_the_query_of_the_reported_url()
    {
        var data = await GetOkAsync("/shapes/flag?api_key=k3y-value&verbose=1&token=t0k");

        data["url"]!.GetValue<string>().ShouldBe(server.Url + "/shapes/flag?api_key=***&verbose=1&token=***");
        data["health"]!["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task Masks_cookies_in_the_reported_headers()
    {
        var data = await GetOkAsync("/cookie");

        data["headers"]!["set-cookie"]!.GetValue<string>().ShouldBe("***");
        data["headers"]!["content-type"]!.GetValue<string>().ShouldStartWith("text/plain");
        data.ToJsonString().ShouldNotContain("s3cr3t");
    }

    [Fact]
    public async Task Caps_a_large_body_and_does_not_parse_it()
    {
        var data = await GetOkAsync("/big");

        data["body_truncated"]!.GetValue<bool>().ShouldBeTrue();
        data["body_bytes"]!.GetValue<long>().ShouldBeGreaterThan(HttpResponseReader.MaxBodyBytes);
        data["json"].ShouldBeNull();
        data["text"]!.GetValue<string>().Length.ShouldBe(HttpResponseReader.MaxTextChars);
    }

    [Fact]
    public async Task Only_ever_sends_get_requests()
    {
        await GetOkAsync("/shapes/checks-map");
        await GetOkAsync("/moved");

        server.Requests.ShouldNotBeEmpty();
        server.Requests.ShouldAllBe(r => r.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_with_the_url_in_the_data()
    {
        var result = await _probe.RunAsync(Context(HttpComponent(server.Url), new JsonObject { ["path"] = "/slow" }, TimeSpan.FromMilliseconds(500)), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        result.Error.Message.ShouldContain("/slow");
        result.Data!["url"]!.GetValue<string>().ShouldBe(server.Url + "/slow");
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_an_invalid_argument()
    {
        var result = await _probe.RunAsync(Context(HttpComponent("ftp://127.0.0.1:21"), new JsonObject { ["path"] = "/health" }), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain("ftp://127.0.0.1:21/health");
    }

    [Fact]
    public void Is_registered_among_the_built_in_probes()
    {
        BuiltInProbes.Registry().Find("http.get").ShouldBeOfType<HttpGetProbe>();
        _probe.Kinds.ShouldBe(["http"]);
        _probe.Parameters.Select(p => (p.Name, p.Type)).ShouldBe([("path", ParameterType.String), ("headers", ParameterType.Map)]);
    }
}
