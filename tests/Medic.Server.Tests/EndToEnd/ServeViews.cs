using System.Net;
using Medic.Server.Tests.Metrics;
using Medic.Server.Tests.Support;
using Shouldly;

namespace Medic.Server.Tests.EndToEnd;

/// <summary>
/// What a person and a Prometheus server see of a running <c>medic serve</c>: <c>/metrics</c> parsed strictly, and the
/// dashboard pages through a session signed in with the token at <c>/ui/login</c>.
/// </summary>
internal sealed class ServeViews : IDisposable
{
    private readonly MedicServe _serve;
    private readonly HttpClient _browser;
    private string? _session;

    public ServeViews(MedicServe serve)
    {
        _serve = serve;
#pragma warning disable CA2000 // the client owns the handler
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true) { BaseAddress = serve.BaseUrl };
#pragma warning restore CA2000
    }

    public async Task<Dictionary<string, ExpositionParser.Family>> MetricsAsync()
    {
        using var response = await _serve.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return ExpositionParser.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The open-findings gauge samples for one system and cause.</summary>
    public static List<ExpositionParser.Sample> OpenGauge(Dictionary<string, ExpositionParser.Family> metrics, string system, string cause) =>
        [.. metrics["medic_open_findings"].Samples.Where(s => s.Labels["system"] == system && s.Labels["cause"] == cause)];

    /// <summary>Signs in once (POST /ui/login with the token, as the form does) and GETs a dashboard page with the session cookie.</summary>
    public async Task<string> PageAsync(string path)
    {
        _session ??= await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", _session);
        using var response = await _browser.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The HTML between the start of <paramref name="from"/> and the start of <paramref name="to"/> (or the end).</summary>
    public static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no {from}");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    /// <summary>The overview's table row of one system.</summary>
    public static string OverviewRow(string overview, string system) =>
        Between(overview, $"<a href=\"/ui/systems/{system}\">", "</tr>");

    public void Dispose() => _browser.Dispose();

    private async Task<string> SignInAsync()
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("token", MedicServe.Token)]);
        using var login = await _browser.PostAsync(new Uri("/ui/login", UriKind.Relative), form);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = login.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem();
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
