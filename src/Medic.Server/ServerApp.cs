using Medic.Server.Alerts;
using Medic.Server.Api;
using Medic.Server.Dashboard;
using Medic.Server.Health;
using Medic.Server.Metrics;
using Medic.Server.Scheduling;
using Medic.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medic.Server;

/// <summary>Settings of one <c>medic serve</c> instance.</summary>
public sealed record ServerOptions(string Urls, string StorePath, TimeSpan Interval, int Concurrency, ApiTokens Tokens)
{
    /// <summary>Where alerts go (from <c>--webhook</c> only; nothing in the API adds one).</summary>
    public IReadOnlyList<WebhookTarget> Webhooks { get; init; } = [];

    public AlertRules Alerts { get; init; } = new();

    /// <summary>Every run for a day, then one per hour per system, none after 30 days (by default).</summary>
    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Default;

    /// <summary>Knowledge-base search behind <c>/api/kb</c>; null when the server has none.</summary>
    public KnowledgeSearch? Search { get; init; }
}

/// <summary>Builds the web application: API, health, metrics, dashboard, token checks and the scheduler as a background loop.</summary>
public static class ServerApp
{
    public static WebApplication Build(ServerOptions options, ISystemRunner runner, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var store = HistoryStores.Open(options.StorePath);
        app.Lifetime.ApplicationStopped.Register(store.Dispose);
        var scheduler = new Scheduler(runner, store, options.Interval, options.Concurrency, time);
        var sessions = new DashboardSessions(time);
        app.UseWhen(http => DashboardAuthMiddleware.IsDashboard(http.Request.Path), ui => ui.UseMiddleware<DashboardAuthMiddleware>(sessions));
        app.UseWhen(http => !DashboardAuthMiddleware.IsDashboard(http.Request.Path), api => api.UseMiddleware<TokenMiddleware>(options.Tokens));
        ApiRoutes.Map(app, runner, store, scheduler);
        KnowledgeRoutes.Map(app, options.Search);
        if (options.Webhooks.Count > 0)
        {
            var alerts = AlertWiring.Attach(scheduler, store, options, time);
            app.Lifetime.ApplicationStarted.Register(() => _ = alerts.Sender.RunAsync(app.Lifetime.ApplicationStopping));
        }

        var retention = new RetentionLoop(store, options.Retention, time);
        app.Lifetime.ApplicationStarted.Register(() => _ = retention.RunAsync(app.Lifetime.ApplicationStopping));
        HealthRoutes.Map(app, runner, store, scheduler, time);
        MetricsRoutes.Map(app, new ServerMetrics(store, () => scheduler.Failures));
        DashboardRoutes.Map(app, runner, store, options.Tokens, sessions, time);
        app.Lifetime.ApplicationStarted.Register(() => _ = scheduler.RunAsync(app.Lifetime.ApplicationStopping));
        return app;
    }
}
