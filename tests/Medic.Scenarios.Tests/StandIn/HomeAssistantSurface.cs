using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// The part of Home Assistant's REST API PMA calls: <c>GET /api/</c> with a long-lived access token as a Bearer header
/// answers <c>{"message":"API running."}</c>, any other token HTTP 401. No faults: a wrong token or URL is the fault.
/// </summary>
public sealed class HomeAssistantSurface(string token) : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults) =>
        app.MapGet("/api/", (HttpContext context) =>
            context.Request.Headers.Authorization.ToString() == $"Bearer {token}"
                ? Results.Json(new { message = "API running." })
                : Results.Json(new { message = "401: Unauthorized" }, statusCode: 401));
}
