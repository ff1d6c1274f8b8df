using Microsoft.AspNetCore.Http;

namespace Medic.Server.Dashboard;

/// <summary>
/// Guards <c>/</c> and <c>/ui/*</c>: <c>/</c> (a redirect), the sign-in page and the stylesheet are open, every other page needs a session
/// cookie (else a redirect to the sign-in page). Adds the security headers every dashboard response carries.
/// </summary>
public sealed class DashboardAuthMiddleware(RequestDelegate next, DashboardSessions sessions)
{
    public const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static bool IsDashboard(PathString path) => path == "/" || path.StartsWithSegments("/ui", StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Csp;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var path = http.Request.Path;
        var open = path == "/" || path == "/ui/login" || path == "/ui/style.css";
        if (!open && sessions.ScopeOf(http.Request.Cookies[DashboardSessions.Cookie]) == Api.TokenScope.None)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            headers.Location = "/ui/login";
            return;
        }

        await next(http).ConfigureAwait(false);
    }
}
