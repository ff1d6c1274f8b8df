using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Medic.Cli.Commands;
using Medic.Core.Engine;
using Medic.Server;
using Medic.Server.Api;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary><c>GET /api/kb</c> of a real <c>medic serve</c> answers from a real knowledge-base file, behind the token check.</summary>
public sealed class ServeKnowledgeTests
{
    [Fact]
    public async Task Kb_search_answers_an_error_code_and_refuses_bad_queries_and_missing_tokens()
    {
        using var folder = new TempFolder();
        var system = folder.Write("shop.yaml", "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        var cli = new CliContext(new MedicRuntime(), new StringWriter(), new StringWriter(), interactive: false);
        var tokens = new ApiTokens();
        tokens.Add("read-1", TokenScope.Read);
        var port = FreePort();
        var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(folder.Path, "h.db"), TimeSpan.FromHours(1), 1, tokens)
        {
            Search = ServeKnowledge.Open(cli, Path.Combine(folder.Path, "kb.db")),
        };
        var ct = TestContext.Current.CancellationToken;
        await using var app = ServerApp.Build(options, new ServeSystemRunner(cli, [system], [], new DiagnoseOptions()), TimeProvider.System);
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        (await http.GetAsync(new Uri("/api/kb?q=AUTH007", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "read-1");
        var answer = await http.GetStringAsync(new Uri("/api/kb?q=AUTH007&n=1", UriKind.Relative), ct);
        answer.ShouldContain("\"exact_code\":true");
        answer.ShouldContain("AUTH007");
        File.Exists(Path.Combine(folder.Path, "kb.db")).ShouldBeTrue();
        (await http.GetAsync(new Uri("/api/kb?q=", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await http.GetAsync(new Uri("/api/kb?q=x&n=99", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await app.StopAsync(ct);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
