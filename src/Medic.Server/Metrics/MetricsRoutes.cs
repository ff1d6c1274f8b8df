using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Medic.Server.Metrics;

/// <summary><c>GET /metrics</c>: Prometheus text format; like every route but <c>/health*</c>, it needs a read token.</summary>
public static class MetricsRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        app.MapGet("/metrics", () => Results.Text(metrics.Render(), PrometheusText.ContentType));
    }
}
