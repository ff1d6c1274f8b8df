using Medic.Scenarios.Tests.StandIn;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.HarmonyLite;

public sealed class HarmonyLiteSurfaceTests
{
    [Fact]
    public async Task Metrics_goroutines_and_health_follow_the_faults()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await StandInService.StartAsync(new HarmonyLiteSurface(), ct);
        using var http = new HttpClient();

        (await http.GetStringAsync(new Uri(service.Url + "/metrics"), ct)).ShouldContain("pending_publish 0");
        service.Faults.Set("pending-publish", "750");
        service.Faults.Set("goroutines", "9000");
        service.Faults.Set("unhealthy");

        var metrics = await http.GetStringAsync(new Uri(service.Url + "/metrics"), ct);
        metrics.ShouldContain("pending_publish 750");
        metrics.ShouldContain("harmonylite_published 1042");
        metrics.ShouldContain("snapshot_age 120");
        (await http.GetStringAsync(new Uri(service.Url + "/debug/pprof/goroutine?debug=1"), ct)).ShouldStartWith("goroutine profile: total 9000");
        ((int)(await http.GetAsync(new Uri(service.Url + "/health"), ct)).StatusCode).ShouldBe(503);
    }
}
