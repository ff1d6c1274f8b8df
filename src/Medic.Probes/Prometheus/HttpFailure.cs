using System.Net;
using Medic.Core.Model;
using Medic.Probes.Net;

namespace Medic.Probes.Prometheus;

/// <summary>Classifies why an HTTP request failed into the error kinds runbooks test.</summary>
internal static class HttpFailure
{
    /// <summary>The shared network classification, so the scrape reports the same kinds as every other network probe.</summary>
    public static string Classify(HttpRequestException e) => NetErrors.Classify(e).Kind;

    /// <summary>The kind for an HTTP status that means the page is not a metrics page, or null for success.</summary>
    public static string? FromStatus(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => null,
        401 or 403 => ErrorKinds.AuthFailed,
        404 or 410 => ErrorKinds.NotFound,
        429 or 503 => ErrorKinds.Busy,
        _ => ErrorKinds.Protocol,
    };
}
