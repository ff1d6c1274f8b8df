using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Http;
using Medic.Probes.Net;

namespace Medic.Probes.Nginx;

/// <summary>
/// <c>nginx.status</c>: one GET of nginx's <c>stub_status</c> page (the component's <c>status</c>, a URL or a path
/// under its <c>url</c>): active connections, accepted, handled and dropped connections, requests, and the
/// reading/writing/waiting split. Failing to connect is classified like every network probe.
/// </summary>
public sealed class NginxStatusProbe : IProbe
{
    private const int MaxBodyBytes = 64 * 1024;

    public string Name => "nginx.status";

    public string Description =>
        "GET nginx's stub_status page: active connections, accepts, handled, dropped (accepts - handled), requests, "
        + "reading, writing, waiting";

    public IReadOnlyList<string> Kinds { get; } = ["nginx"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("path", ParameterType.String, Description: "stub_status URL, or a path under the component's url (default: the component's 'status')"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = Target(context, out var problem);
        if (target is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!);
        }

        var data = new JsonObject { ["url"] = target.DisplayUrl };
        context.ReportTarget(target.DisplayUrl, data);
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = context.Time.GetTimestamp();
        try
        {
            using var request = target.CreateRequest(target.Uri);
            using var response = await ProbeHttpClient.Instance.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadAsync(response.Content, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            data["status_code"] = code;
            data["latency_ms"] = ProbeDeadline.Milliseconds(context.Time.GetElapsedTime(started));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ProbeResult.Fail(KindOf(code), $"{target.DisplayUrl} answered HTTP {code} {response.ReasonPhrase}, not the stub_status page", data);
            }

            if (StubStatus.Parse(body) is not { } status)
            {
                return ProbeResult.Fail(ErrorKinds.Protocol, $"{target.DisplayUrl} answered, but not with nginx stub_status output", data);
            }

            status.WriteTo(data);
            return ProbeResult.Ok(data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, $"no answer from {target.DisplayUrl} within {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            var failure = NetErrors.Classify(e);
            return ProbeResult.Fail(failure.Kind, failure.Message, data);
        }
    }

    /// <summary>The status URL: an absolute <c>status</c> as it is, or a path joined to the component's <c>url</c>.</summary>
    private static HttpTarget? Target(ProbeContext context, out string? problem)
    {
        var component = context.Component;
        var status = context.Args.ContainsKey("path") ? context.GetString("path") : component.GetString("status");
        if (string.IsNullOrWhiteSpace(status))
        {
            problem = $"component '{component.Name}' has no 'status': give the stub_status URL, or a path under its 'url'";
            return null;
        }

        var absolute = status.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || status.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var baseUrl = component.GetString("url");
        if (!absolute && string.IsNullOrWhiteSpace(baseUrl))
        {
            problem = $"component '{component.Name}' has a relative 'status' ({status}) but no 'url' to put it under";
            return null;
        }

        var settings = (JsonObject)component.Settings.DeepClone();
        settings["url"] = absolute ? status : baseUrl;
        var http = context with { Component = component with { Settings = settings }, Args = new JsonObject { ["path"] = status } };
        return HttpTarget.Create(http, out problem);
    }

    private static string KindOf(int code) => code switch
    {
        404 => ErrorKinds.NotFound,
        401 or 403 => ErrorKinds.PermissionDenied,
        >= 500 => ErrorKinds.ServerError,
        _ => ErrorKinds.Protocol,
    };

    private static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
