using System.Net;
using Medic.Scenarios.Tests.StandIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests;

public sealed class StandInServiceTests
{
    private sealed class Toggle : ISeedSurface
    {
        public void Map(WebApplication app, StandInFaults faults) =>
            app.MapGet("/health", () => faults.IsOn("down") ? Results.StatusCode(503) : Results.Ok(new { status = "ok" }));
    }

    [Fact]
    public async Task A_fault_switched_on_changes_what_the_route_answers_and_requests_are_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await StandInService.StartAsync(new Toggle(), ct);
        using var http = new HttpClient();

        (await http.GetAsync(new Uri(service.Url + "/health"), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        service.Faults.Set("down");
        (await http.GetAsync(new Uri(service.Url + "/health"), ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        service.Faults.Clear("down");
        (await http.GetAsync(new Uri(service.Url + "/health"), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        service.Requests.ShouldBe(["GET /health", "GET /health", "GET /health"]);
    }
}
