using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Medic.Core.Model;
using Medic.Server.Api;
using Medic.Server.Scheduling;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Api;

/// <summary>Runs the real Kestrel server on a free loopback port; the runner reports a fixed finding so routes and auth can be checked.</summary>
public sealed class ServerRoutesTests
{
    [Fact]
    public async Task Routes_need_tokens_health_does_not_and_diagnose_only_names_configured_systems()
    {
        var dir = Directory.CreateTempSubdirectory("medic-serve-");
        var port = FreePort();
        var tokens = new ApiTokens();
        tokens.Add("read-1", TokenScope.Read);
        tokens.Add("admin-1", TokenScope.Admin);
        var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(dir.FullName, "h.db"), TimeSpan.FromHours(1), 2, tokens);
        var ct = TestContext.Current.CancellationToken;
        await using (var app = ServerApp.Build(options, new OneFindingRunner(), TimeProvider.System))
        {
            await app.StartAsync(ct);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            (await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync(new Uri("/api/findings", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "read-1");
            (await http.PostAsync(new Uri("/api/systems/shop/diagnose", UriKind.Relative), null, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "admin-1");
            (await http.PostAsync(new Uri("/api/systems/elsewhere/diagnose", UriKind.Relative), null, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var run = await http.PostAsync(new Uri("/api/systems/shop/diagnose", UriKind.Relative), null, ct);
            run.StatusCode.ShouldBe(HttpStatusCode.OK);

            var open = await http.GetStringAsync(new Uri("/api/findings?status=open&system=shop", UriKind.Relative), ct);
            open.ShouldContain("\"cause\":\"unreachable\"");
            open.ShouldContain("\"runCount\":1");
            (await http.GetStringAsync(new Uri("/api/findings?status=resolved", UriKind.Relative), ct)).ShouldBe("[]");
            await app.StopAsync(ct);
        }

        dir.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private sealed class OneFindingRunner : ISystemRunner
    {
        public IReadOnlyList<string> Systems => ["shop"];

        public Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
        {
            var finding = new Finding("http.unhealthy", "unreachable", Severity.Critical, 1, "api", "The service does not answer", "x", [], "start it", []);
            var report = new Report(system, DateTimeOffset.UtcNow, 1, new ReportSummary(1, 0, 0, 0, 1, 0), [finding], []);
            return Task.FromResult((report, SecretSet.Empty));
        }
    }
}
