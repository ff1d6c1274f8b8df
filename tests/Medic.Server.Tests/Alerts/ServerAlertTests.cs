using System.Net.Http.Headers;
using System.Text.Json;
using Medic.Core.Model;
using Medic.Server.Alerts;
using Medic.Server.Api;
using Medic.Server.Scheduling;
using Medic.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Alerts;

/// <summary>The whole server on Kestrel posting to a real receiver; runs are triggered through the API.</summary>
public sealed class ServerAlertTests
{
    [Fact]
    public async Task A_finding_alerts_once_after_two_runs_and_again_when_it_resolves()
    {
        var dir = Directory.CreateTempSubdirectory("medic-alerts-");
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = WebhookReceiver.FreePort();
        var tokens = new ApiTokens();
        tokens.Add("admin-1", TokenScope.Admin);
        var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(dir.FullName, "h.db"), TimeSpan.FromHours(1), 2, tokens)
        {
            Webhooks = [new WebhookTarget(receiver.Url, WebhookFormat.Json)],
        };
        var runner = new SwitchRunner();
        var ct = TestContext.Current.CancellationToken;
        await using (var app = ServerApp.Build(options, runner, TimeProvider.System))
        {
            await app.StartAsync(ct);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "admin-1");
            var diagnose = new Uri("/api/systems/shop/diagnose", UriKind.Relative);

            for (var i = 0; i < 4; i++)
            {
                (await http.PostAsync(diagnose, null, ct)).EnsureSuccessStatusCode();
            }

            runner.Broken = false;
            (await http.PostAsync(diagnose, null, ct)).EnsureSuccessStatusCode();
            (await http.PostAsync(diagnose, null, ct)).EnsureSuccessStatusCode();

            var bodies = await receiver.WaitForAsync(2);
            await Task.Delay(300, ct);
            receiver.Bodies.Count.ShouldBe(2);
            bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("event").GetString()).ShouldBe(["opened", "resolved"]);
            await app.StopAsync(ct);
        }

        dir.Delete(recursive: true);
    }

    private sealed class SwitchRunner : ISystemRunner
    {
        public bool Broken { get; set; } = true;

        public IReadOnlyList<string> Systems => ["shop"];

        public Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
        {
            Finding[] findings = Broken ? [new Finding("http.unhealthy", "unreachable", Severity.Critical, 1, "api", "The service does not answer", "x", [], "start it", [])] : [];
            var report = new Report(system, DateTimeOffset.UtcNow, 1, new ReportSummary(findings.Length, 0, 0, 0, 1, 0), findings, []);
            return Task.FromResult((report, SecretSet.Empty));
        }
    }
}
