using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Systems;

namespace Medic.Bundles.Collect;

/// <summary>
/// GET snapshots of an HTTP service's health, metrics and goroutine dump (Go services expose
/// <c>/debug/pprof/goroutine?debug=1</c>), and of a Prometheus endpoint. Read-only requests, each within a timeout.
/// </summary>
public static class HttpSnapshots
{
    public static async Task<IReadOnlyList<Collected>> CollectAsync(Component component, HttpClient http, BundleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var kind = component.Kind.ToLowerInvariant();
        var url = component.GetString("url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return [];
        }

        var targets = kind switch
        {
            "http" => new (string Name, string Path)[]
            {
                ("health", component.GetString("health") is { Length: > 0 } h ? h : "/health"),
                ("metrics", "/metrics"),
                ("goroutines", "/debug/pprof/goroutine?debug=1"),
            },
            "prometheus" => [("metrics", "")],
            _ => [],
        };
        var headers = component.Settings["headers"] as JsonObject;
        var results = new List<Collected>();
        foreach (var (name, path) in targets)
        {
            var target = path.Length == 0 ? baseUri : new Uri(baseUri, path);
            results.Add(await GetAsync($"snapshots/{component.Name}/{name}.txt", target, headers, http, options, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<Collected> GetAsync(string name, Uri target, JsonObject? headers, HttpClient http, BundleOptions options, CancellationToken cancellationToken)
    {
        var source = $"GET {target}";
        var t0 = Stopwatch.GetTimestamp();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(options.HttpTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            foreach (var (key, value) in headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(key, value?.ToString());
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == 404)
            {
                return Collected.Failed(name, source, "HTTP 404: the service has no such endpoint", Elapsed(t0));
            }

            await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            var text = await ReadCappedAsync(body, options.Limits.MaxFileBytes, cts.Token).ConfigureAwait(false);
            return new Collected(name, text, string.Create(CultureInfo.InvariantCulture, $"{source} → HTTP {status}"), Elapsed(t0));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Collected.Failed(name, source, $"no answer within {options.HttpTimeout.TotalSeconds:0.#}s", Elapsed(t0));
        }
        catch (HttpRequestException e)
        {
            return Collected.Failed(name, source, e.Message, Elapsed(t0));
        }
    }

    private static async Task<string> ReadCappedAsync(Stream body, long cap, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0 && memory.Length < cap)
        {
            memory.Write(buffer, 0, (int)Math.Min(read, cap - memory.Length));
        }

        return System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    private static double Elapsed(long t0) => Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
}
