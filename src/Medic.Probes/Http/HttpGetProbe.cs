using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Http;

/// <summary>
/// <c>http.get</c>: one GET against an HTTP component. Any answer is data (status code, masked headers, the body as
/// JSON or text, and a normalised reading of a health document); only failing to get an answer is an error.
/// </summary>
public sealed class HttpGetProbe : IProbe
{
    private const int MaxRedirects = 5;

    public string Name => "http.get";

    public string Description =>
        "GET a path of an HTTP service (default: its health path): status code, latency, headers, the body as JSON or text, "
        + "and the health document read into {status, checks} whatever the framework (ASP.NET, Spring, Go, FastAPI, …)";

    public IReadOnlyList<string> Kinds { get; } = ["http"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("path", ParameterType.String, Description: "path appended to the component's url (default: its 'health', else /)"),
        new("headers", ParameterType.Map, Description: "headers to send, over the component's own"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = HttpTarget.Create(context, out var problem);
        if (target is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!, new JsonObject { ["url"] = context.Component.GetString("url") });
        }

        var data = new JsonObject { ["url"] = target.DisplayUrl };
        context.ReportTarget(target.DisplayUrl, data);
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = context.Time.GetTimestamp();
        try
        {
            var (response, uri, redirects) = await SendAsync(target, linked.Token).ConfigureAwait(false);
            using (response)
            {
                data["final_url"] = HttpTarget.Display(uri);
                data["redirects"] = redirects;
                data["latency_ms"] = ProbeDeadline.Milliseconds(context.Time.GetElapsedTime(started));
                await HttpResponseReader.ReadAsync(data, response, linked.Token).ConfigureAwait(false);
            }

            return ProbeResult.Ok(data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, $"no answer from {target.DisplayUrl} within {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            var failure = NetErrors.Classify(e);
            var message = failure.Kind == ErrorKinds.Dns ? $"{target.Uri.Host}: name does not resolve ({failure.Message})" : failure.Message;
            return ProbeResult.Fail(failure.Kind, message, data);
        }
    }

    private static async Task<(HttpResponseMessage Response, Uri Uri, int Redirects)> SendAsync(HttpTarget target, CancellationToken cancellationToken)
    {
        var uri = target.Uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = target.CreateRequest(uri);
            var response = await ProbeHttpClient.Instance.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (redirects >= MaxRedirects || NextLocation(response, uri) is not { } next)
            {
                return (response, uri, redirects);
            }

            response.Dispose();
            uri = next;
        }
    }

    private static Uri? NextLocation(HttpResponseMessage response, Uri current)
    {
        var code = (int)response.StatusCode;
        if (code is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps ? next : null;
    }
}
