using Microsoft.AspNetCore.Http;

namespace Medic.Server.Api;

/// <summary>Every route but <c>/health*</c> needs a bearer token; writes (POST) need the admin scope.</summary>
public sealed class TokenMiddleware(RequestDelegate next, ApiTokens tokens)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var scope = tokens.ScopeOf(presented);
        var needed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? TokenScope.Read : TokenScope.Admin;
        if (scope == TokenScope.None)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await http.Response.WriteAsJsonAsync(new { error = "a bearer token is required" }).ConfigureAwait(false);
            return;
        }

        if (scope < needed)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(new { error = "this route needs an admin token" }).ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }
}
