namespace Medic.Server.Alerts;

/// <summary>How a webhook's body is shaped: Medic's own JSON, or Slack's incoming-webhook <c>{"text": …}</c>.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
}

/// <summary>One configured webhook. Only <c>medic serve --webhook</c> creates these: no API route names an address.</summary>
public sealed record WebhookTarget(Uri Url, WebhookFormat Format)
{
    /// <summary>Parses <c>URL</c> or <c>URL,slack</c> (or <c>URL,json</c>); returns null and a reason when it cannot.</summary>
    public static WebhookTarget? TryParse(string text, out string error)
    {
        error = "";
        var comma = text.LastIndexOf(',');
        var url = comma < 0 ? text : text[..comma];
        var format = WebhookFormat.Json;
        if (comma >= 0)
        {
            var name = text[(comma + 1)..].Trim();
            if (!Enum.TryParse(name, ignoreCase: true, out format) || !Enum.IsDefined(format))
            {
                error = $"unknown webhook format '{name}' (use json or slack)";
                return null;
            }
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{url}' is not an http:// or https:// URL";
            return null;
        }

        return new WebhookTarget(uri, format);
    }

    /// <summary>The URL without its path and query, which often carry a secret (Slack's hook path does).</summary>
    public string Display => $"{Url.Scheme}://{Url.Authority}/…";
}
