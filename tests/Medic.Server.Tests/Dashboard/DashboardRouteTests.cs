using System.Net;
using System.Text.Json;
using Medic.Core.Model;
using Medic.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Dashboard;

public sealed class DashboardRouteTests
{
    [Fact]
    public async Task Pages_need_a_session_from_the_sign_in_form_and_escape_what_they_show()
    {
        var ct = TestContext.Current.CancellationToken;
        var runner = new ScriptedRunner("shop");
        runner.Findings.Add(ScriptedRunner.Finding("api<1>", "unreachable", Severity.Critical, "<script>alert(1)</script> is down", "<b>refused</b>"));
        runner.Observations.Add(ScriptedRunner.Observation("api<1>", "http.get", 12));
        await using var server = await RunningServer.StartAsync(runner, ct);
        using var admin = server.Client(RunningServer.AdminToken);
        (await admin.PostAsync(new Uri("/api/systems/shop/diagnose", UriKind.Relative), null, ct)).EnsureSuccessStatusCode();

        using var browser = server.Client();
        var anonymous = await browser.GetAsync(new Uri("/ui/", UriKind.Relative), ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        anonymous.Headers.Location!.ToString().ShouldBe("/ui/login");

        using var bearerOnly = server.Client(RunningServer.ReadToken);
        (await bearerOnly.GetAsync(new Uri("/ui/", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        var wrong = await browser.PostAsync(new Uri("/ui/login", UriKind.Relative), Form("nope"), ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Headers.Contains("Set-Cookie").ShouldBeFalse();

        var login = await browser.PostAsync(new Uri("/ui/login", UriKind.Relative), Form(RunningServer.ReadToken), ct);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.ToString().ShouldBe("/ui/");
        var cookie = login.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        cookie.ShouldContain("path=/ui");
        cookie.ShouldNotContain(RunningServer.ReadToken);
        var session = cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];

        var overview = await Get(browser, "/ui/", session, ct);
        overview.StatusCode.ShouldBe(HttpStatusCode.OK);
        overview.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        var html = await overview.Content.ReadAsStringAsync(ct);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; is down");
        html.ShouldNotContain("<script>");
        html.ShouldContain("href=\"/ui/systems/shop\"");

        var system = await (await Get(browser, "/ui/systems/shop", session, ct)).Content.ReadAsStringAsync(ct);
        system.ShouldContain("&lt;b&gt;refused&lt;/b&gt;");
        system.ShouldContain("api&lt;1&gt;");
        system.ShouldContain("Start the service again.");
        system.ShouldNotContain("<script>");
        system.ShouldNotContain("<b>");

        var finding = await (await Get(browser, "/ui/findings/1", session, ct)).Content.ReadAsStringAsync(ct);
        finding.ShouldContain("connect.error.kind = &lt;b&gt;refused&lt;/b&gt;");
        (await Get(browser, "/ui/findings/99", session, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(browser, "/ui/systems/elsewhere", session, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("/ui/logout", UriKind.Relative));
        logout.Headers.Add("Cookie", session);
        (await browser.SendAsync(logout, ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Get(browser, "/ui/", session, ct)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Fact]
    public async Task Health_reports_per_check_details_and_observations_of_a_run_come_from_its_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var runner = new ScriptedRunner("shop");
        runner.Observations.Add(ScriptedRunner.Observation("cache", "redis.info", 20, errorKind: "refused"));
        await using var server = await RunningServer.StartAsync(runner, ct);
        using var anonymous = server.Client();
        foreach (var path in new[] { "/health", "/health/ready" })
        {
            using var doc = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri(path, UriKind.Relative), ct));
            doc.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
            doc.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
            doc.RootElement.GetProperty("checks").GetProperty("store").GetProperty("details").GetProperty("schema_version").GetInt32().ShouldBe(2);
            doc.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("details").GetProperty("systems").GetInt32().ShouldBe(1);
            doc.RootElement.GetProperty("uptime").GetString().ShouldNotBeNullOrEmpty();
        }

        (await anonymous.GetStringAsync(new Uri("/health/live", UriKind.Relative), ct)).ShouldBe("{\"status\":\"healthy\"}");
        (await anonymous.GetAsync(new Uri("/api/runs/1/observations", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var admin = server.Client(RunningServer.AdminToken);
        (await admin.PostAsync(new Uri("/api/systems/shop/diagnose", UriKind.Relative), null, ct)).EnsureSuccessStatusCode();
        using var observations = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/runs/1/observations", UriKind.Relative), ct));
        var only = observations.RootElement.EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("probe").GetString().ShouldBe("redis.info");
        only.GetProperty("error").GetProperty("kind").GetString().ShouldBe("refused");
        (await admin.GetAsync(new Uri("/api/runs/7/observations", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static FormUrlEncodedContent Form(string token) => new([new KeyValuePair<string, string>("token", token)]);

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string cookie, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request, ct);
    }
}
