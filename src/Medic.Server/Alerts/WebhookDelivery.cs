using System.Net.Http.Headers;
using System.Text;

namespace Medic.Server.Alerts;

/// <summary>The outcome of posting one alert: delivered or not, after how many attempts, and the last status or error.</summary>
public sealed record DeliveryResult(bool Delivered, int Attempts, string Detail);

/// <summary>
/// Posts one alert to one webhook with a per-attempt timeout and retries with exponential backoff. Redirects are not
/// followed, so a receiver cannot send the server on to an address that is not configured.
/// </summary>
public sealed class WebhookDelivery(HttpMessageInvoker http, TimeProvider time, int retries = 3, TimeSpan? timeout = null, TimeSpan? backoff = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(5);
    private readonly TimeSpan _backoff = backoff ?? TimeSpan.FromSeconds(1);

    public static HttpMessageInvoker CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    public async Task<DeliveryResult> SendAsync(WebhookTarget target, AlertEvent alert, CancellationToken cancellationToken = default)
    {
        var body = AlertPayloads.Body(alert, target.Format);
        var detail = "";
        for (var attempt = 1; ; attempt++)
        {
            detail = await AttemptAsync(target, body, cancellationToken).ConfigureAwait(false);
            if (detail.Length == 0)
            {
                return new DeliveryResult(true, attempt, "delivered");
            }

            if (attempt > retries)
            {
                return new DeliveryResult(false, attempt, detail);
            }

            var wait = TimeSpan.FromTicks(_backoff.Ticks << (attempt - 1));
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns "" when the receiver answered 2xx, else what went wrong.</summary>
    private async Task<string> AttemptAsync(WebhookTarget target, string body, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.UserAgent.ParseAdd("medic-serve");
        try
        {
            using var response = await http.SendAsync(request, limit.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300 ? "" : $"HTTP {code} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_timeout.TotalSeconds:0.#}s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}
