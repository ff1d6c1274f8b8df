using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Medic.Cli;
using Medic.Cli.Commands;
using Medic.Core.Engine;
using Medic.Server;
using Medic.Server.Api;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Medic.Server.BrowserTests;

/// <summary>
/// Debian's Chromium (no Playwright browser download) drives the dashboard of a real <c>medic serve</c> app: the system's
/// SQLite component points at a file that does not exist, so the built-in runbook finds it; a person signs in, follows
/// links by mouse and keyboard from the overview to the system and to the finding, and reads what the page says.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_person_signs_in_and_goes_from_the_overview_to_the_system_and_the_finding()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (test.sh installs it)");
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("medic-browser-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "shop.yaml"), """
                system: shop
                components:
                  orders-db:
                    kind: sqlite
                    path: data/orders.db
                """);
            var port = FreePort();
            var tokens = new ApiTokens();
            tokens.Add("reader-token-1", TokenScope.Read);
            tokens.Add("admin-token-1", TokenScope.Admin);
            var runtime = new MedicRuntime();
            var cli = new CliContext(runtime, TextWriter.Null, TextWriter.Null, interactive: false);
            var runner = new ServeSystemRunner(cli, [Path.Combine(dir.FullName, "shop.yaml")], runtime.LoadRunbooks([]), new DiagnoseOptions());
            var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(dir.FullName, "history.db"), TimeSpan.FromHours(1), 2, tokens);
            var baseUrl = $"http://127.0.0.1:{port}";
            await using var app = ServerApp.Build(options, runner, TimeProvider.System);
            await app.StartAsync(ct);
            using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "admin-token-1");
                for (var i = 0; i < 2; i++)
                {
                    (await http.PostAsync(new Uri("/api/systems/shop/diagnose", UriKind.Relative), null, ct)).EnsureSuccessStatusCode();
                }
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });

            await page.GotoAsync(baseUrl + "/");
            page.Url.ShouldEndWith("/ui/login");
            await page.GetByLabel("API token").FillAsync("wrong-token");
            await page.GetByLabel("API token").PressAsync("Enter");
            (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("not valid");
            await page.GetByLabel("API token").FillAsync("reader-token-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Systems", Level = 1 }).WaitForAsync();
            page.Url.ShouldNotContain("token");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "shop" });
            (await row.InnerTextAsync()).ShouldContain("failing");
            (await row.InnerTextAsync()).ShouldContain("The database file does not exist");
            (await row.InnerTextAsync()).ShouldContain("critical");

            await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Skip to content");
            await page.GetByRole(AriaRole.Link, new() { Name = "shop", Exact = true }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "shop", Level = 1 }).WaitForAsync();
            var open = page.Locator("article.finding");
            (await open.CountAsync()).ShouldBe(1);
            var text = await open.InnerTextAsync();
            text.ShouldContain("critical");
            text.ShouldContain("orders-db");
            text.ShouldContain("file-missing");
            text.ShouldContain("orders.db does not exist");
            text.ShouldContain("Point the service at the right path");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Probe latency" }).CountAsync()).ShouldBe(1);
            (await page.Locator("svg[role=img]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
            await Screenshot(page, "system-phone.png");

            var findingLink = open.GetByRole(AriaRole.Link, new() { Name = "The database file does not exist" });
            await findingLink.FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await page.GetByRole(AriaRole.Heading, new() { Name = "The database file does not exist", Level = 1 }).WaitForAsync();
            page.Url.ShouldContain("/ui/findings/");
            var facts = await page.Locator("dl.facts").InnerTextAsync();
            facts.ShouldContain("open");
            facts.ShouldContain("orders-db");
            facts.ShouldContain("file-missing");
            var history = page.GetByRole(AriaRole.Table).Last;
            // a header and the two runs asked for; the scheduler's own first run (jittered within 6 minutes) may add one
            (await history.GetByRole(AriaRole.Row).CountAsync()).ShouldBeInRange(3, 4);
            (await history.InnerTextAsync()).ShouldContain("pragma.error.kind = not_found");
            (await page.Locator(".fix").InnerTextAsync()).ShouldContain("restore the file");
            await page.SetViewportSizeAsync(1280, 900);
            await Screenshot(page, "finding-laptop.png");

            await page.GetByRole(AriaRole.Link, new() { Name = "shop" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "shop", Level = 1 }).WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            page.Url.ShouldEndWith("/ui/login");
            await page.GotoAsync(baseUrl + "/ui/");
            page.Url.ShouldEndWith("/ui/login");
            await app.StopAsync(ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>With MEDIC_SCREENSHOTS set to a folder, saves what the browser shows there (for reviewing the layout).</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MEDIC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
