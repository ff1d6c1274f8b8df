using Medic.Server.Api;
using Medic.Server.Scheduling;
using Medic.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Medic.Server.Dashboard;

/// <summary>The dashboard pages under <c>/ui/</c>, rendered on the server; <see cref="DashboardAuthMiddleware"/> guards them.</summary>
public static class DashboardRoutes
{
    public static void Map(IEndpointRouteBuilder app, ISystemRunner runner, HistoryStore store, ApiTokens tokens, DashboardSessions sessions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        app.MapGet("/", () => Results.Redirect("/ui/"));
        app.MapGet("/ui/style.css", () => Results.Text(DashboardStyle.Css, "text/css; charset=utf-8"));
        app.MapGet("/ui/login", () => Page(LoginPage.Render(null)));
        app.MapPost("/ui/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            var scope = tokens.ScopeOf(form["token"].ToString());
            if (scope == TokenScope.None)
            {
                return Page(LoginPage.Render("That token is not valid."), StatusCodes.Status401Unauthorized);
            }

            http.Response.Cookies.Append(DashboardSessions.Cookie, sessions.Start(scope), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/ui",
                MaxAge = DashboardSessions.Lifetime,
            });
            return Results.Redirect("/ui/", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();
        app.MapPost("/ui/logout", (HttpContext http) =>
        {
            sessions.End(http.Request.Cookies[DashboardSessions.Cookie]);
            http.Response.Cookies.Delete(DashboardSessions.Cookie, new CookieOptions { Path = "/ui" });
            return Results.Redirect("/ui/login");
        }).DisableAntiforgery();

        app.MapGet("/ui/", () => Page(OverviewPage.Render(runner.Systems, store)));
        app.MapGet("/ui/systems/{name}", (string name) => runner.Systems.Contains(name, StringComparer.Ordinal)
            ? Page(SystemPage.Render(name, store, time.GetUtcNow()))
            : NotFound($"There is no system '{name}' in the configuration."));
        app.MapGet("/ui/findings/{id:long}", (long id) => store.Finding(id) is { } f
            ? Page(FindingPage.Render(f, store))
            : NotFound($"There is no finding {id}."));
    }

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static IResult NotFound(string message) =>
        Page(Html.Page("Not found", [("Systems", "/ui/"), ("Not found", null)], $"<h1>Not found</h1><p>{Html.E(message)}</p>"), StatusCodes.Status404NotFound);
}
