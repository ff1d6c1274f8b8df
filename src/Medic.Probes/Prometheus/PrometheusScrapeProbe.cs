using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Prometheus;

/// <summary>
/// <c>prometheus.scrape</c>: fetches a /metrics page, parses it, and reports the requested metrics with their series
/// and, for histograms, interpolated quantiles. A page that answers but is malformed is still <c>ok</c>, with
/// <c>parse_error</c> set: the endpoint is up, its payload is bad, and runbooks tell those apart.
/// </summary>
public sealed partial class PrometheusScrapeProbe : IProbe
{
    private const long MaxBodyBytes = 64L * 1024 * 1024;
    private static readonly double[] DefaultQuantiles = [0.5, 0.9, 0.99];

    public string Name => "prometheus.scrape";

    public string Description => "Scrapes a Prometheus metrics endpoint: metric families, series, histogram quantiles, parse errors.";

    public IReadOnlyList<string> Kinds { get; } = ["prometheus"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("metrics", ParameterType.StringList, Description:
            "metric names or selectors (http_requests_total{code=~\"5..\"}), optionally alias=selector; default: every family"),
        new("quantiles", ParameterType.Any, Description: "quantiles to compute from histograms, each 0..1 (default [0.5, 0.9, 0.99])"),
        new("max_series", ParameterType.Int, Description: "series listed per metric (default 100; series_count is always the full count)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.Component.GetString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{context.Component.Name}' needs an http(s) url, not '{url}'");
        }

        var args = ReadArguments(context);
        if (args.Error is not null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, args.Error);
        }

        var data = new JsonObject { ["url"] = uri.ToString() };
        context.ReportTarget(uri.ToString(), data);
        var (body, failure) = await FetchAsync(uri, context, data, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var exposition = PrometheusTextParser.Parse(body!);
        var requests = args.Requests ?? [.. exposition.Families.Select(f => new MetricRequest(f.Name, Selector.Parse(f.Name)))];
        data["families_count"] = exposition.Families.Count;
        data["series_count"] = exposition.SampleCount;
        data["metrics"] = ScrapeReport.Metrics(exposition, requests, args.Quantiles, args.MaxSeries);
        data["parse_error"] = ScrapeReport.Error(exposition.FirstError);
        data["parse_errors_count"] = exposition.Errors.Count;
        return ProbeResult.Ok(data);
    }

    private static async Task<(string? Body, ProbeResult? Failure)> FetchAsync(Uri uri, ProbeContext context, JsonObject data, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(context.Timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = context.Timeout,
            MaxAutomaticRedirections = 5,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxBodyBytes };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        // Ask for the text format; a server that prefers OpenMetrics or protobuf still serves text to this.
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("text/plain;version=0.0.4;q=1"));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("*/*;q=0.1"));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            data["status_code"] = (int)response.StatusCode;
            data["content_type"] = response.Content.Headers.ContentType?.ToString();
            if (HttpFailure.FromStatus(response.StatusCode) is { } kind)
            {
                return (null, ProbeResult.Fail(kind, $"{uri} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", data));
            }

            return (await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ProbeResult.Fail(ErrorKinds.Timeout, $"{uri} did not answer within {context.Timeout.TotalSeconds:0.###}s", data));
        }
        catch (HttpRequestException e)
        {
            return (null, ProbeResult.Fail(HttpFailure.Classify(e), $"{uri}: {e.Message}", data));
        }
    }
}
